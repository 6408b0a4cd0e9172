// One document held in memory: the Y.Doc, its awareness, the peers editing it, and the fan-out between them.
// A writer's change is applied here at once, queued for storage (onChange → onStoreDocument) and broadcast to the
// peers already connected only once its batch is committed. A peer joining meanwhile is answered (sync step 2)
// from this in-memory doc, so it may receive a change not stored yet. Should a restart lose that change, a writer
// holding it (its author, or a writer who joined meanwhile) re-sends it on reconnecting (sync step 2); a read-only
// peer cannot, and shows the change until such a writer comes back or the page is reloaded.
// What reaches the Y.Doc is checked first: updates against the editor's schema (update-policy.ts) and the size
// quota, awareness states against awareness-policy.ts and, per connection, a rate (awareness-throttle.ts).
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { AwarenessOwners, decodeAwarenessUpdate, encodeAwarenessEntries, type AwarenessEntry } from "./awareness";
import { sanitizeAwarenessState } from "./awareness-policy";
import { AwarenessThrottle } from "./awareness-throttle";
import { encodeAwareness, encodeSyncStep1, encodeUpdate, type DocumentState, type Peer, type UpdateRefusal } from "./messages";
import { createUpdateQueue, type UpdateQueue, type UpdateQueueOptions } from "./persistence";
import { checkUpdate } from "./update-policy";
import type { StoredUpdate } from "../app/models/collab-document.server";
import type { CollabLimits } from "./limits";
import type { CollabMetrics } from "./metrics";
import type { Logger } from "./logger";

interface PendingUpdate extends StoredUpdate {
  author: Peer | null;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export interface DocumentContext {
  limits: CollabLimits;
  metrics: CollabMetrics;
  logger: Logger;
}

export class SharedDocument implements DocumentState {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly peers = new Map<Peer, AwarenessThrottle>();
  private readonly awarenessOwners = new AwarenessOwners<Peer>();
  private readonly queue: UpdateQueue<PendingUpdate>;
  /** The quota's measure: the loaded state's size plus the updates applied since (deletions never count down). */
  private bytes: number;

  constructor(
    readonly name: string,
    storedState: Uint8Array | null,
    { store, onStoreError }: UpdateQueueOptions<StoredUpdate>,
    private readonly context: DocumentContext,
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
    this.bytes = storedState?.length ?? 0;
    this.awareness.setLocalState(null);
    this.doc.on("update", this.onUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  attach(peer: Peer): void {
    this.peers.set(peer, new AwarenessThrottle(this.context.limits, (entries) => this.relayAwareness(peer, entries)));
    peer.send(encodeSyncStep1(this.doc));
    const clients = Array.from(this.awareness.getStates().keys());
    if (clients.length > 0) peer.send(encodeAwareness(this.awareness, clients));
  }

  detach(peer: Peer): void {
    const throttle = this.peers.get(peer);
    if (!throttle) return;
    throttle.dispose();
    this.peers.delete(peer);
    awarenessProtocol.removeAwarenessStates(this.awareness, this.awarenessOwners.release(peer), null);
  }

  applyUpdate(peer: Peer, update: Uint8Array): UpdateRefusal | null {
    const { limits, metrics, logger } = this.context;
    const verdict = checkUpdate(this.doc, update);
    let refusal: UpdateRefusal | null = verdict.ok ? null : verdict.reason;
    let detail = verdict.ok ? "" : verdict.detail;
    if (verdict.ok && verdict.insertsContent && this.bytes + update.length > limits.maxDocumentBytes) {
      // The running total only grows: measure the document itself (what a joiner downloads) before refusing.
      this.bytes = Y.encodeStateAsUpdate(this.doc).length;
      if (this.bytes + update.length > limits.maxDocumentBytes) {
        refusal = "over-quota";
        detail = `${this.bytes} + ${update.length} bytes > ${limits.maxDocumentBytes}`;
      }
    }
    if (refusal) {
      metrics.refusedUpdates++;
      logger.warn(
        `collab: refused an update to ${JSON.stringify(this.name)} from user ${JSON.stringify(peer.grant.userId)}: ` +
          `${refusal} (${JSON.stringify(detail)})`,
      );
      return refusal;
    }
    Y.applyUpdate(this.doc, update, peer);
    this.bytes += update.length;
    return null;
  }

  applyAwarenessUpdate(peer: Peer, update: Uint8Array): "flooding" | null {
    const { limits, metrics } = this.context;
    const throttle = this.peers.get(peer);
    if (!throttle) return null;
    if (update.length > limits.maxAwarenessMessageBytes) {
      metrics.refusedAwarenessMessages++;
      return null;
    }
    const entries = decodeAwarenessUpdate(update);
    const owned = this.awarenessOwners.claim(peer, entries.map((entry) => entry.clientID));
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      if (!owned.has(entry.clientID)) continue;
      const verdict = sanitizeAwarenessState(entry.state, peer.grant, limits.maxAwarenessStateBytes);
      if (verdict.ok) accepted.push({ ...entry, state: verdict.state });
      else metrics.refusedAwarenessStates++;
    }
    if (accepted.length === 0) return null;
    const outcome = throttle.offer(accepted);
    if (outcome === "held") metrics.throttledAwarenessMessages++;
    return outcome === "flooding" ? "flooding" : null;
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }

  destroy(): void {
    for (const throttle of this.peers.values()) throttle.dispose();
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

  // Called now or, when the peer's rate was exceeded, later: the peer may have left meanwhile.
  private relayAwareness(peer: Peer, entries: AwarenessEntry[]) {
    if (!this.peers.has(peer)) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), peer);
  }

  // Sent to every peer including the sender: the stock client reconnects after 30 s without any message, and
  // its own awareness renewals (every 15 s) are what a lone client receives.
  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange) => {
    const message = encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
    for (const peer of this.peers.keys()) peer.send(message);
  };
}
