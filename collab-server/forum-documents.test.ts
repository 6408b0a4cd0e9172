// A forum's two documents end to end with stock y-websocket clients: the capture board (`forum:<id>:board`) takes
// cards as the workspace writes them and refuses anything else, within the size quota; a closed forum's documents
// are read-only for every connection, including write tokens issued before the forum closed.
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database";
import { loadDemoData } from "../seeds/load-demo-data";
import { forumMinutesDocName } from "../app/utils/collab-token.server";
import { addBoardCard, bodyOf, boardCardsOf, eventually, storedDoc, storedText, Testbed, textOf, tokenFor } from "./test-helpers";

let db: TestDatabase;
const testbed = new Testbed(() => db.prisma, () => db.url);
const synced = (provider: WebsocketProvider) => eventually(() => provider.synced);
const boardName = (forumId: string) => `forum:${forumId}:board`;

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

const opinionOf = (doc: Y.Doc, index = 0) => (boardCardsOf(doc).get(index)?.get("opinion") as Y.Text | undefined)?.toString();

describe("forum documents", () => {
  it("capture board: cards co-edited and stored; a root map, binary or a minutes fragment closes the writer (4422)", async () => {
    const server = await testbed.start();
    const room = boardName("b1");
    const staff = testbed.connect(server, room, tokenFor(room, "write", "u-staff", "钱联络"));
    const deputy = testbed.connect(server, room, tokenFor(room, "write", "u-deputy", "王代表"));
    await Promise.all([synced(staff.provider), synced(deputy.provider)]);

    const card = addBoardCard(staff.doc, { id: "card-1", createdBy: "u-staff", citation: "第十二条" });
    (card.get("speaker") as Y.Text).insert(0, "王代表");
    card.set("speakerUserId", "u-deputy");
    (card.get("opinion") as Y.Text).insert(0, "建议增加听证程序");
    await eventually(() => opinionOf(deputy.doc) === "建议增加听证程序");
    // Both type into the same card at once.
    (boardCardsOf(deputy.doc).get(0).get("reason") as Y.Text).insert(0, "保障参与");
    (card.get("opinion") as Y.Text).insert(8, "。");
    await eventually(() => opinionOf(deputy.doc) === "建议增加听证程序。" && (card.get("reason") as Y.Text).toString() === "保障参与");
    await eventually(async () => opinionOf(await storedDoc(db.prisma, room)) === "建议增加听证程序。");
    const stored = await storedDoc(db.prisma, room);
    expect(boardCardsOf(stored).get(0).get("citation")).toBe("第十二条");
    expect((boardCardsOf(stored).get(0).get("reason") as Y.Text).toString()).toBe("保障参与");

    const attacks: Record<string, (doc: Y.Doc) => void> = {
      "a root Y.Map": (doc) => doc.getMap("cards").set("blob", "x".repeat(10_000)),
      "binary in a card": (doc) => boardCardsOf(doc).get(0).set("id", new Uint8Array(10_000)),
      "the minutes' rich text": (doc) => bodyOf(doc).insert(0, "会议记录"),
    };
    let refused = 0;
    for (const [name, attack] of Object.entries(attacks)) {
      const attacker = testbed.connect(server, room, tokenFor(room, "write", `u-${name}`));
      await synced(attacker.provider);
      const closes = finalClose(attacker.provider);
      attack(attacker.doc);
      await eventually(() => closes.length > 0);
      expect({ name, closes }).toEqual({ name, closes: [{ code: 4422, reason: "update refused: content not allowed" }] });
      expect(server.metrics.refusedUpdates).toBe(++refused);
    }
    const after = await storedDoc(db.prisma, room);
    expect([...after.share.keys()]).toEqual(["cards"]);
    expect(deputy.doc.share.has("default")).toBe(false);
    expect(boardCardsOf(deputy.doc).get(0).get("id")).toBe("card-1");
  });

  it("capture board: the size quota applies (4413)", async () => {
    const server = await testbed.start({ limits: { maxDocumentBytes: 16 * 1024 } });
    const room = boardName("b2");
    const writer = testbed.connect(server, room, tokenFor(room, "write", "u-a"));
    await synced(writer.provider);
    const closes = finalClose(writer.provider);
    const card = addBoardCard(writer.doc, { id: "c", createdBy: "u-a" });
    (card.get("opinion") as Y.Text).insert(0, "意".repeat(3_000));
    await eventually(() => server.metrics.updatesStored >= 2);
    (card.get("reason") as Y.Text).insert(0, "由".repeat(3_000));
    await eventually(() => closes.length > 0);
    expect(closes).toEqual([{ code: 4413, reason: "update refused: document too large" }]);
    expect(opinionOf(await storedDoc(db.prisma, room))).toBe("意".repeat(3_000));
  });

  it("a closed forum's documents drop every write, also from write tokens issued before it closed", async () => {
    await loadDemoData(db.prisma);
    const forum = await db.prisma.forum.findFirstOrThrow();
    const minutes = forumMinutesDocName(forum.id);
    const server = await testbed.start();
    const writer = testbed.connect(server, minutes, tokenFor(minutes, "write", "u-a"));
    await synced(writer.provider);
    bodyOf(writer.doc).insert(0, "会前记录");
    await eventually(async () => (await storedText(db.prisma, minutes)) === "会前记录");
    writer.provider.destroy();
    testbed.forget(writer.provider);
    await eventually(() => server.metrics.documents === 0);

    await db.prisma.forum.update({ where: { id: forum.id }, data: { closedAt: new Date() } });
    for (const room of [minutes, boardName(forum.id)]) {
      const late = testbed.connect(server, room, tokenFor(room, "write", "u-a"));
      const reader = testbed.connect(server, room, tokenFor(room, "read", "u-b"));
      await Promise.all([synced(late.provider), synced(reader.provider)]);
      const dropped = server.metrics.ignoredFrozenUpdates;
      if (room === minutes) bodyOf(late.doc).insert(0, "闭会后");
      else addBoardCard(late.doc, { id: "late", createdBy: "u-a" });
      await eventually(() => server.metrics.ignoredFrozenUpdates > dropped);
      expect(late.provider.wsconnected).toBe(true);
      expect(boardCardsOf(reader.doc).length).toBe(0);
      expect(textOf(reader.doc)).toBe(room === minutes ? "会前记录" : "");
    }
    expect(await storedText(db.prisma, minutes)).toBe("会前记录");
    expect(await db.prisma.collabUpdate.count({ where: { docName: boardName(forum.id) } })).toBe(0);
  });
});
