// Group commit: the one write path of a collab-server process. Updates of every document queue here; whatever has
// queued while the previous write was in flight goes to PostgreSQL in ONE statement (one commit, one WAL flush), and
// each document is told which of its updates are stored the moment that commit returns, so it can broadcast them
// while the next batch is already being written. One write in flight at a time keeps each document's updates in
// arrival order, in the log and in the broadcasts. A failed write is retried (with backoff) ahead of newer updates,
// so a PostgreSQL outage delays but loses nothing while the process lives.
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
   * the current event-loop turn, i.e. the messages already read). Under load, batches form while a write is in flight.
   */
  gatherMs?: number;
}

export interface GroupCommit<E> {
  push(entry: E): void;
  /** Resolves once every update pushed so far is stored. */
  flush(): Promise<void>;
  readonly pending: number;
}

const MAX_RETRY_DELAY_MS = 30_000;

export function createGroupCommit<E extends CommitEntry<E>>(options: GroupCommitOptions<E>): GroupCommit<E> {
  const { store, onStoreError, onStored, onSinkError, maxEntries = 1_000, maxBytes = 8 * 1024 * 1024, gatherMs = 0 } = options;
  let queue: E[] = [];
  let running: Promise<void> | null = null;
  let scheduled = false;

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

  async function drain() {
    let attempt = 0;
    while (queue.length > 0) {
      const batch = takeBatch();
      const started = performance.now();
      try {
        await store(batch);
      } catch (error) {
        queue = batch.concat(queue);
        attempt++;
        onStoreError(error, attempt, batch.length);
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_RETRY_DELAY_MS, 100 * 2 ** attempt)));
        continue;
      }
      attempt = 0;
      onStored?.(batch, performance.now() - started);
      tell(batch);
    }
  }

  function start() {
    scheduled = false;
    running = drain().finally(() => {
      running = null;
      if (queue.length > 0) schedule();
    });
  }

  function schedule() {
    if (running || scheduled) return;
    scheduled = true;
    if (gatherMs > 0) setTimeout(start, gatherMs);
    else setImmediate(start);
  }

  return {
    push(entry) {
      queue.push(entry);
      schedule();
    },
    async flush() {
      while (running || scheduled || queue.length > 0) {
        if (running) await running;
        else await new Promise((resolve) => setImmediate(resolve));
      }
    },
    get pending() {
      return queue.length;
    },
  };
}
