// Builds small LegalNode trees for tests without going through the parser.
import type { LegalNode, NodeKind, ParsedDocument } from "./types";

/** A paragraph: its text, or its lead-in followed by items written as "（一）…". */
export type ParagraphSpec = string | string[];

function node(kind: NodeKind, label: string, text: string, path: string, citation: string, children: LegalNode[] = []): LegalNode {
  return { kind, label, text, path, citation, id: path, line: 0, children };
}

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 第十二条 with its paragraphs; ids follow the structure (label), paragraphs are unlabelled, like the parser's. */
export function article(label: string, ...paragraphs: ParagraphSpec[]): LegalNode {
  const path = `a:${label}`;
  const children = paragraphs.map((spec, p) => {
    const [lead, ...items] = typeof spec === "string" ? [spec] : spec;
    const paragraphPath = `${path}/p${p + 1}`;
    const paragraphCitation = `${label}第${ORDINALS[p]}款`;
    const itemNodes = items.map((text, k) => {
      const itemLabel = `（${ORDINALS[k]}）`;
      return node("item", itemLabel, text, `${paragraphPath}/i${k + 1}`, `${paragraphCitation}第${ORDINALS[k]}项`);
    });
    return node("paragraph", "", lead, paragraphPath, paragraphCitation, itemNodes);
  });
  // Like the parser: an article's text is its whole body, items with their labels, one line each.
  const body = children.flatMap((paragraph) => [paragraph.text, ...paragraph.children.map((item) => item.label + item.text)]);
  return node("article", label, body.filter((line) => line !== "").join("\n"), path, label, children);
}

export function chapter(label: string, title: string, ...articles: LegalNode[]): LegalNode {
  return node("chapter", label, title, `c:${label}`, "", articles);
}

export function legalDoc(...nodes: LegalNode[]): ParsedDocument {
  return { title: "测试条例", nodes, warnings: [] };
}
