// Group commit: the one write path of a collab-server process. Updates of every document queue here; whatever has
// queued while the writes in flight were running goes to PostgreSQL in ONE statement (one commit, one WAL flush), and
// each document is told which of its updates are stored as soon as that commit returns, so it can broadcast them
// while the next batch is already being written. Up to `maxInFlight` writes run at once, on connections of their own
// (an update then waits for its own commit, not for the previous one's too); documents are told in the order the
// writes started, so each document's updates are broadcast in arrival order whatever order the commits finish in.
// A failed write is retried (with backoff) until it succeeds, and the writes behind it are told only after it, so a
// PostgreSQL outage delays but loses nothing while the process lives.
import type { DocumentUpdate } from "../app/models/collab-document.server";

/** Who is told when its updates are stored: the document they belong to. */
export interface CommitSink<E> {
  committed(entries: E[]): void;
}

export interface CommitEntry<E> extends DocumentUpdate {
  sink: CommitSink<E>;
}

export interface GroupCommitOptions<E> {
  store(updates: E[]): Promise<void>;
  onStoreError(error: unknown, attempt: number, updates: number): void;
  /** After each stored batch (metrics, compaction requests); must not throw. */
  onStored?(batch: E[], elapsedMs: number): void;
  /** A sink that throws is reported here; the other documents of the batch are still told. */
  onSinkError?(error: unknown): void;
  /** Upper bounds of one statement. */
  maxEntries?: number;
  maxBytes?: number;
  /**
   * How long the first update after an idle spell waits for company before its write starts (0: until the end of
   * the current event-loop turn, i.e. the messages already read). Under load, batches form while writes are in flight.
   */
  gatherMs?: number;
  /** Writes running at once (each on its own connection); default 2. */
  maxInFlight?: number;
}

export interface GroupCommit<E> {
  push(entry: E): void;
  /** Resolves once every update pushed so far is stored. */
  flush(): Promise<void>;
  readonly pending: number;
}

const MAX_RETRY_DELAY_MS = 30_000;

interface Write<E> {
  batch: E[];
  stored: boolean;
}

export function createGroupCommit<E extends CommitEntry<E>>(options: GroupCommitOptions<E>): GroupCommit<E> {
  const { store, onStoreError, onStored, onSinkError, maxEntries = 1_000, maxBytes = 8 * 1024 * 1024, gatherMs = 0 } = options;
  const maxInFlight = Math.max(1, options.maxInFlight ?? 2);
  const queue: E[] = [];
  /** Writes started and not yet told, in the order they started. */
  const writes: Array<Write<E>> = [];
  let running = 0;
  let scheduled = false;
  let idleWaiters: Array<() => void> = [];

  function takeBatch(): E[] {
    let bytes = 0;
    let count = 0;
    while (count < queue.length && count < maxEntries) {
      bytes += queue[count].update.length;
      // At least one entry, however large (the message size limit bounds it).
      if (count > 0 && bytes > maxBytes) break;
      count++;
    }
    return queue.splice(0, count);
  }

  function tell(batch: E[]) {
    // Per document, in arrival order; a Map keeps the documents in the order they first appear.
    const bySink = new Map<CommitSink<E>, E[]>();
    for (const entry of batch) {
      const list = bySink.get(entry.sink);
      if (list) list.push(entry);
      else bySink.set(entry.sink, [entry]);
    }
    for (const [sink, entries] of bySink) {
      try {
        sink.committed(entries);
      } catch (error) {
        onSinkError?.(error);
      }
    }
  }

  async function write(batch: E[]) {
    const entry: Write<E> = { batch, stored: false };
    writes.push(entry);
    running++;
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        await store(batch);
        onStored?.(batch, performance.now() - started);
        break;
      } catch (error) {
        onStoreError(error, attempt, batch.length);
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_RETRY_DELAY_MS, 100 * 2 ** attempt)));
      }
    }
    entry.stored = true;
    running--;
    while (writes.length > 0 && writes[0].stored) tell(writes.shift()!.batch);
    // What queued meanwhile goes at once: it has waited for a free connection already.
    if (queue.length > 0) startWrites();
    else if (running === 0 && !scheduled) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function startWrites() {
    while (queue.length > 0 && running < maxInFlight) void write(takeBatch());
  }

  function schedule() {
    if (scheduled || running >= maxInFlight) return;
    scheduled = true;
    const go = () => {
      scheduled = false;
      startWrites();
    };
    // The gathering delay is for the first update after a quiet spell; under load, batches form on their own.
    if (gatherMs > 0 && running === 0) setTimeout(go, gatherMs);
    else setImmediate(go);
  }

  return {
    push(entry) {
      queue.push(entry);
      schedule();
    },
    flush() {
      if (queue.length === 0 && running === 0 && !scheduled) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get pending() {
      return queue.length;
    },
  };
}
