import { anchorTexts, pickableClauses } from "./clause-texts";

const rows = [
  { id: "a3", parentId: null, kind: "article", label: "第三条", text: "本条例下列用语的含义：\n（一）电梯；\n（二）使用单位。", citation: "第三条", path: "a3", stableKey: "a3" },
  { id: "a3p1", parentId: "a3", kind: "paragraph", label: "第一款", text: "本条例下列用语的含义：", citation: "第三条", path: "a3/p1", stableKey: "a3-p1" },
  { id: "i1", parentId: "a3p1", kind: "item", label: "（一）", text: "电梯；", citation: "第三条第一项", path: "a3/p1/i1", stableKey: "a3-p1-i1" },
  { id: "i2", parentId: "a3p1", kind: "item", label: "（二）", text: "使用单位。", citation: "第三条第二项", path: "a3/p1/i2", stableKey: "a3-p1-i2" },
];

describe("clause texts", () => {
  it("gives each clause the legal engine's anchor text: a paragraph with its items and their labels", () => {
    const texts = anchorTexts(rows);
    expect(texts.get("a3p1")).toBe("本条例下列用语的含义：\n（一）电梯；\n（二）使用单位。");
    expect(texts.get("i2")).toBe("使用单位。");
  });

  it("offers each citation once (a one-paragraph article's 款 is the article), indented by kind", () => {
    expect(pickableClauses(rows)).toEqual([
      { id: "a3", citation: "第三条", depth: 0 },
      { id: "i1", citation: "第三条第一项", depth: 2 },
      { id: "i2", citation: "第三条第二项", depth: 2 },
    ]);
  });
});
