import { describe, expect, it } from "vitest";
import { alignVersions } from "./align";
import { anchorText, createAnchor, reanchor } from "./anchor";
import { findApproximate } from "./approximate-match";
import { article, chapter, legalDoc } from "./legal-doc-builder.test-support";
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

  it("orphans an anchor whose quote was rewritten beyond recognition", () => {
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
    expect(reanchor(anchor, oldDoc, newDoc).status).toBe("orphan");
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

describe("findApproximate", () => {
  it("returns the closest window and its score", () => {
    expect(findApproximate("监督管理工作", "做好电梯安全监督管理相关工作。")).toEqual({ start: 6, end: 14, score: 0.75 });
    expect(findApproximate("", "文本")).toBeNull();
  });
});
