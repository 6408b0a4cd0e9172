// Where collab-server keeps documents: PostgreSQL, through `pg` (a dedicated connection for the group commits, a
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

export function createPgStore(databaseUrl: string, logger: Logger): CollabStore {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, statement_timeout: STATEMENT_TIMEOUT_MS });
  pool.on("error", (error) => logger.warn(`collab: an idle database connection failed: ${JSON.stringify(error.message)}`));
  let writer: Promise<pg.Client> | null = null;

  function connectWriter(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: databaseUrl, statement_timeout: STATEMENT_TIMEOUT_MS, query_timeout: STATEMENT_TIMEOUT_MS + 5_000 });
    // An error between queries (the server went away) must not end the process: the next append reconnects.
    client.on("error", (error) => {
      logger.warn(`collab: the write connection failed: ${JSON.stringify(error.message)}`);
      if (writer === connecting) writer = null;
    });
    const connecting = client.connect().then(() => client);
    connecting.catch(() => {
      if (writer === connecting) writer = null;
    });
    return connecting;
  }

  return {
    load: (docName) => loadDocumentStateWithPg(pool, docName),
    async append(updates) {
      writer ??= connectWriter();
      const current = writer;
      const client = await current;
      try {
        await appendUpdatesWithPg(client, updates);
      } catch (error) {
        // Whatever the cause, start the retry on a fresh connection.
        if (writer === current) writer = null;
        void client.end().catch(() => {});
        throw error;
      }
    },
    async isClosedForum(docName) {
      const forumId = forumIdOf(docName);
      if (!forumId) return false;
      const result = await pool.query<{ closedAt: Date | null }>(`SELECT "closedAt" FROM "Forum" WHERE "id" = $1`, [forumId]);
      return result.rows[0]?.closedAt != null;
    },
    async close() {
      const current = writer;
      writer = null;
      await Promise.allSettled([pool.end(), current?.then((client) => client.end())]);
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
