// The update policy against what the minutes editor really writes (Tiptap's StarterKit through y-prosemirror's
// mapping, as the Collaboration extension runs it) and against hand-made updates carrying anything else.
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment, updateYFragment } from "@tiptap/y-tiptap";
import { checkUpdate } from "./update-policy";
import { bodyOf, minutesOf } from "./test-helpers";

const schema = getSchema([StarterKit.configure({ undoRedo: false })]);

/** A writer's doc whose every update is checked by, then applied to, a server-side doc. */
function writerAndServer() {
  const server = new Y.Doc();
  const writer = new Y.Doc();
  const verdicts: ReturnType<typeof checkUpdate>[] = [];
  writer.on("update", (update: Uint8Array) => {
    const verdict = checkUpdate(server, update);
    verdicts.push(verdict);
    if (verdict.ok) Y.applyUpdate(server, update);
  });
  return { server, writer, verdicts };
}

/** The update a change to a fresh replica of `base` produces. */
function updateFrom(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

const MINUTES = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "座谈会记录" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "王代表：", marks: [{ type: "bold" }] },
        { type: "text", text: "建议", marks: [{ type: "link", attrs: { href: "https://example.org/law" } }] },
        { type: "hardBreak" },
        { type: "text", text: "第十二条增加听证程序。" },
      ],
    },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "一、经费" }] }] }] },
    {
      type: "orderedList",
      attrs: { start: 3 },
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "代码", marks: [{ type: "italic" }, { type: "code" }] }] }] }],
    },
    { type: "blockquote", content: [{ type: "paragraph" }] },
    { type: "codeBlock", attrs: { language: "text" }, content: [{ type: "text", text: "附件一" }] },
    { type: "horizontalRule" },
  ],
};

/** An update written by hand: one struct of `content` (ContentJSON here, which no current API writes). */
function legacyJsonUpdate(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // clients
  encoding.writeVarUint(encoder, 1); // structs of this client
  encoding.writeVarUint(encoder, 4242); // client
  encoding.writeVarUint(encoder, 0); // clock
  encoding.writeUint8(encoder, 2); // info: ContentJSON, no origins, parent written
  encoding.writeVarUint(encoder, 1); // the parent is a root, by name
  encoding.writeVarString(encoder, "default");
  encoding.writeVarUint(encoder, 1); // one JSON value
  encoding.writeVarString(encoder, JSON.stringify({ hidden: "x".repeat(100) }));
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

describe("checkUpdate", () => {
  it("accepts everything the minutes editor writes: blocks, attributes, marks, edits and deletions", () => {
    const { server, writer, verdicts } = writerAndServer();
    const fragment = minutesOf(writer);
    writer.transact(() => prosemirrorJSONToYXmlFragment(schema, MINUTES, fragment));
    const meta = { mapping: new Map(), isOMark: new Map() };
    const edited = structuredClone(MINUTES) as typeof MINUTES & { content: any[] };
    edited.content[0].attrs.level = 3;
    edited.content[1].content[3].text = "第十二条增加听证和论证程序。";
    edited.content[1].content.push({ type: "text", text: "（补充）", marks: [{ type: "strike" }, { type: "underline" }] });
    edited.content.splice(4, 1);
    writer.transact(() => updateYFragment(writer, fragment, schema.nodeFromJSON(edited), meta));
    edited.content[1].content[0].marks = [];
    edited.content[2].attrs = {};
    writer.transact(() => updateYFragment(writer, fragment, schema.nodeFromJSON(edited), meta));
    bodyOf(writer).insert(0, "逐字输入");

    expect(verdicts.length).toBeGreaterThan(3);
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(minutesOf(server).toString()).toBe(fragment.toString());
    // A new client's first sync step 2 is the whole document in one update.
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(writer))).toEqual({ ok: true, insertsContent: true });
  });

  it("accepts concurrent edits, and an edit inside a paragraph another writer deleted meanwhile", () => {
    const server = new Y.Doc();
    bodyOf(server).insert(0, "原有段落");
    const stale = updateFrom(server, (doc) => bodyOf(doc).insert(2, "插入"));
    const concurrent = updateFrom(server, (doc) => minutesOf(doc).insert(1, [new Y.XmlElement("paragraph")]));
    minutesOf(server).delete(0, 1);
    expect(checkUpdate(server, concurrent)).toEqual({ ok: true, insertsContent: true });
    Y.applyUpdate(server, concurrent);
    // Its paragraph is gone (garbage-collected): Yjs discards the insertion, so it is harmless.
    expect(checkUpdate(server, stale).ok).toBe(true);
    Y.applyUpdate(server, stale);
    expect(minutesOf(server).toString()).toBe("<paragraph></paragraph>");
  });

  it("says whether an update inserts anything, so that deletions pass a full document", () => {
    const server = new Y.Doc();
    bodyOf(server).insert(0, "满了");
    expect(checkUpdate(server, updateFrom(server, (doc) => bodyOf(doc).delete(0, 1)))).toEqual({ ok: true, insertsContent: false });
  });

  it("refuses other roots, map entries on the root, and every content kind the editor never writes", () => {
    const server = new Y.Doc();
    bodyOf(server).insert(0, "正文");
    const attacks: Record<string, (doc: Y.Doc) => void> = {
      "a Y.Text root": (doc) => doc.getText("body").insert(0, "x".repeat(1000)),
      "a Y.Map root": (doc) => doc.getMap("hidden").set("blob", "x".repeat(1000)),
      "a Y.Array root": (doc) => doc.getArray("hidden").push(["x"]),
      "a map entry on the root fragment": (doc) => doc.getMap("default").set("blob", "x"),
      "a Y.Map in the fragment": (doc) => minutesOf(doc).insert(0, [new Y.Map() as unknown as Y.XmlElement]),
      "a Y.Array in a paragraph": (doc) => (minutesOf(doc).get(0) as Y.XmlElement).insert(0, [new Y.Array() as unknown as Y.XmlElement]),
      "a plain Y.Text in a paragraph": (doc) => (minutesOf(doc).get(0) as Y.XmlElement).insert(0, [new Y.Text("x") as unknown as Y.XmlText]),
      "an XmlHook": (doc) => minutesOf(doc).insert(0, [new Y.XmlHook("hook") as unknown as Y.XmlElement]),
      "a plain value in the fragment": (doc) => minutesOf(doc).insert(0, ["x" as unknown as Y.XmlElement]),
      "binary in an attribute": (doc) => (minutesOf(doc).get(0) as Y.XmlElement).setAttribute("blob", new Uint8Array(100) as never),
      "a subdocument in an attribute": (doc) => (minutesOf(doc).get(0) as Y.XmlElement).setAttribute("sub", new Y.Doc() as never),
      "a type in an attribute": (doc) => (minutesOf(doc).get(0) as Y.XmlElement).setAttribute("map", new Y.Map() as never),
      "an embed in the text": (doc) => bodyOf(doc).insertEmbed(1, { image: "x" }),
      "a Y.Map embedded in the text": (doc) => bodyOf(doc).insertEmbed(1, new Y.Map()),
      "an attribute on the text": (doc) => bodyOf(doc).setAttribute("data", "x"),
      "a Y.Map in a new paragraph of the same update": (doc) => {
        const paragraph = new Y.XmlElement("paragraph");
        minutesOf(doc).insert(1, [paragraph]);
        paragraph.insert(0, [new Y.Map() as unknown as Y.XmlElement]);
      },
    };
    for (const [name, attack] of Object.entries(attacks)) {
      const verdict = checkUpdate(server, updateFrom(server, attack));
      expect({ name, ok: verdict.ok, reason: verdict.ok ? null : verdict.reason }).toEqual({ name, ok: false, reason: "not-allowed" });
    }
    expect(checkUpdate(server, legacyJsonUpdate())).toMatchObject({ ok: false, reason: "not-allowed" });
    // A second write to a root map entry has no parent of its own (Yjs takes its predecessor's): still refused.
    const attacker = new Y.Doc();
    attacker.getMap("default").set("blob", "x");
    const second = updateFrom(attacker, (doc) => doc.getMap("default").set("blob", "y"));
    expect(checkUpdate(attacker, second)).toMatchObject({ ok: false, reason: "not-allowed" });
  });

  it("refuses an update whose items cannot be placed, instead of letting Yjs integrate it later unchecked", () => {
    const writer = new Y.Doc();
    bodyOf(writer).insert(0, "服务器没有收到的段落");
    const dependent = updateFrom(writer, (doc) => bodyOf(doc).insert(3, "后续"));
    expect(checkUpdate(new Y.Doc(), dependent)).toMatchObject({ ok: false, reason: "unresolvable" });
  });

  it("skips what the document already has: a stale step 2 may carry content from before this policy", () => {
    const server = new Y.Doc();
    server.getText("body").insert(0, "旧数据");
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    bodyOf(client).insert(0, "新段落");
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client))).toEqual({ ok: true, insertsContent: true });
  });
});
