// Storage of collaborative (Yjs) documents: a compacted snapshot plus the updates received since.
// Shared by collab-server (load, append) and the job worker (compact). Updates are folded by applying them to a
// Y.Doc and re-encoding, never with Y.mergeUpdates, which is super-linear on long logs (yjs#710).
// collab-server writes and loads through `pg` directly (the *WithPg functions): one statement per group commit, on
// a connection of its own, without Prisma's query engine on the hot path.
import * as Y from "yjs";
import type pg from "pg";
import type { PrismaClient } from "../utils/db.server";

export interface StoredUpdate {
  update: Uint8Array;
  /** Who made the change, when known (the user of the write token). */
  userId?: string | null;
}

// Prisma sends ids in one bind parameter each; stay well below PostgreSQL's 65 535 parameter limit.
const DELETE_CHUNK = 10_000;

function foldUpdates(snapshot: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The whole stored state of a document as one Yjs update, or null when the document was never stored. */
export async function loadDocumentState(prisma: PrismaClient, docName: string): Promise<Uint8Array | null> {
  // Updates first, snapshot second: a compaction committing in between has folded into the snapshot exactly the
  // updates it deleted, so nothing is missed; an update seen twice is harmless (applying is idempotent).
  const updates = await prisma.collabUpdate.findMany({
    where: { docName },
    orderBy: { id: "asc" },
    select: { update: true },
  });
  const document = await prisma.collabDocument.findUnique({ where: { name: docName }, select: { snapshot: true } });
  if (!document) return null;
  return foldUpdates(document.snapshot, updates.map((u) => u.update));
}

/** An update of a named document, for appends spanning several documents. */
export interface DocumentUpdate extends StoredUpdate {
  docName: string;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Appends updates of any number of documents in ONE statement, hence one commit (autocommit): the document rows
 * missing are created in the same statement (ON CONFLICT DO NOTHING takes no lock on an existing row, so appends
 * never wait for a running compaction). Rows are numbered in the order given. Updates travel as binary parameters.
 */
export async function appendUpdatesWithPg(client: Pick<pg.ClientBase, "query">, updates: DocumentUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const names = [...new Set(updates.map((u) => u.docName))];
  const values: unknown[] = [names];
  const rows: string[] = [];
  for (const { docName, update, userId } of updates) {
    const at = values.length;
    rows.push(`($${at + 1}, $${at + 2}, $${at + 3})`);
    values.push(docName, asBuffer(update), userId ?? null);
  }
  await client.query(
    `WITH "documents" AS (
       INSERT INTO "CollabDocument" ("name", "updatedAt") SELECT "name", now() FROM unnest($1::text[]) AS "name"
       ON CONFLICT DO NOTHING)
     INSERT INTO "CollabUpdate" ("docName", "update", "userId") VALUES ${rows.join(", ")}`,
    values,
  );
}

/** loadDocumentState through `pg`. */
export async function loadDocumentStateWithPg(db: Pick<pg.Pool, "query">, docName: string): Promise<Uint8Array | null> {
  // Updates first, snapshot second: see loadDocumentState.
  const updates = await db.query<{ update: Buffer }>(
    `SELECT "update" FROM "CollabUpdate" WHERE "docName" = $1 ORDER BY "id"`,
    [docName],
  );
  const document = await db.query<{ snapshot: Buffer | null }>(`SELECT "snapshot" FROM "CollabDocument" WHERE "name" = $1`, [docName]);
  if (document.rows.length === 0) return null;
  return foldUpdates(document.rows[0].snapshot, updates.rows.map((row) => row.update));
}

/** Appends updates of several documents in one transaction (Prisma), creating the document rows on first use. */
export async function appendDocumentUpdates(prisma: PrismaClient, updates: DocumentUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const names = [...new Set(updates.map((u) => u.docName))];
  await prisma.$transaction([
    prisma.collabDocument.createMany({ data: names.map((name) => ({ name })), skipDuplicates: true }),
    prisma.collabUpdate.createMany({
      data: updates.map((u) => ({ docName: u.docName, update: u.update as Uint8Array<ArrayBuffer>, userId: u.userId ?? null })),
    }),
  ]);
}

/** Appends updates in one transaction, creating the document row on first use. */
export async function appendUpdates(prisma: PrismaClient, docName: string, updates: StoredUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await prisma.$transaction([
    // ON CONFLICT DO NOTHING: takes no lock on an existing row, so appends never wait for a running compaction.
    prisma.collabDocument.createMany({ data: [{ name: docName }], skipDuplicates: true }),
    prisma.collabUpdate.createMany({
      data: updates.map((u) => ({ docName, update: u.update as Uint8Array<ArrayBuffer>, userId: u.userId ?? null })),
    }),
  ]);
}

/**
 * Folds the stored updates into the snapshot and deletes exactly the folded ones. Safe to run twice and alongside
 * appends: updates committed after the read are neither folded nor deleted.
 */
export async function compactDocument(prisma: PrismaClient, docName: string): Promise<{ folded: number }> {
  return prisma.$transaction(
    async (tx) => {
      // FOR NO KEY UPDATE serializes concurrent compactions of one document (otherwise the later commit could
      // overwrite a newer snapshot with an older one) without blocking the foreign-key checks of appends.
      const rows = await tx.$queryRaw<Array<{ snapshot: Uint8Array | null }>>`
        SELECT "snapshot" FROM "CollabDocument" WHERE "name" = ${docName} FOR NO KEY UPDATE`;
      if (rows.length === 0) return { folded: 0 };
      const updates = await tx.collabUpdate.findMany({
        where: { docName },
        orderBy: { id: "asc" },
        select: { id: true, update: true },
      });
      if (updates.length === 0) return { folded: 0 };
      const snapshot = foldUpdates(rows[0].snapshot, updates.map((u) => u.update));
      await tx.collabDocument.update({
        where: { name: docName },
        data: { snapshot: snapshot as Uint8Array<ArrayBuffer> },
      });
      const ids = updates.map((u) => u.id);
      for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
        await tx.collabUpdate.deleteMany({ where: { id: { in: ids.slice(i, i + DELETE_CHUNK) } } });
      }
      return { folded: updates.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
