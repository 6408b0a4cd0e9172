// Shared types of the legal text engine (pure TypeScript, no I/O).

/** Kinds of node in a parsed legislative text (names from the glossary). */
export type NodeKind =
  | "document"
  | "title"
  | "preamble"
  | "toc"
  | "part" // 编
  | "subpart" // 分编
  | "chapter" // 章
  | "section" // 节
  | "article" // 条 (also 第X条之一)
  | "paragraph" // 款
  | "item" // 项 （一）
  | "subitem" // 目 1. / （1）
  | "supplementary" // 附则 (as a chapter heading)
  | "annex" // 附件 / 附表
  | "heading"; // 一、 style headings in documents without articles

export interface LegalNode {
  kind: NodeKind;
  /** As written: 第十二条, 第二款, （三）, 1., 第一章. */
  label: string;
  /** Numeric value of the label when it has one (第十二条 → 12; 之一 stored in `subNumber`). */
  number?: number;
  subNumber?: number;
  /**
   * Heading title (章名) or the clause's own text, normalised (no layout whitespace). For an article: its whole
   * body (every paragraph, item and subitem line, joined with \n); for a paragraph, item or subitem: its own
   * line(s) only — a line the source wrapped (a paragraph ending in ， continued on the next line) joins with \n.
   * For the 目录 node: its entries, one per line.
   */
  text: string;
  /** Position in the tree, e.g. "c1/a12/p2/i3" — unique within a document. */
  path: string;
  /** Chinese citation: 第十二条第二款第三项. Empty for headings above articles. */
  citation: string;
  /** Stable id derived from the structure (not from text), unique within a document. */
  id: string;
  /** 1-based line in the input where the node starts. */
  line: number;
  children: LegalNode[];
}

export interface ParseWarning {
  line: number;
  /** `label-as-text`: a line starting with 第X条 kept as text (a reference, or a wrapped line), not as an article. */
  code: "unplaced" | "numbering-gap" | "numbering-duplicate" | "numbering-order" | "empty" | "label-as-text" | string;
  message: string;
}

/** A 题注 line: the adoption / amendment record under the title (通过、修正、公布 dates). Not a clause. */
export interface DocumentNote {
  text: string;
  line: number;
}

export interface ParsedDocument {
  title: string;
  /** The title as written, one entry per title line (民法典 books have two: 中华人民共和国民法典 / 合同编). */
  titleLines?: string[];
  /** 题注 lines, kept as metadata rather than clauses. */
  notes?: DocumentNote[];
  nodes: LegalNode[];
  warnings: ParseWarning[];
}

/** A red-line segment: text equal in both, inserted in the new text, or deleted from the old. */
export interface DiffSegment {
  op: "equal" | "insert" | "delete";
  text: string;
}
