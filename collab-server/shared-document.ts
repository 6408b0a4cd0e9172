// One document held in memory: the Y.Doc, its awareness, the peers editing it, and the fan-out between them.
// A writer's change is applied here at once, queued for storage (onChange → onStoreDocument) and broadcast to the
// peers already connected only once its batch is committed. A peer joining meanwhile is answered (sync step 2)
// from this in-memory doc, so it may receive a change not stored yet. Should a restart lose that change, a writer
// holding it (its author, or a writer who joined meanwhile) re-sends it on reconnecting (sync step 2); a read-only
// peer cannot, and shows the change until such a writer comes back or the page is reloaded.
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { AwarenessOwners, decodeAwarenessUpdate, encodeAwarenessEntries, withUserName } from "./awareness";
import { encodeAwareness, encodeSyncStep1, encodeUpdate, type DocumentState, type Peer } from "./messages";
import { createUpdateQueue, type UpdateQueue, type UpdateQueueOptions } from "./persistence";
import type { StoredUpdate } from "../app/models/collab-document.server";

interface PendingUpdate extends StoredUpdate {
  author: Peer | null;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class SharedDocument implements DocumentState {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly peers = new Set<Peer>();
  private readonly awarenessOwners = new AwarenessOwners<Peer>();
  private readonly queue: UpdateQueue<PendingUpdate>;

  constructor(
    readonly name: string,
    storedState: Uint8Array | null,
    { store, onStoreError }: UpdateQueueOptions<StoredUpdate>,
  ) {
    this.queue = createUpdateQueue<PendingUpdate>({
      store: async (batch) => {
        await store(batch);
        for (const { update, author } of batch) this.broadcastUpdate(update, author);
      },
      onStoreError,
    });
    // Applied before the update handler is attached: the loaded state is already stored.
    if (storedState) Y.applyUpdate(this.doc, storedState);
    this.awareness.setLocalState(null);
    this.doc.on("update", this.onUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  attach(peer: Peer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(this.doc));
    const clients = Array.from(this.awareness.getStates().keys());
    if (clients.length > 0) peer.send(encodeAwareness(this.awareness, clients));
  }

  detach(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, this.awarenessOwners.release(peer), null);
  }

  applyAwarenessUpdate(peer: Peer, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update);
    if (!this.peers.has(peer)) return;
    const owned = this.awarenessOwners.claim(peer, entries.map((entry) => entry.clientID));
    const accepted = entries
      .filter((entry) => owned.has(entry.clientID))
      .map((entry) => ({ ...entry, state: withUserName(entry.state, peer.grant.userName) }));
    if (accepted.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), peer);
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }

  destroy(): void {
    this.doc.off("update", this.onUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    const author = this.peers.has(origin as Peer) ? (origin as Peer) : null;
    this.queue.push({ update, userId: author?.grant.userId ?? null, author });
  };

  private broadcastUpdate(update: Uint8Array, author: Peer | null) {
    const message = encodeUpdate(update);
    for (const peer of this.peers) if (peer !== author) peer.send(message);
  }

  // Sent to every peer including the sender: the stock client reconnects after 30 s without any message, and
  // its own awareness renewals (every 15 s) are what a lone client receives.
  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange) => {
    const message = encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
    for (const peer of this.peers) peer.send(message);
  };
}
