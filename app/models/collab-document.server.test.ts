import * as Y from "yjs";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/database";
import {
  appendUpdates,
  appendUpdatesWithPg,
  compactDocument,
  loadDocumentState,
  loadDocumentStateWithPg,
} from "./collab-document.server";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

/** A client doc whose every change is captured as one update, like a browser editing through collab-server. */
function recordingDoc() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return { doc, updates, text: doc.getText("body") };
}

function textOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText("body").toString();
}

async function storeAll(docName: string, updates: Uint8Array[], userId = "u1") {
  for (const update of updates) await appendUpdates(db.prisma, docName, [{ update, userId }]);
}

describe("collab document storage", () => {
  it("returns null for a document never stored", async () => {
    expect(await loadDocumentState(db.prisma, "never")).toBeNull();
  });

  it("appends updates and loads them back", async () => {
    const { text, updates } = recordingDoc();
    text.insert(0, "第一条 为了规范");
    text.insert(8, "基层立法联系点工作");
    await storeAll("load", updates);
    expect(textOf(await loadDocumentState(db.prisma, "load"))).toBe("第一条 为了规范基层立法联系点工作");
    const rows = await db.prisma.collabUpdate.findMany({ where: { docName: "load" } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.userId === "u1")).toBe(true);
  });

  it("compacts into the snapshot, keeps the content, and is safe to run twice", async () => {
    const { text, updates } = recordingDoc();
    for (const ch of "座谈会记录：代表发言") text.insert(text.length, ch);
    text.delete(0, 3);
    await storeAll("compact", updates);
    expect(await compactDocument(db.prisma, "compact")).toEqual({ folded: updates.length });
    expect(await db.prisma.collabUpdate.count({ where: { docName: "compact" } })).toBe(0);
    expect(textOf(await loadDocumentState(db.prisma, "compact"))).toBe("记录：代表发言");
    expect(await compactDocument(db.prisma, "compact")).toEqual({ folded: 0 });
    expect(await compactDocument(db.prisma, "no-such-document")).toEqual({ folded: 0 });

    text.insert(text.length, "。");
    await storeAll("compact", updates.slice(-1));
    expect(await compactDocument(db.prisma, "compact")).toEqual({ folded: 1 });
    expect(textOf(await loadDocumentState(db.prisma, "compact"))).toBe("记录：代表发言。");
  });

  it("loses nothing when compactions run concurrently with appends", async () => {
    const { text, updates } = recordingDoc();
    for (let i = 0; i < 120; i++) text.insert(text.length, String(i % 10));
    const expected = text.toString();
    await storeAll("race", updates.slice(0, 20));
    const appending = storeAll("race", updates.slice(20));
    const compacting = (async () => {
      let folded = 0;
      for (let i = 0; i < 6; i++) {
        const results = await Promise.all([compactDocument(db.prisma, "race"), compactDocument(db.prisma, "race")]);
        folded += results[0].folded + results[1].folded;
      }
      return folded;
    })();
    await Promise.all([appending, compacting]);
    await compactDocument(db.prisma, "race");
    expect(textOf(await loadDocumentState(db.prisma, "race"))).toBe(expected);
    expect(await db.prisma.collabUpdate.count({ where: { docName: "race" } })).toBe(0);
  });

  it("through pg: appends several documents' updates in one statement, in order, and loads them back", async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const first = recordingDoc();
      const second = recordingDoc();
      first.text.insert(0, "第一条");
      await appendUpdatesWithPg(pool, [{ docName: "pg-a", update: first.updates[0], userId: "u1" }]);
      first.text.insert(3, " 为了规范");
      second.text.insert(0, "座谈会");
      first.text.insert(first.text.length, "工作");
      second.text.insert(3, "记录");
      // A document already stored and a new one, interleaved, in one call; a view into a larger buffer too.
      const padded = new Uint8Array(second.updates[1].length + 8);
      padded.set(second.updates[1], 4);
      await appendUpdatesWithPg(pool, [
        { docName: "pg-a", update: first.updates[1], userId: "u1" },
        { docName: "pg-b", update: second.updates[0], userId: null },
        { docName: "pg-a", update: first.updates[2] },
        { docName: "pg-b", update: padded.subarray(4, 4 + second.updates[1].length), userId: "u2" },
      ]);
      expect(textOf(await loadDocumentStateWithPg(pool, "pg-a"))).toBe("第一条 为了规范工作");
      expect(textOf(await loadDocumentStateWithPg(pool, "pg-b"))).toBe("座谈会记录");
      expect(textOf(await loadDocumentState(db.prisma, "pg-b"))).toBe("座谈会记录");
      expect(await loadDocumentStateWithPg(pool, "pg-never")).toBeNull();
      const rows = await db.prisma.collabUpdate.findMany({ where: { docName: { in: ["pg-a", "pg-b"] } }, orderBy: { id: "asc" } });
      expect(rows.map((r) => [r.docName, r.userId])).toEqual([
        ["pg-a", "u1"],
        ["pg-a", "u1"],
        ["pg-b", null],
        ["pg-a", null],
        ["pg-b", "u2"],
      ]);
      expect(Buffer.from(rows[4].update)).toEqual(Buffer.from(second.updates[1]));

      await compactDocument(db.prisma, "pg-a");
      first.text.insert(0, "【】");
      await appendUpdatesWithPg(pool, [{ docName: "pg-a", update: first.updates[3] }]);
      expect(textOf(await loadDocumentStateWithPg(pool, "pg-a"))).toBe("【】第一条 为了规范工作");
    } finally {
      await pool.end();
    }
  });
});
