// The capture board's schema: what the forum workspace writes passes, anything else is refused unapplied.
import * as Y from "yjs";
import { checkUpdate } from "./update-policy";
import { schemaFor } from "./document-schemas";
import { BOARD_SCHEMA } from "./board-schema";
import { MINUTES_SCHEMA } from "./minutes-schema";
import { addBoardCard, bodyOf, boardCardsOf } from "./test-helpers";

/** A writer's doc whose every update is checked by, then applied to, a server-side board doc. */
function writerAndServer() {
  const server = new Y.Doc();
  const writer = new Y.Doc();
  const verdicts: ReturnType<typeof checkUpdate>[] = [];
  writer.on("update", (update: Uint8Array) => {
    const verdict = checkUpdate(server, update, BOARD_SCHEMA);
    verdicts.push(verdict);
    if (verdict.ok) Y.applyUpdate(server, update);
  });
  return { server, writer, verdicts };
}

function updateFrom(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

const firstCard = (doc: Y.Doc) => boardCardsOf(doc).get(0);

describe("board schema", () => {
  it("is the schema of forum:<id>:board documents only", () => {
    expect(schemaFor("forum:abc:board")).toBe(BOARD_SCHEMA);
    expect(schemaFor("forum:abc:minutes")).toBe(MINUTES_SCHEMA);
    expect(schemaFor("forum:abc:board:x")).toBe(MINUTES_SCHEMA);
    expect(schemaFor("board")).toBe(MINUTES_SCHEMA);
  });

  it("accepts cards as the workspace writes them: add, type, attribute, cite, edit concurrently, delete", () => {
    const { server, writer, verdicts } = writerAndServer();
    addBoardCard(writer, { id: "c1", createdBy: "u-staff" });
    addBoardCard(writer, { id: "c2", createdBy: "u-staff" });
    const card = firstCard(writer);
    writer.transact(() => {
      (card.get("speaker") as Y.Text).insert(0, "王代表");
      card.set("speakerUserId", "u-deputy");
      (card.get("speakerOccupation") as Y.Text).insert(0, "村民委员会主任");
    });
    (card.get("opinion") as Y.Text).insert(0, "建议第十二条增加听证程序。");
    (card.get("suggestedText") as Y.Text).insert(0, "应当举行听证会");
    (card.get("reason") as Y.Text).insert(0, "保障群众参与");
    card.set("citation", "第十二条第二款");
    (card.get("opinion") as Y.Text).delete(0, 2);
    card.delete("speakerUserId");
    boardCardsOf(writer).delete(1, 1);

    // Another staff member edits the same card from a replica made before the deletion.
    const other = updateFrom(server, (doc) => (firstCard(doc).get("reason") as Y.Text).insert(0, "（补充）"));
    expect(checkUpdate(server, other, BOARD_SCHEMA)).toEqual({ ok: true, insertsContent: true });
    Y.applyUpdate(server, other);

    expect(verdicts.length).toBeGreaterThan(8);
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(boardCardsOf(server).length).toBe(1);
    expect((firstCard(server).get("opinion") as Y.Text).toString()).toBe("第十二条增加听证程序。");
    expect(firstCard(server).get("citation")).toBe("第十二条第二款");
    expect(firstCard(server).has("speakerUserId")).toBe(false);
    // A joining client's first step 2 is the whole board in one update.
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(server), BOARD_SCHEMA)).toEqual({ ok: true, insertsContent: true });
  });

  it("refuses other roots, other types, unknown keys, wrong value types, binary, formatting and embeds", () => {
    const server = new Y.Doc();
    addBoardCard(server, { id: "c1", createdBy: "u-staff" });
    const card = (doc: Y.Doc) => firstCard(doc);
    const attacks: Record<string, (doc: Y.Doc) => void> = {
      "a root Y.Map named cards": (doc) => doc.getMap("cards").set("blob", "x".repeat(1000)),
      "a root Y.Map": (doc) => doc.getMap("hidden").set("blob", "x"),
      "a root Y.Text": (doc) => doc.getText("notes").insert(0, "x"),
      "the minutes' fragment": (doc) => bodyOf(doc).insert(0, "x"),
      "a plain value in cards": (doc) => boardCardsOf(doc).push(["x" as unknown as Y.Map<unknown>]),
      "a Y.Text in cards": (doc) => boardCardsOf(doc).push([new Y.Text("x") as unknown as Y.Map<unknown>]),
      "a Y.Array in cards": (doc) => boardCardsOf(doc).push([new Y.Array() as unknown as Y.Map<unknown>]),
      "binary in a card": (doc) => card(doc).set("id", new Uint8Array(100)),
      "a number as id": (doc) => card(doc).set("id", 42),
      "a string as createdAt": (doc) => card(doc).set("createdAt", "yesterday"),
      "an object value": (doc) => card(doc).set("citation", { hidden: "x" }),
      "an unknown key": (doc) => card(doc).set("attachment", "x"),
      "a string where a Y.Text belongs": (doc) => card(doc).set("opinion", "x"),
      "a Y.Map where a Y.Text belongs": (doc) => card(doc).set("opinion", new Y.Map()),
      "a Y.XmlText where a Y.Text belongs": (doc) => card(doc).set("opinion", new Y.XmlText("x")),
      "a Y.Text where a string belongs": (doc) => card(doc).set("id", new Y.Text("x")),
      "a subdocument": (doc) => card(doc).set("reason", new Y.Doc()),
      "formatting in a text": (doc) => (card(doc).get("opinion") as Y.Text).insert(0, "x", { bold: true }),
      "an embed in a text": (doc) => (card(doc).get("opinion") as Y.Text).insertEmbed(0, { image: "x" }),
      "an attribute on a text": (doc) => (card(doc).get("opinion") as Y.Text).setAttribute("data", "x"),
      "a nested card in a new card": (doc) => {
        const outer = new Y.Map<unknown>();
        boardCardsOf(doc).push([outer]);
        outer.set("opinion", new Y.Map());
      },
    };
    for (const [name, attack] of Object.entries(attacks)) {
      const verdict = checkUpdate(server, updateFrom(server, attack), BOARD_SCHEMA);
      expect({ name, ok: verdict.ok, reason: verdict.ok ? null : verdict.reason }).toEqual({ name, ok: false, reason: "not-allowed" });
    }
    // And the board is refused in a minutes document.
    const board = new Y.Doc();
    addBoardCard(board, { id: "c1", createdBy: "u" });
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(board), MINUTES_SCHEMA)).toMatchObject({ ok: false, reason: "not-allowed" });
  });
});
