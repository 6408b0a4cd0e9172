// onLoadDocument / onDisconnect: the documents held in memory. The first connection to a document subscribes to its
// Redis channel, then loads it from PostgreSQL, and every connection awaits that load before it is served, so no
// client syncs against an empty doc and nothing another process stores meanwhile is missed. When the last
// connection leaves, the document's updates are all stored, then it is dropped from memory.
import { SharedDocument, type PendingUpdate } from "./shared-document";
import { schemaFor } from "./document-schemas";
import type { CollabStore } from "./store";
import type { GroupCommit } from "./group-commit";
import type { ReceivedMessage, Relay } from "./relay";
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
  store: CollabStore;
  commit: GroupCommit<PendingUpdate>;
  relay: Relay | null;
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

// Documents announced frozen that were not (fully) loaded then: a load racing the announcement must not miss it.
const FROZEN_REMEMBERED = 10_000;

export function createDocumentRegistry(options: DocumentRegistryOptions): DocumentRegistry {
  const { store, commit, relay, limits, metrics, logger } = options;
  const entries = new Map<string, Entry>();
  const background = new Set<Promise<void>>();
  const frozenNames = new Set<string>();

  function track(task: Promise<void>) {
    background.add(task);
    void task.finally(() => background.delete(task));
  }

  /** Reads the document back from PostgreSQL and applies what this process lacks (it missed relayed updates). */
  function reload(name: string, shared: SharedDocument) {
    metrics.documentsReloaded++;
    track(
      store.load(name).then(
        (state) => {
          if (state) shared.applyStoredUpdate(state, true);
        },
        (error) => logger.error(`collab: reloading ${JSON.stringify(name)} failed`, error),
      ),
    );
  }

  relay?.onFrozen((name) => {
    frozenNames.add(name);
    if (frozenNames.size > FROZEN_REMEMBERED) frozenNames.delete(frozenNames.values().next().value!);
    void entries.get(name)?.document.then((shared) => shared.freeze(), () => {});
  });

  relay?.onResubscribed(() => {
    for (const entry of entries.values()) void entry.document.then((shared) => reload(entry.name, shared), () => {});
  });

  async function load(name: string): Promise<SharedDocument> {
    let shared: SharedDocument | null = null;
    const early: ReceivedMessage[] = [];
    const onMessage = (message: ReceivedMessage) => {
      if (!shared) return void early.push(message);
      if (message.kind === "reload") reload(name, shared);
      else shared.receive(message);
    };
    const channel = relay ? relay.join(name, onMessage) : null;
    let closedForum: boolean;
    try {
      await channel?.ready;
      let state: Uint8Array | null;
      [state, closedForum] = await Promise.all([store.load(name), store.isClosedForum(name)]);
      shared = new SharedDocument(name, state, {
        limits,
        metrics,
        logger,
        schema: schemaFor(name),
        commit,
        channel,
        onStored: (count) => notify(() => options.onUpdateStored?.({ docName: name, count })),
      });
    } catch (error) {
      channel?.leave();
      throw error;
    }
    if (closedForum || frozenNames.has(name)) shared.freeze();
    for (const message of early) onMessage(message);
    metrics.documents++;
    // Who is already here, on the other processes.
    channel?.publish({ kind: "awareness-query" });
    return shared;
  }

  // A failing hook must not fail the store or the unload.
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
    shared.channel?.leave();
    metrics.documents--;
    notify(() => options.onDocumentUnloaded?.({ docName: entry.name }));
  }

  async function unload(entry: Entry) {
    const shared = await entry.document.catch(() => null);
    if (!shared) return;
    await shared.flush();
    // A client may have connected while the updates were being stored; it keeps using this same document.
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
