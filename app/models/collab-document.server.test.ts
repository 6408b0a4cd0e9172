import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/database";
import { appendUpdates, compactDocument, loadDocumentState } from "./collab-document.server";

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
});
