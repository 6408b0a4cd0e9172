// One document held in memory: the Y.Doc, its awareness, the peers editing it, and the fan-out between them.
// A writer's change is applied here at once, queued for storage (onChange → onStoreDocument) and broadcast to the
// other peers only once its batch is committed, so no one ever sees a change a restart could lose.
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
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
  /** Each peer with the awareness client ids it controls, removed when it leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
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

  get peerCount(): number {
    return this.peers.size;
  }

  attach(peer: Peer): void {
    this.peers.set(peer, new Set());
    peer.send(encodeSyncStep1(this.doc));
    const clients = Array.from(this.awareness.getStates().keys());
    if (clients.length > 0) peer.send(encodeAwareness(this.awareness, clients));
  }

  detach(peer: Peer): void {
    const controlled = this.peers.get(peer);
    if (!controlled) return;
    this.peers.delete(peer);
    awarenessProtocol.removeAwarenessStates(this.awareness, Array.from(controlled), null);
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
    for (const peer of this.peers.keys()) if (peer !== author) peer.send(message);
  }

  // Sent to every peer including the sender: the stock client reconnects after 30 s without any message, and
  // its own awareness renewals (every 15 s) are what a lone client receives.
  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const controlled = this.peers.get(origin as Peer);
    if (controlled) {
      for (const id of added) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    const message = encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
    for (const peer of this.peers.keys()) peer.send(message);
  };
}
