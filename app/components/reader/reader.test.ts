// The reader's pure parts: layout and the DOM contract's offsets, the outline and counts, search hits, and the
// cutting of a line into marked segments (labels written before the text included).
import fs from "node:fs";
import path from "node:path";
import { parseLegalText } from "~/legal/parse";
import { flattenClauses } from "~/legal/flatten";
import { layoutDraft, lineStartsIn, readerAnchorText, type ReaderClause, type ReaderLine } from "./reader-model";
import { displayText, findHits, highlightsByLine, hitsByLine, searchTerms, splitLine } from "./marks";
import { buildOutline, heatCells, heatLevel, subtreeCounts } from "./outline";

const DRAFT = fs.readFileSync(path.join(import.meta.dirname, "../../../seeds/drafts/elevator-v1.txt"), "utf8");

/** Clause rows as the database stores them (ids made from paths so tests can name them). */
function rowsOf(text: string): ReaderClause[] {
  return flattenClauses(parseLegalText(text)).map(({ node, parentPath }) => ({
    id: `row:${node.path}`,
    parentId: parentPath ? `row:${parentPath}` : null,
    kind: node.kind,
    label: node.label,
    text: node.text,
    citation: node.citation,
    stableKey: node.id,
  }));
}

const rows = rowsOf(DRAFT);
const layout = layoutDraft(rows);
const byCitation = (citation: string) => rows.find((r) => r.citation === citation)!;
const linesOf = (clauseId: string) => layout.lines.filter((l) => l.clause.id === clauseId);

describe("layout", () => {
  it("writes 第X条 before the first paragraph and list labels before items", () => {
    const article = layout.blocks.find((b) => b.type === "article" && b.clause.label === "第三条");
    expect(article?.type).toBe("article");
    if (article?.type !== "article") return;
    expect(article.anchorId).toBe("第三条");
    const [first, item1] = article.lines;
    expect(first.prefix).toBe("第三条　");
    expect(first.prefixStyle).toBe("article");
    expect(first.anchorOffset).toBe(-4);
    // The one paragraph shares the article's citation: the id stays on the article.
    expect(first.anchorId).toBeUndefined();
    expect(item1.prefix).toBe("（一）");
    expect(item1.anchorOffset).toBe(-3);
    expect(item1.anchorId).toBe("第三条第一项");
    expect(article.lines.map((l) => l.role)).toEqual(["paragraph", "item", "item", "item", "item"]);
  });

  it("gives every paragraph of a several-paragraph article its own id", () => {
    const article = layout.blocks.find((b) => b.type === "article" && b.clause.label === "第十二条");
    if (article?.type !== "article") throw new Error("no 第十二条");
    expect(article.lines.map((l) => l.anchorId)).toEqual(["第十二条第一款", "第十二条第二款"]);
  });

  it("keeps ids unique on the page", () => {
    const ids = [...layout.blocks.map((b) => (b.type === "lines" ? undefined : b.anchorId)), ...layout.lines.map((l) => l.anchorId)].filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("puts chapters as headings with their label, and 目 lines under their item", () => {
    const chapter = layout.blocks.find((b) => b.type === "heading");
    expect(chapter?.type === "heading" && displayText(chapter.line)).toBe("第一章　总则");
    const subitems = layout.lines.filter((l) => l.role === "subitem");
    expect(subitems.length).toBeGreaterThan(0);
    expect(displayText(subitems[0])).toMatch(/^1\./);
  });

  it("sets data-anchor-offset so that each line's text starts at offset 0 of its clause's anchor text", () => {
    for (const line of layout.lines) {
      const anchor = readerAnchorText(layout, line.clause);
      expect(line.anchorOffset).toBe(-line.prefix.length);
      expect(anchor.startsWith(line.text), `${line.clause.citation || line.clause.label}`).toBe(true);
    }
  });

  it("finds every line of an article inside the article's anchor text", () => {
    for (const block of layout.blocks) {
      if (block.type !== "article") continue;
      const anchor = readerAnchorText(layout, block.clause);
      const starts = lineStartsIn(layout, block.clause);
      expect(starts.size, block.clause.label).toBe(block.lines.length);
      for (const line of block.lines) {
        const start = starts.get(line)!;
        const textStart = start + line.prefix.length - (line.prefixInParentText ? line.prefix.length : 0);
        const shown = line.prefixInParentText ? displayText(line) : line.text;
        expect(anchor.slice(line.prefixInParentText ? start : textStart, (line.prefixInParentText ? start : textStart) + shown.length)).toBe(shown);
      }
    }
  });

  it("shows a clause whose parent is missing instead of dropping it", () => {
    const orphan: ReaderClause = { id: "x", parentId: "gone", kind: "paragraph", label: "", text: "孤立的段落", citation: "", stableKey: "x" };
    expect(layoutDraft([orphan]).lines.map((l) => l.text)).toEqual(["孤立的段落"]);
  });

  it("lays out an article without paragraphs as one line of its own", () => {
    const article: ReaderClause = { id: "a", parentId: null, kind: "article", label: "第一条", text: "本条例自公布之日起施行。", citation: "第一条", stableKey: "a1" };
    const l = layoutDraft([article]);
    expect(l.lines).toHaveLength(1);
    expect(displayText(l.lines[0])).toBe("第一条　本条例自公布之日起施行。");
    expect(l.lines[0].clause.id).toBe("a");
    expect(l.lines[0].anchorOffset).toBe(-4);
  });
});

describe("outline and counts", () => {
  const a12 = byCitation("第十二条");
  const a12p2 = byCitation("第十二条第二款");
  const item = byCitation("第三条第二项");
  const counts = { [a12.id]: 2, [a12p2.id]: 3, [item.id]: 1 };
  const totals = subtreeCounts(layout, counts);

  it("sums an article's comments with those on its paragraphs and items, and a chapter's with its articles'", () => {
    expect(totals.get(a12.id)).toBe(5);
    expect(totals.get(byCitation("第三条").id)).toBe(1);
    expect(totals.get(a12.parentId!)).toBe(5);
  });

  it("nests articles under their chapter, with links to the articles' ids", () => {
    const outline = buildOutline(layout, totals);
    expect(outline[0]).toMatchObject({ kind: "heading", label: "第一章　总则", count: 1 });
    expect(outline[0].children[0]).toMatchObject({ kind: "article", label: "第一条", href: "#第一条" });
    expect(outline[0].children[0].excerpt).toMatch(/^为了规范电梯安全管理.*…$/);
    const chapter2 = outline[1];
    expect(chapter2.children.find((e) => e.label === "第十二条")).toMatchObject({ count: 5, href: "#第十二条" });
    expect(outline.flatMap((c) => c.children).length).toBe(layout.blocks.filter((b) => b.type === "article").length);
  });

  it("shades heat cells by share of the most commented article", () => {
    const cells = heatCells(layout, totals);
    expect(cells.find((c) => c.label === "第十二条")).toMatchObject({ level: 4, count: 5, href: "#第十二条" });
    expect(cells.find((c) => c.label === "第三条")).toMatchObject({ level: 1, count: 1 });
    expect(cells.find((c) => c.label === "第一条")).toMatchObject({ level: 0 });
    expect([heatLevel(0, 0), heatLevel(1, 100), heatLevel(50, 100), heatLevel(100, 100)]).toEqual([0, 1, 2, 4]);
  });
});

describe("search", () => {
  it("splits the query at spaces of any width and drops duplicates", () => {
    expect(searchTerms("  维护保养　电梯 维护保养 ")).toEqual(["维护保养", "电梯"]);
    expect(searchTerms("")).toEqual([]);
  });

  it("finds occurrences literally, Latin letters in any case, longer terms first", () => {
    expect(findHits("a.b(c) A.B(C)", ["a.b(c)"])).toEqual([{ start: 0, end: 6 }, { start: 7, end: 13 }]);
    expect(findHits("电梯安全电梯", ["电梯", "电梯安全"])).toEqual([{ start: 0, end: 4 }, { start: 4, end: 6 }]);
  });

  it("numbers hits in reading order across the draft, labels included", () => {
    const { byLine, total } = hitsByLine(layout.lines, "第十二条");
    // The label of 第十二条, and the cross-reference in 第三条第二项 (…依照本条例第十六条…) does not match.
    const lines = [...byLine.keys()];
    expect(total).toBe(lines.reduce((n, l) => n + byLine.get(l)!.length, 0));
    const labelLine = lines.find((l) => l.prefix === "第十二条　")!;
    expect(byLine.get(labelLine)![0]).toMatchObject({ start: 0, end: 4 });
    const numbers = [...byLine.values()].flat().map((h) => h.n);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});

describe("splitting a line into marked segments", () => {
  const item: ReaderLine = {
    clause: { id: "i", parentId: null, kind: "item", label: "（一）", text: "制定维护保养方案；", citation: "第十三条第一项", stableKey: "i" },
    prefix: "（一）",
    prefixStyle: "list",
    prefixInParentText: true,
    text: "制定维护保养方案；",
    anchorOffset: -3,
    role: "item",
  };

  it("cuts at the end of the label, at hits and at highlights", () => {
    const text = displayText(item);
    const segments = splitLine(text, 3, [{ start: 5, end: 9, n: 1 }], [{ start: 3, end: 7, commentId: "c1", label: "王代表" }]);
    expect(segments.map((s) => [s.text, s.inPrefix, s.hit ?? null, s.hitStart ?? null, s.comments])).toEqual([
      ["（一）", true, null, null, []],
      ["制定", false, null, null, ["c1"]],
      ["维护", false, 1, true, ["c1"]],
      ["保养", false, 1, false, []],
      ["方案；", false, null, null, []],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments[1].labels).toEqual(["王代表"]);
  });

  it("clips ranges outside the line and ignores empty ones", () => {
    const segments = splitLine("abc", 0, [], [{ start: -5, end: 2, commentId: "a" }, { start: 2, end: 2, commentId: "empty" }, { start: 2, end: 99, commentId: "b" }]);
    expect(segments.map((s) => [s.text, s.comments])).toEqual([["ab", ["a"]], ["c", ["b"]]]);
  });

  it("maps a highlight given in the item's own offsets past the label (negative data-anchor-offset)", () => {
    const l = layoutDraft([
      { id: "p", parentId: null, kind: "paragraph", label: "第一款", text: "维护保养单位应当履行下列义务：", citation: "第十三条", stableKey: "p" },
      item.clause,
    ].map((c, i) => (i === 1 ? { ...c, parentId: "p" } : c)));
    const itemLine = l.lines.find((x) => x.clause.id === "i")!;
    const marks = highlightsByLine(l, [{ clauseId: "i", start: 0, end: 2, commentId: "c" }]);
    expect(marks.get(itemLine)).toEqual([{ start: 3, end: 5, commentId: "c", label: undefined }]);
    expect(displayText(itemLine).slice(3, 5)).toBe("制定");
  });

  it("spreads a highlight on an article over its paragraphs, in each line's own coordinates", () => {
    const article = byCitation("第十二条");
    const anchor = readerAnchorText(layout, article);
    const from = anchor.indexOf("增加维护保养次数");
    const to = anchor.indexOf("远程监测") + 4;
    const marks = highlightsByLine(layout, [{ clauseId: article.id, start: from, end: to, commentId: "c" }]);
    const [p1, p2] = linesOf(byCitation("第十二条第一款").id).concat(linesOf(byCitation("第十二条第二款").id));
    const first = marks.get(p1)![0];
    const second = marks.get(p2)![0];
    expect(displayText(p1).slice(first.start, first.end)).toBe("增加维护保养次数。");
    expect(displayText(p2).slice(second.start, second.end)).toBe("采用物联网等技术对电梯运行状态实施远程监测");
  });

  it("ignores highlights on unknown clauses and empty ranges", () => {
    expect(highlightsByLine(layout, [{ clauseId: "nope", start: 0, end: 3, commentId: "x" }, { clauseId: rows[1].id, start: 2, end: 2, commentId: "y" }]).size).toBe(0);
  });
});
