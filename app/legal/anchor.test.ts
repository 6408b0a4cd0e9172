import { describe, expect, it } from "vitest";
import { alignVersions } from "./align";
import { anchorText, createAnchor, reanchor } from "./anchor";
import { findApproximate } from "./approximate-match";
import { ANNEX_DROPPED, ANNEXES, DECISION, PREAMBLE } from "./block-fixtures.test-support";
import { article, chapter, legalDoc } from "./legal-doc-builder.test-support";
import { parseLegalText } from "./parse";
import type { LegalNode, ParsedDocument } from "./types";

const FIRST = "为了加强电梯安全管理，预防和减少电梯事故，保障人身和财产安全，制定本条例。";
const EIGHTH = "市、区人民政府应当加强对电梯安全工作的领导，建立协调机制，做好电梯安全监督管理工作。";
const NINTH = "电梯使用单位应当对电梯的安全运行负责，电梯使用单位应当建立电梯安全管理制度。";

function findNode(doc: ParsedDocument, id: string): LegalNode {
  const stack = [...doc.nodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.id === id) return node;
    stack.push(...node.children);
  }
  throw new Error(`no node ${id}`);
}

function anchorOn(doc: ParsedDocument, id: string, quote: string, occurrence = 0) {
  const node = findNode(doc, id);
  const text = anchorText(node);
  let start = text.indexOf(quote);
  for (let k = 0; k < occurrence; k++) start = text.indexOf(quote, start + 1);
  return createAnchor(node, start, start + quote.length);
}

function quoteAt(doc: ParsedDocument, result: ReturnType<typeof reanchor>) {
  return anchorText(findNode(doc, result.clauseId!)).slice(result.start, result.end);
}

const oldDoc = legalDoc(chapter("第一章", "总则", article("第一条", FIRST), article("第二条", EIGHTH), article("第三条", NINTH)));

describe("createAnchor", () => {
  it("records the quote with up to 16 characters of context", () => {
    const anchor = anchorOn(oldDoc, "a:第二条/p1", "电梯安全监督管理工作");
    expect(anchor.quote.exact).toBe("电梯安全监督管理工作");
    expect(anchor.quote.prefix).toBe("全工作的领导，建立协调机制，做好");
    expect(anchor.quote.suffix).toBe("。");
    expect(anchor.end - anchor.start).toBe(10);
  });
});

describe("reanchor", () => {
  it("keeps an anchor on an unchanged clause exactly where it was", () => {
    const anchor = anchorOn(oldDoc, "a:第二条/p1", "建立协调机制");
    const result = reanchor(anchor, oldDoc, oldDoc);
    expect(result).toMatchObject({ status: "exact", clauseId: "a:第二条/p1", start: anchor.start, end: anchor.end });
  });

  it("follows the quote when text is inserted before it", () => {
    const newDoc = legalDoc(
      chapter("第一章", "总则", article("第一条", FIRST), article("第二条", EIGHTH.replace("加强", "切实加强")), article("第三条", NINTH)),
    );
    const anchor = anchorOn(oldDoc, "a:第二条/p1", "建立协调机制");
    const result = reanchor(anchor, oldDoc, newDoc);
    expect(result.status).toBe("moved");
    expect(result.start).toBe(anchor.start + 2);
    expect(quoteAt(newDoc, result)).toBe("建立协调机制");
  });

  it("tells repeated quotes apart by their context", () => {
    const newDoc = legalDoc(chapter("第一章", "总则", article("第一条", FIRST), article("第二条", EIGHTH), article("第三条", "本条所称" + NINTH)));
    const anchor = anchorOn(oldDoc, "a:第三条/p1", "电梯使用单位应当", 1);
    const result = reanchor(anchor, oldDoc, newDoc);
    expect(result.start).toBe(anchor.start + 4);
    expect(result.status).toBe("moved");
  });

  it("finds a slightly edited quote approximately", () => {
    const newDoc = legalDoc(
      chapter("第一章", "总则", article("第一条", FIRST), article("第二条", EIGHTH.replace("监督管理", "监督管理相关")), article("第三条", NINTH)),
    );
    const anchor = anchorOn(oldDoc, "a:第二条/p1", "做好电梯安全监督管理工作");
    const result = reanchor(anchor, oldDoc, newDoc);
    expect(result.status).toBe("fuzzy");
    expect(result.score).toBeGreaterThan(0.8);
    expect(quoteAt(newDoc, result)).toBe("做好电梯安全监督管理相关工作");
  });

  it("orphans an anchor whose clause was deleted, even if its words appear elsewhere", () => {
    const newDoc = legalDoc(chapter("第一章", "总则", article("第一条", FIRST), article("第二条", NINTH)));
    const anchor = anchorOn(oldDoc, "a:第二条/p1", "电梯安全");
    expect(reanchor(anchor, oldDoc, newDoc)).toEqual({ status: "orphan" });
  });

  it("reports a quote rewritten beyond recognition as changed, beside the words that replaced it", () => {
    const newDoc = legalDoc(
      chapter(
        "第一章",
        "总则",
        article("第一条", FIRST),
        article("第二条", EIGHTH.replace("建立协调机制，做好电梯安全监督管理工作", "将电梯安全纳入平安城市考核体系，统筹解决重大问题")),
        article("第三条", NINTH),
      ),
    );
    const anchor = anchorOn(oldDoc, "a:第二条/p1", "做好电梯安全监督管理工作");
    const result = reanchor(anchor, oldDoc, newDoc);
    expect(result).toMatchObject({ status: "changed", clauseId: "a:第二条/p1", score: 0 });
    expect(quoteAt(newDoc, result)).toBe("将电梯安全纳入平安城市考核体系，统筹解决重大问题");
  });

  it("follows a renumbered clause", () => {
    const newDoc = legalDoc(
      chapter(
        "第一章",
        "总则",
        article("第一条", FIRST),
        article("第二条", "本条例适用于本市行政区域内电梯的生产、使用、维护保养、检验检测以及监督管理。"),
        article("第三条", EIGHTH),
        article("第四条", NINTH),
      ),
    );
    const anchor = anchorOn(oldDoc, "a:第二条/p1", "建立协调机制");
    const alignment = alignVersions(oldDoc, newDoc);
    const result = reanchor(anchor, oldDoc, newDoc, alignment);
    expect(result).toMatchObject({ status: "moved", clauseId: "a:第三条/p1", start: anchor.start });
  });

  it("follows an article into the article it was merged into", () => {
    const newDoc = legalDoc(chapter("第一章", "总则", article("第一条", FIRST), article("第二条", EIGHTH + NINTH)));
    const anchor = anchorOn(oldDoc, "a:第三条", "建立电梯安全管理制度");
    const result = reanchor(anchor, oldDoc, newDoc);
    expect(result.clauseId).toBe("a:第二条");
    expect(quoteAt(newDoc, result)).toBe("建立电梯安全管理制度");
  });
});

describe("reanchor on rewritten wording", () => {
  const LEAD = "违反本条例规定，电梯使用单位有下列行为之一的，责令限期改正：";
  const penalties = (first: string) =>
    legalDoc(article("第二十条", [LEAD, first, "未按照规定设置安全警示标志的。"]));
  const before = penalties("未按照规定进行定期检验的；");
  const after = penalties("未按照规定进行维护保养的；");

  it("never calls a quote fuzzy when only its boilerplate survives: the replaced wording is changed", () => {
    for (const id of ["a:第二十条/p1/i1", "a:第二十条"]) {
      const result = reanchor(anchorOn(before, id, "未按照规定进行定期检验"), before, after);
      expect(result).toMatchObject({ status: "changed", clauseId: id });
      expect(result.score).toBeCloseTo(7 / 11);
      expect(quoteAt(after, result)).toBe("未按照规定进行维护保养");
    }
  });

  it("keeps a quote fuzzy when words are only inserted into it", () => {
    const newDoc = legalDoc(chapter("第一章", "总则", article("第一条", FIRST), article("第二条", EIGHTH.replace("建立", "建立健全")), article("第三条", NINTH)));
    const result = reanchor(anchorOn(oldDoc, "a:第二条/p1", "建立协调机制"), oldDoc, newDoc);
    expect(result).toMatchObject({ status: "fuzzy", score: 0.75 });
    expect(quoteAt(newDoc, result)).toBe("建立健全协调机制");
  });

  it("asks more of a short quote than of a long one for the same replaced word", () => {
    const newDoc = legalDoc(chapter("第一章", "总则", article("第一条", FIRST), article("第二条", EIGHTH), article("第三条", NINTH.replace("应当对", "必须对"))));
    const long = reanchor(anchorOn(oldDoc, "a:第三条/p1", "电梯使用单位应当对电梯的安全运行负责"), oldDoc, newDoc);
    expect(long.status).toBe("fuzzy");
    expect(quoteAt(newDoc, long)).toBe("电梯使用单位必须对电梯的安全运行负责");
    const short = reanchor(anchorOn(oldDoc, "a:第三条/p1", "电梯使用单位应当对"), oldDoc, newDoc);
    expect(short).toMatchObject({ status: "changed", clauseId: "a:第三条/p1" });
  });

  it("reports struck-out wording as changed with an empty span where it stood", () => {
    const newDoc = legalDoc(chapter("第一章", "总则", article("第一条", FIRST), article("第二条", EIGHTH.replace("建立协调机制，", "")), article("第三条", NINTH)));
    const result = reanchor(anchorOn(oldDoc, "a:第二条/p1", "建立协调机制"), oldDoc, newDoc);
    expect(result).toMatchObject({ status: "changed", clauseId: "a:第二条/p1", score: 0 });
    expect(result.start).toBe(result.end);
    expect(anchorText(findNode(newDoc, "a:第二条/p1")).slice(result.start)).toMatch(/^做好/);
  });

  it("falls back to an approximate search, short quotes held to the stricter score, when the old clause lacks the quote", () => {
    const anchor = { ...anchorOn(before, "a:第二十条/p1/i1", "未按照规定进行定期检验"), start: 0, end: 0 };
    const stale = { ...anchor, quote: { ...anchor.quote, exact: "未按照规定进行定期检查" } };
    expect(reanchor(stale, before, after).status).toBe("orphan");
    const close = { ...anchor, quote: { ...anchor.quote, exact: "未按规定进行维护保养" } };
    const result = reanchor(close, before, after);
    expect(result.status).toBe("fuzzy");
    expect(quoteAt(after, result)).toBe("未按照规定进行维护保养");
  });
});

describe("reanchor beyond articles", () => {
  const parsed = (pair: { old: string; new: string }) => [parseLegalText(pair.old), parseLegalText(pair.new)] as const;

  it("carries a comment on a 序言 paragraph over to the reworded paragraph", () => {
    const [before, after] = parsed(PREAMBLE);
    const kept = reanchor(anchorOn(before, "preamble-p2", "崇德向善、见贤思齐的社会风尚"), before, after);
    expect(kept).toMatchObject({ status: "moved", clauseId: "preamble-p2" });
    expect(quoteAt(after, kept)).toBe("崇德向善、见贤思齐的社会风尚");
    const edited = reanchor(anchorOn(before, "preamble-p2", "坚持以人民为中心，弘扬中华优秀传统文化"), before, after);
    expect(edited).toMatchObject({ status: "fuzzy", clauseId: "preamble-p2" });
    expect(quoteAt(after, edited)).toBe("坚持以人民为中心，传承弘扬中华优秀传统文化");
    const rewritten = reanchor(anchorOn(before, "preamble-p2", "推动形成"), before, after);
    expect(rewritten).toMatchObject({ status: "changed", clauseId: "preamble-p2" });
    expect(reanchor(anchorOn(before, "preamble-p1", "文明是城市的灵魂"), before, after).status).toBe("exact");
  });

  it("carries comments on 附件 units and items, and on the annex title, into the counterpart annex", () => {
    const [before, after] = parsed(ANNEXES);
    const item = reanchor(anchorOn(before, "ax1-h2-i2", "记录检查结果"), before, after);
    expect(item).toMatchObject({ status: "fuzzy", clauseId: "ax1-h2-i2" });
    expect(quoteAt(after, item)).toBe("记录并保存检查结果");
    expect(reanchor(anchorOn(before, "ax1", "电梯安全管理人员职责"), before, after).status).toBe("exact");
    expect(reanchor(anchorOn(before, "ax2-s1", "未按照规定进行定期检验"), before, after)).toMatchObject({
      status: "changed",
      clauseId: "ax2-s1",
    });
    const dropped = parseLegalText(ANNEX_DROPPED);
    expect(reanchor(anchorOn(before, "ax2-s2", "设置安全警示标志"), before, dropped)).toMatchObject({ status: "moved", clauseId: "ax1-s2" });
    expect(reanchor(anchorOn(before, "ax1-h1", "建立电梯安全管理制度"), before, dropped)).toEqual({ status: "orphan" });
  });

  it("carries comments on the 一、 units of a text without articles, and on their items", () => {
    const [before, after] = parsed(DECISION);
    const unit = reanchor(anchorOn(before, "h1", "综合治理的方针"), before, after);
    expect(unit).toMatchObject({ status: "exact", clauseId: "h1" });
    const item = reanchor(anchorOn(before, "h2-s1", "开展电梯安全隐患排查"), before, after);
    expect(item).toMatchObject({ status: "fuzzy", clauseId: "h2-s1" });
    expect(quoteAt(after, item)).toBe("开展一次电梯安全隐患排查");
    expect(reanchor(anchorOn(before, "h3", "公布之日"), before, after)).toMatchObject({ status: "changed", clauseId: "h3" });
  });
});

describe("findApproximate", () => {
  it("returns the closest window and its score", () => {
    expect(findApproximate("监督管理工作", "做好电梯安全监督管理相关工作。")).toEqual({ start: 6, end: 14, score: 0.75 });
    expect(findApproximate("", "文本")).toBeNull();
  });
});
