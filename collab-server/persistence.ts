// onChange → onStoreDocument: a per-document queue that writes updates in arrival order, one batch at a time.
// A failed batch is retried (with backoff) ahead of newer updates, so a PostgreSQL outage delays but loses nothing
// while the process lives; writers re-send whatever the server is missing when they reconnect (sync step 2).
import type { StoredUpdate } from "../app/models/collab-document.server";

export interface UpdateQueue<T extends StoredUpdate = StoredUpdate> {
  push(entry: T): void;
  /** Resolves once every update pushed so far is stored. */
  flush(): Promise<void>;
}

export interface UpdateQueueOptions<T extends StoredUpdate = StoredUpdate> {
  store(batch: T[]): Promise<void>;
  onStoreError(error: unknown, attempt: number): void;
  maxBatch?: number;
}

const MAX_RETRY_DELAY_MS = 30_000;

export function createUpdateQueue<T extends StoredUpdate>({
  store,
  onStoreError,
  maxBatch = 500,
}: UpdateQueueOptions<T>): UpdateQueue<T> {
  let pending: T[] = [];
  let running: Promise<void> | null = null;

  async function drain() {
    let attempt = 0;
    while (pending.length > 0) {
      const batch = pending.splice(0, maxBatch);
      try {
        await store(batch);
        attempt = 0;
      } catch (error) {
        pending = batch.concat(pending);
        attempt++;
        onStoreError(error, attempt);
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_RETRY_DELAY_MS, 100 * 2 ** attempt)));
      }
    }
  }

  function start() {
    running = drain().finally(() => {
      running = null;
      if (pending.length > 0) start();
    });
  }

  return {
    push(entry) {
      pending.push(entry);
      if (!running) start();
    },
    async flush() {
      while (running) await running;
    },
  };
}
