// One document held in memory: the Y.Doc, its awareness, the peers editing it, and the fan-out between them.
//
// The rule: no client ever receives an update that a crash can lose. A writer's change is checked, applied here at
// once and queued for the group commit (group-commit.ts); it is broadcast to the other peers, and published to the
// other collab-server processes, only once its batch is committed. A peer joining meanwhile asks for the document
// (sync step 1); the answer is computed at once but sent only when every update it can contain is committed, which
// is at most one commit later. Updates that arrive already stored (from another process through Redis, or a reload
// from PostgreSQL) are applied and broadcast at once.
//
// What reaches the Y.Doc from a peer is checked first: updates against the document's schema (update-policy.ts) and
// the size quota, awareness states against awareness-policy.ts and, per connection, a rate (awareness-throttle.ts).
// A frozen document (its forum closed) drops every peer's update from then on.
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { AwarenessOwners, decodeAwarenessUpdate, encodeAwarenessEntries, type AwarenessEntry } from "./awareness";
import { sanitizeAwarenessState } from "./awareness-policy";
import { AwarenessThrottle } from "./awareness-throttle";
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MESSAGE_AWARENESS,
  type DocumentState,
  type Peer,
  type UpdateRefusal,
} from "./messages";
import type { CommitEntry, CommitSink, GroupCommit } from "./group-commit";
import type { DocumentChannel, ReceivedMessage } from "./relay";
import { checkUpdate, type DocumentSchema } from "./update-policy";
import type { CollabLimits } from "./limits";
import type { CollabMetrics } from "./metrics";
import type { Logger } from "./logger";
import * as encoding from "lib0/encoding";

/** An update of this document waiting for its commit. */
export interface PendingUpdate extends CommitEntry<PendingUpdate> {
  author: Peer | null;
  /** Its rank among this document's updates. */
  seq: number;
}

/** The origin of changes that are stored already: another process's updates, a reload from PostgreSQL. */
export const STORED_ELSEWHERE = Object.freeze({ storedElsewhere: true });

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The connections of one user to another process, as an owner of awareness clientIDs. */
interface RemoteOwner {
  readonly grant: { readonly userId: string };
  readonly remote: true;
}

type Owner = Peer | RemoteOwner;

export interface DocumentContext {
  limits: CollabLimits;
  metrics: CollabMetrics;
  logger: Logger;
  schema: DocumentSchema;
  commit: GroupCommit<PendingUpdate>;
  /** The Redis channel of this document, when several processes may hold it. */
  channel: DocumentChannel | null;
  /** Told after each stored batch of this document's updates (compaction requests). */
  onStored?(count: number): void;
}

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === "object" && origin !== null && "send" in origin && "grant" in origin;
}

export class SharedDocument implements DocumentState, CommitSink<PendingUpdate> {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly peers = new Map<Peer, AwarenessThrottle>();
  private readonly awarenessOwners = new AwarenessOwners<Owner>();
  private readonly remoteOwners = new Map<string, RemoteOwner>();
  /** The quota's measure: the loaded state's size plus the updates applied since (deletions never count down). */
  private bytes: number;
  private frozen = false;
  private destroyed = false;
  /** Updates of peers applied, and of those the ones committed (a prefix: commits keep arrival order). */
  private appliedSeq = 0;
  private committedSeq = 0;
  /** Sync answers and flushes waiting for a commit. */
  private deferredAnswers: Array<{ peer: Peer; message: Uint8Array; seq: number }> = [];
  private flushWaiters: Array<{ seq: number; resolve: () => void }> = [];

  constructor(
    readonly name: string,
    storedState: Uint8Array | null,
    private readonly context: DocumentContext,
  ) {
    // Applied before the update handler is attached: the loaded state is already stored.
    if (storedState) Y.applyUpdate(this.doc, storedState);
    this.bytes = storedState?.length ?? 0;
    this.awareness.setLocalState(null);
    this.doc.on("update", this.onUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  get isFrozen(): boolean {
    return this.frozen;
  }

  get channel(): DocumentChannel | null {
    return this.context.channel;
  }

  attach(peer: Peer): void {
    this.peers.set(peer, new AwarenessThrottle(this.context.limits, (entries) => this.relayAwareness(peer, entries)));
    // Our state vector only: the peer answers with what we lack, which reveals nothing unstored to it.
    peer.send(encodeSyncStep1(this.doc));
    const clients = Array.from(this.awareness.getStates().keys());
    if (clients.length > 0) peer.send(encodeAwareness(this.awareness, clients));
  }

  detach(peer: Peer): void {
    const throttle = this.peers.get(peer);
    if (!throttle) return;
    throttle.dispose();
    this.peers.delete(peer);
    this.deferredAnswers = this.deferredAnswers.filter((answer) => answer.peer !== peer);
    // Origin = the peer: the removal is relayed to the other processes like its states were.
    awarenessProtocol.removeAwarenessStates(this.awareness, this.awarenessOwners.release(peer), peer);
  }

  /** From now on every peer's update is dropped (counted); connections stay open and keep receiving. */
  freeze(): void {
    if (this.frozen) return;
    this.frozen = true;
    this.context.metrics.frozenDocuments++;
    this.context.logger.info(`collab: ${JSON.stringify(this.name)} is frozen (its forum closed): updates are dropped from now on`);
  }

  applyUpdate(peer: Peer, update: Uint8Array): UpdateRefusal | "ignored-frozen" | null {
    const { limits, metrics, logger, schema } = this.context;
    if (this.frozen) {
      metrics.ignoredFrozenUpdates++;
      return "ignored-frozen";
    }
    const verdict = checkUpdate(this.doc, update, schema);
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

  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    // Computed now, so it holds nothing applied after this point; sent once all it may hold is stored.
    const message = encodeSyncStep2(this.doc, stateVector);
    if (this.committedSeq >= this.appliedSeq) return peer.send(message);
    this.context.metrics.deferredSyncAnswers++;
    this.deferredAnswers.push({ peer, message, seq: this.appliedSeq });
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

  /** A message from another process holding this document (relay.ts). */
  receive(message: ReceivedMessage): void {
    switch (message.kind) {
      case "update":
        return this.applyStoredUpdate(message.update);
      case "awareness":
        return this.applyRemoteAwareness(message.origin, message.userId, message.update);
      case "awareness-query":
        return this.publishLocalAwareness();
      case "reload":
        // Handled by the registry, which reloads from PostgreSQL and calls applyStoredUpdate.
        return;
    }
  }

  /**
   * An update already stored (by another process, or the whole document read back from PostgreSQL): applied, and
   * what was new in it broadcast, at once.
   */
  applyStoredUpdate(update: Uint8Array, wholeDocument = false): void {
    // A reload may complete after the document left memory.
    if (this.destroyed) return;
    Y.applyUpdate(this.doc, update, STORED_ELSEWHERE);
    this.bytes = wholeDocument ? Y.encodeStateAsUpdate(this.doc).length : this.bytes + update.length;
  }

  /** Called by the group commit with this document's updates of a batch just committed, in arrival order. */
  committed(entries: PendingUpdate[]): void {
    this.committedSeq = entries[entries.length - 1].seq;
    const all = this.broadcastCommitted(entries);
    this.context.channel?.publish({ kind: "update", update: all });
    if (this.deferredAnswers.length > 0) {
      const ready = this.deferredAnswers.filter((answer) => answer.seq <= this.committedSeq);
      this.deferredAnswers = this.deferredAnswers.filter((answer) => answer.seq > this.committedSeq);
      for (const { peer, message } of ready) if (this.peers.has(peer)) peer.send(message);
    }
    if (this.flushWaiters.length > 0) {
      for (const waiter of this.flushWaiters) if (waiter.seq <= this.committedSeq) waiter.resolve();
      this.flushWaiters = this.flushWaiters.filter((waiter) => waiter.seq > this.committedSeq);
    }
    this.context.onStored?.(entries.length);
  }

  /** Resolves once every update applied so far is stored. */
  flush(): Promise<void> {
    if (this.committedSeq >= this.appliedSeq) return Promise.resolve();
    return new Promise((resolve) => this.flushWaiters.push({ seq: this.appliedSeq, resolve }));
  }

  destroy(): void {
    this.destroyed = true;
    for (const throttle of this.peers.values()) throttle.dispose();
    this.doc.off("update", this.onUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === STORED_ELSEWHERE) {
      this.context.metrics.relayedUpdatesApplied++;
      return this.send(encodeUpdate(update), null);
    }
    const author = isPeer(origin) ? origin : null;
    this.context.commit.push({
      docName: this.name,
      update,
      userId: author?.grant.userId ?? null,
      author,
      seq: ++this.appliedSeq,
      sink: this,
    });
  };

  /**
   * Sends a batch's updates to every peer but their authors; returns them as one update. Several updates go as one
   * merged message: one write per peer and batch rather than per update.
   */
  private broadcastCommitted(entries: PendingUpdate[]): Uint8Array {
    if (entries.length === 1) {
      this.send(encodeUpdate(entries[0].update), entries[0].author);
      return entries[0].update;
    }
    const all = Y.mergeUpdates(entries.map((entry) => entry.update));
    const toOthers = encodeUpdate(all);
    const toAuthors = new Map<Peer, Uint8Array | null>();
    for (const { author } of entries) {
      if (!author || toAuthors.has(author)) continue;
      const theirs = entries.filter((entry) => entry.author !== author).map((entry) => entry.update);
      toAuthors.set(author, theirs.length > 0 ? encodeUpdate(Y.mergeUpdates(theirs)) : null);
    }
    for (const peer of this.peers.keys()) {
      if (!toAuthors.has(peer)) peer.send(toOthers);
      else {
        const message = toAuthors.get(peer);
        if (message) peer.send(message);
      }
    }
    return all;
  }

  private send(message: Uint8Array, except: Peer | null) {
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(message);
  }

  // Called now or, when the peer's rate was exceeded, later: the peer may have left meanwhile.
  private relayAwareness(peer: Peer, entries: AwarenessEntry[]) {
    if (!this.peers.has(peer)) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), peer);
  }

  /** States another process accepted from its clients: kept off clientIDs owned by another user, then applied. */
  private applyRemoteAwareness(origin: string, userId: string, update: Uint8Array) {
    const { limits, metrics } = this.context;
    if (update.length > limits.maxAwarenessMessageBytes) {
      metrics.refusedAwarenessMessages++;
      return;
    }
    const key = JSON.stringify([origin, userId]);
    let owner = this.remoteOwners.get(key);
    if (!owner) this.remoteOwners.set(key, (owner = { grant: { userId }, remote: true }));
    const entries = decodeAwarenessUpdate(update);
    const allowed = this.awarenessOwners.adopt(owner, entries.map((entry) => entry.clientID));
    const accepted = entries.filter((entry) => allowed.has(entry.clientID));
    if (accepted.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), STORED_ELSEWHERE);
    this.awarenessOwners.releaseIds(owner, accepted.filter((entry) => entry.state === null).map((entry) => entry.clientID));
  }

  /** Answers another process's query: the states of this process's own clients, per connection. */
  private publishLocalAwareness() {
    const channel = this.context.channel;
    if (!channel) return;
    const states = this.awareness.getStates();
    for (const peer of this.peers.keys()) {
      const ids = [...this.awarenessOwners.idsOf(peer)].filter((id) => states.has(id));
      if (ids.length === 0) continue;
      channel.publish({ kind: "awareness", userId: peer.grant.userId, update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) });
    }
  }

  // Sent to every peer including the sender: the stock client reconnects after 30 s without any message, and
  // its own awareness renewals (every 15 s) are what a lone client receives. States of this process's own peers
  // (their changes and their removal when they leave) go to the other processes too.
  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, update);
    this.send(encoding.toUint8Array(encoder), null);
    if (isPeer(origin)) this.context.channel?.publish({ kind: "awareness", userId: origin.grant.userId, update });
  };
}
