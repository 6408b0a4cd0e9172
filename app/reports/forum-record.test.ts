import * as Y from "yjs";
import mammoth from "mammoth";
import { addCard, boardCards, cardText, readBoard, setSpeaker } from "~/components/forum/board-doc";
import { minutesBlocks } from "./minutes-blocks";
import { buildForumRecord, type ForumRecordInput } from "./forum-record";
import { forumRecordDocx } from "./forum-record-docx";

/** Minutes as Tiptap's Collaboration extension stores them. */
function minutesState(): Uint8Array {
  const doc = new Y.Doc();
  const root = doc.getXmlFragment("default");
  const paragraph = (text: string, marks?: Record<string, unknown>) => {
    const p = new Y.XmlElement("paragraph");
    const t = new Y.XmlText();
    p.insert(0, [t]);
    root.push([p]);
    t.insert(0, text, marks);
    return p;
  };
  const heading = new Y.XmlElement("heading");
  heading.setAttribute("level", 2 as never);
  root.push([heading]);
  const ht = new Y.XmlText();
  heading.insert(0, [ht]);
  ht.insert(0, "开场");
  paragraph("陈联络：座谈会现在开始。");
  const list = new Y.XmlElement("orderedList");
  root.push([list]);
  for (const text of ["王代表发言", "张三发言"]) {
    const item = new Y.XmlElement("listItem");
    list.push([item]);
    const p = new Y.XmlElement("paragraph");
    item.push([p]);
    const t = new Y.XmlText();
    p.push([t]);
    t.insert(0, text);
  }
  paragraph("");
  return Y.encodeStateAsUpdate(doc);
}

function board() {
  const doc = new Y.Doc();
  addCard(doc, { createdBy: "s", citation: "第十二条" });
  addCard(doc, { createdBy: "s" });
  addCard(doc, { createdBy: "s", citation: "第三条" });
  addCard(doc, { createdBy: "s", citation: "第三条" });
  const [a, b, c, d] = boardCards(doc).toArray();
  setSpeaker(a, { name: "王代表", userId: "u-deputy" });
  cardText(a, "opinion")!.insert(0, "维护保养周期过长");
  cardText(a, "suggestedText")!.insert(0, "每十五日至少一次");
  setSpeaker(b, { name: "张三丰", userId: null, occupation: "退休职工" });
  cardText(b, "opinion")!.insert(0, "建议增加加装电梯的规定");
  cardText(c, "opinion")!.insert(0, "第三条的意见");
  cardText(d, "reason")!.insert(0, "没有意见的卡片不导出");
  return readBoard(doc);
}

const input = (unmasked: boolean): ForumRecordInput => ({
  forum: { title: "电梯条例座谈会", heldAt: new Date("2026-12-08T01:30:00Z"), location: "代表之家", attendeeCount: 5, closedAt: null },
  consultation: { draftTitle: "某市电梯安全管理条例（草案）", versionLabel: "征求意见稿", contactPointName: "前洲街道人大工委" },
  attendees: [{ userId: "u-deputy", name: "王代表", occupation: "人大代表" }, { userId: null, name: "张三丰", occupation: "退休职工" }],
  deputies: new Set(["u-deputy"]),
  minutes: minutesBlocks(minutesState()),
  cards: board(),
  clauses: [{ citation: "第三条", text: "第三条原文" }, { citation: "第十二条", text: "第十二条原文" }],
  unmasked,
  exportedAt: new Date("2026-12-08T03:00:00Z"),
});

describe("the forum record", () => {
  it("reads the minutes as Tiptap stores them: headings, paragraphs, numbered items", () => {
    expect(minutesBlocks(minutesState()).map((b) => [b.kind, b.runs.map((r) => r.text).join(""), b.number ?? null])).toEqual([
      ["heading", "开场", null],
      ["paragraph", "陈联络：座谈会现在开始。", null],
      ["ordered", "王代表发言", 1],
      ["ordered", "张三发言", 2],
    ]);
    expect(minutesBlocks(null)).toEqual([]);
  });

  it("groups opinions by clause, 总体意见 first, then in the draft's order, skipping cards without an opinion", () => {
    const record = buildForumRecord(input(true));
    expect(record.groups.map((g) => [g.citation, g.clauseText, g.cards.map((c) => c.speaker)])).toEqual([
      ["总体意见", null, ["张三丰（退休职工）"]],
      ["第三条", "第三条原文", ["未记录发言人"]],
      ["第十二条", "第十二条原文", ["王代表（人大代表）"]],
    ]);
    expect(record.cardCount).toBe(3);
    expect(record.groups.flatMap((g) => g.cards.map((c) => c.no))).toEqual([1, 2, 3]);
    expect(record.facts).toContainEqual(["时间", "2026年12月8日 09:30"]);
  });

  it("masks residents for anyone but the contact point's staff, deputies never", () => {
    const record = buildForumRecord(input(false));
    const text = JSON.stringify(record);
    expect(text).not.toContain("张三丰");
    expect(text).toContain("张**（退休职工）");
    expect(text).toContain("王代表（人大代表）");
  });

  it("writes a Word file with the title, facts, minutes and opinions", async () => {
    const file = await forumRecordDocx(buildForumRecord(input(true)));
    const { value } = await mammoth.extractRawText({ buffer: file });
    for (const expected of ["电梯条例座谈会", "地点：代表之家", "人大代表：王代表", "一、座谈会记录", "陈联络：座谈会现在开始。", "1. 王代表发言", "二、意见建议（3 条）", "草案原文：第十二条原文", "建议修改为：每十五日至少一次"]) {
      expect(value).toContain(expected);
    }
    expect(value.indexOf("总体意见")).toBeLessThan(value.indexOf("第十二条原文"));
  });
});
