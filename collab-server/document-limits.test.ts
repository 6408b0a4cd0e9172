// What a writer may put into a document, end to end with stock y-websocket clients: the minutes' rich text only,
// up to a size quota. A refused update is not applied, stored or relayed, and its connection is closed with a code
// on which the stock client stops reconnecting (it would otherwise re-send the update in a loop).
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database";
import { forumMinutesDocName } from "../app/utils/collab-token.server";
import { loadDocumentState } from "../app/models/collab-document.server";
import { bodyOf, eventually, minutesOf, storedText, Testbed, textOf, tokenFor } from "./test-helpers";

let db: TestDatabase;
const testbed = new Testbed(() => db.prisma, () => db.url);
const synced = (provider: WebsocketProvider) => eventually(() => provider.synced);

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(() => testbed.cleanup());

afterAll(async () => {
  await db.drop();
});

/** Records the close that ends a stock client for good (y-websocket's `closed` event). */
function finalClose(provider: WebsocketProvider) {
  const closes: Array<{ code: number; reason: string }> = [];
  provider.on("closed", (event) => closes.push(event));
  return closes;
}

async function storedDoc(docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(db.prisma, docName);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

describe("document limits", () => {
  it("accepts what Tiptap writes, and refuses data hidden elsewhere in the document", async () => {
    const server = await testbed.start();
    const room = forumMinutesDocName("d1");
    const writer = testbed.connect(server, room, tokenFor(room, "write", "u-a"));
    const reader = testbed.connect(server, room, tokenFor(room, "read", "u-b"));
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
    const closes = finalClose(writer.provider);

    const schema = getSchema([StarterKit.configure({ undoRedo: false })]);
    const minutes = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "座谈会记录" }] },
        { type: "paragraph", content: [{ type: "text", text: "王代表：", marks: [{ type: "bold" }] }, { type: "text", text: "建议删去第五条。" }] },
      ],
    };
    writer.doc.transact(() => prosemirrorJSONToYXmlFragment(schema, minutes, minutesOf(writer.doc)));
    await eventually(() => minutesOf(reader.doc).toString() === minutesOf(writer.doc).toString());

    // 900 KB every joiner would download, in a map the editor never shows.
    writer.doc.getMap("hidden").set("blob", "x".repeat(900_000));
    await eventually(() => closes.length > 0);
    expect(closes).toEqual([{ code: 4422, reason: "update refused: content not allowed" }]);
    // The stock client gave up: it will not reconnect and re-send the update.
    expect(writer.provider.shouldConnect).toBe(false);
    expect(server.metrics.refusedUpdates).toBe(1);

    await eventually(() => server.metrics.connections === 1);
    expect(reader.doc.share.has("hidden")).toBe(false);
    const stored = await storedDoc(room);
    expect(stored.share.has("hidden")).toBe(false);
    expect(minutesOf(stored).toString()).toBe(minutesOf(reader.doc).toString());
    const late = testbed.connect(server, room, tokenFor(room, "read", "u-c"));
    await synced(late.provider);
    expect(late.doc.share.has("hidden")).toBe(false);
  });

  it("refuses an update that would take the document beyond its quota, yet lets a full document be cut", async () => {
    const server = await testbed.start({ limits: { maxDocumentBytes: 16 * 1024 } });
    const room = forumMinutesDocName("d2");
    const first = testbed.connect(server, room, tokenFor(room, "write", "u-a"));
    const reader = testbed.connect(server, room, tokenFor(room, "read", "u-b"));
    await Promise.all([synced(first.provider), synced(reader.provider)]);
    const closes = finalClose(first.provider);

    bodyOf(first.doc).insert(0, "甲".repeat(3_000));
    await eventually(() => textOf(reader.doc).length === 3_000);
    bodyOf(first.doc).insert(3_000, "乙".repeat(3_000));
    await eventually(() => closes.length > 0);
    expect(closes).toEqual([{ code: 4413, reason: "update refused: document too large" }]);
    expect(server.metrics.refusedUpdates).toBe(1);
    expect(textOf(reader.doc)).toBe("甲".repeat(3_000));
    expect(await storedText(db.prisma, room)).toBe("甲".repeat(3_000));

    // Another writer (a reloaded page) deletes most of the text: then the same amount fits again.
    const second = testbed.connect(server, room, tokenFor(room, "write", "u-a"));
    await synced(second.provider);
    bodyOf(second.doc).delete(0, 2_900);
    await eventually(() => textOf(reader.doc).length === 100);
    bodyOf(second.doc).insert(100, "丙".repeat(3_000));
    await eventually(() => textOf(reader.doc).length === 3_100);
    expect(server.metrics.refusedUpdates).toBe(1);
  });
});
