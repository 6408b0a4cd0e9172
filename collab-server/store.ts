// Where collab-server keeps documents: PostgreSQL, through `pg` (connections of their own for the group commits, a
// small pool for loads), or through a PrismaClient for callers that hand one in (tests, older embedders).
import pg from "pg";
import type { PrismaClient } from "../app/utils/db.server";
import {
  appendDocumentUpdates,
  appendUpdatesWithPg,
  loadDocumentState,
  loadDocumentStateWithPg,
  type DocumentUpdate,
} from "../app/models/collab-document.server";
import type { Logger } from "./logger";

export interface CollabStore {
  /** The stored state of a document as one update, or null when it was never stored. */
  load(docName: string): Promise<Uint8Array | null>;
  /** Stores the updates of any number of documents at once: all of them, or (throwing) none. */
  append(updates: DocumentUpdate[]): Promise<void>;
  /** Whether the forum a document belongs to is closed (its documents are read-only); false for other documents. */
  isClosedForum(docName: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The forum a document belongs to: `forum:<id>:minutes` / `forum:<id>:board`. */
export function forumIdOf(docName: string): string | null {
  return /^forum:([^:]+):(?:minutes|board)$/.exec(docName)?.[1] ?? null;
}

// A statement that hangs (a stalled disk, a lost network path) would stall every document: give up, reconnect and
// retry. A timed-out insert may still have committed; storing an update twice is harmless (Yjs applies idempotently).
const STATEMENT_TIMEOUT_MS = 30_000;

/** `writers`: the connections reserved for group commits (as many as writes may run at once). */
export function createPgStore(databaseUrl: string, logger: Logger, writers = 2): CollabStore {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, statement_timeout: STATEMENT_TIMEOUT_MS });
  // A pool of its own, so that loads never hold up a write (pg drops a connection whose query failed).
  const writePool = new pg.Pool({
    connectionString: databaseUrl,
    max: writers,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 5_000,
    // Kept open: opening one costs more than a commit.
    idleTimeoutMillis: 0,
  });
  for (const [name, p] of [["read", pool], ["write", writePool]] as const) {
    // An error between queries (the server went away) must not end the process: the next query reconnects.
    p.on("error", (error) => logger.warn(`collab: an idle ${name} connection to PostgreSQL failed: ${JSON.stringify(error.message)}`));
  }

  return {
    load: (docName) => loadDocumentStateWithPg(pool, docName),
    append: (updates) => appendUpdatesWithPg(writePool, updates),
    async isClosedForum(docName) {
      const forumId = forumIdOf(docName);
      if (!forumId) return false;
      const result = await pool.query<{ closedAt: Date | null }>(`SELECT "closedAt" FROM "Forum" WHERE "id" = $1`, [forumId]);
      return result.rows[0]?.closedAt != null;
    },
    async close() {
      await Promise.allSettled([pool.end(), writePool.end()]);
    },
  };
}

export function createPrismaStore(prisma: PrismaClient): CollabStore {
  return {
    load: (docName) => loadDocumentState(prisma, docName),
    append: (updates) => appendDocumentUpdates(prisma, updates),
    async isClosedForum(docName) {
      const forumId = forumIdOf(docName);
      if (!forumId) return false;
      const forum = await prisma.forum.findUnique({ where: { id: forumId }, select: { closedAt: true } });
      return forum?.closedAt != null;
    },
    // The caller owns the client.
    async close() {},
  };
}
