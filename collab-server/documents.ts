// onLoadDocument / onDisconnect: the documents held in memory. The first connection to a document loads it from
// PostgreSQL and every connection awaits that load before it is served, so no client syncs against an empty doc.
// When the last connection leaves, the document is stored (its queue flushed) and dropped from memory.
import type { PrismaClient } from "../app/utils/db.server";
import { appendUpdates, loadDocumentState } from "../app/models/collab-document.server";
import { SharedDocument } from "./shared-document";
import type { CollabLimits } from "./limits";
import type { CollabMetrics } from "./metrics";
import type { Logger } from "./logger";

export interface DocumentLease {
  readonly document: Promise<SharedDocument>;
  /** Gives the document back; idempotent. The last release unloads it. */
  release(): void;
}

export interface DocumentRegistry {
  /** A lease on the document, loading it on first use; every connection holds one until it closes. */
  acquire(docName: string): DocumentLease;
  /** Stores every document and drops them all. */
  closeAll(): Promise<void>;
}

export interface DocumentRegistryOptions {
  prisma: PrismaClient;
  limits: CollabLimits;
  metrics: CollabMetrics;
  logger: Logger;
  onUpdateStored?: (event: { docName: string; count: number }) => void;
  onDocumentUnloaded?: (event: { docName: string }) => void;
}

interface Entry {
  name: string;
  leases: number;
  document: Promise<SharedDocument>;
}

export function createDocumentRegistry(options: DocumentRegistryOptions): DocumentRegistry {
  const { prisma, limits, metrics, logger } = options;
  const entries = new Map<string, Entry>();
  const background = new Set<Promise<void>>();

  function track(task: Promise<void>) {
    background.add(task);
    void task.finally(() => background.delete(task));
  }

  async function load(name: string): Promise<SharedDocument> {
    const state = await loadDocumentState(prisma, name);
    metrics.documents++;
    return new SharedDocument(
      name,
      state,
      {
        store: async (batch) => {
          await appendUpdates(prisma, name, batch);
          metrics.updatesStored += batch.length;
          notify(() => options.onUpdateStored?.({ docName: name, count: batch.length }));
        },
        onStoreError: (error, attempt) => {
          metrics.storeFailures++;
          logger.error(`collab: storing updates of ${JSON.stringify(name)} failed (attempt ${attempt}), retrying`, error);
        },
      },
      { limits, metrics, logger },
    );
  }

  // A failing hook must not fail the store (the batch would be written twice) or the unload.
  function notify(hook: () => void) {
    try {
      hook();
    } catch (error) {
      logger.error("collab: a lifecycle hook threw", error);
    }
  }

  function drop(entry: Entry, shared: SharedDocument) {
    if (entries.get(entry.name) === entry) entries.delete(entry.name);
    shared.destroy();
    metrics.documents--;
    notify(() => options.onDocumentUnloaded?.({ docName: entry.name }));
  }

  async function unload(entry: Entry) {
    const shared = await entry.document.catch(() => null);
    if (!shared) return;
    await shared.flush();
    // A client may have connected while the queue was flushing; it keeps using this same document.
    if (entry.leases > 0 || entries.get(entry.name) !== entry) return;
    drop(entry, shared);
  }

  function newEntry(name: string): Entry {
    const entry: Entry = { name, leases: 0, document: load(name) };
    entry.document.catch((error) => {
      // The next connection tries the load again.
      if (entries.get(name) === entry) entries.delete(name);
      logger.error(`collab: loading ${JSON.stringify(name)} failed`, error);
    });
    entries.set(name, entry);
    return entry;
  }

  return {
    acquire(name) {
      const entry = entries.get(name) ?? newEntry(name);
      entry.leases++;
      let released = false;
      return {
        document: entry.document,
        release() {
          if (released) return;
          released = true;
          entry.leases--;
          if (entry.leases === 0) {
            track(unload(entry).catch((error) => logger.error(`collab: unloading ${JSON.stringify(name)} failed`, error)));
          }
        },
      };
    },
    async closeAll() {
      while (background.size > 0) await Promise.allSettled([...background]);
      for (const entry of [...entries.values()]) {
        const shared = await entry.document.catch(() => null);
        if (!shared) continue;
        await shared.flush();
        drop(entry, shared);
      }
    },
  };
}
