// Text of clauses as compared across versions: layout removed, descendants included.
import type { LegalNode, NodeKind, ParsedDocument } from "./types";

/** Whitespace of any width, zero-width characters and markdown emphasis marks carry layout only. */
const LAYOUT = /[\s\u200b-\u200d\u2060\ufeff*]+/gu;

/** Text without layout: blank lines, spaces, line breaks and stray ** never count as a change. */
export function compactText(text: string): string {
  return text.replace(LAYOUT, "");
}

/** Kinds of the clauses inside a block: 款, 项, 目. */
export const CLAUSE_KINDS: ReadonlySet<NodeKind> = new Set(["paragraph", "item", "subitem"]);

/** Paragraphs, items and subitems under a node (with their labels), one per line. */
function childrenText(node: LegalNode): string {
  const lines: string[] = [];
  for (const child of node.children) {
    if (CLAUSE_KINDS.has(child.kind)) lines.push((child.kind === "paragraph" ? "" : child.label) + clauseText(child));
  }
  return lines.join("\n");
}

/**
 * Whether the node's own text already holds its children's text (the parser fills an article's text
 * with its whole body).
 */
function holdsChildren(node: LegalNode, children: string): boolean {
  return node.text !== "" && children !== "" && compactText(node.text).endsWith(compactText(children));
}

/** The node's text followed by its paragraphs, items and subitems (with their labels), one per line. */
export function clauseText(node: LegalNode): string {
  const children = childrenText(node);
  if (children === "" || holdsChildren(node, children)) return node.text;
  return node.text === "" ? children : `${node.text}\n${children}`;
}

/** The node's own text only: without the paragraphs and items it holds. */
export function ownText(node: LegalNode): string {
  const children = childrenText(node);
  if (!holdsChildren(node, children)) return node.text;
  const own = compactText(node.text);
  return own.slice(0, own.length - compactText(children).length);
}

/**
 * What one top row of the alignment holds: an article or an 一、 unit of the body, a paragraph of the 序言,
 * or the title or a unit of a 附件.
 */
export interface BlockEntry {
  node: LegalNode;
  /** Kind of the block's row: article or heading (一、 unit) in the body, preamble, annex. */
  kind: NodeKind;
  /** Labels of the headings above the block (编, 章, 节), outermost first. */
  headings: LegalNode[];
  text: string;
  compact: string;
}

export interface AnnexBlocks {
  /** The annex node with its own title (the name after 附件一) as text. */
  title: BlockEntry;
  /** Its articles, 一、 units, paragraphs and list lines in reading order. */
  blocks: BlockEntry[];
}

/** The sequences aligned separately: 序言 with 序言, body with body, each 附件 with its counterpart. */
export interface DocumentBlocks {
  preamble: BlockEntry[];
  body: BlockEntry[];
  annexes: AnnexBlocks[];
}

const BODY_CONTAINERS: ReadonlySet<NodeKind> = new Set(["document", "part", "subpart", "chapter", "section", "supplementary"]);
const BODY_BLOCKS: ReadonlySet<NodeKind> = new Set(["article", "heading"]);
const ANNEX_BLOCKS: ReadonlySet<NodeKind> = new Set(["article", "heading", ...CLAUSE_KINDS]);

function blockEntry(node: LegalNode, kind: NodeKind, headings: LegalNode[], text = clauseText(node)): BlockEntry {
  return { node, kind, headings, text, compact: compactText(text) };
}

/** The blocks of a document in reading order, by the sequence they are aligned in. */
export function collectBlocks(doc: ParsedDocument): DocumentBlocks {
  const result: DocumentBlocks = { preamble: [], body: [], annexes: [] };
  const visitBody = (nodes: LegalNode[], headings: LegalNode[]) => {
    for (const node of nodes) {
      if (BODY_BLOCKS.has(node.kind)) result.body.push(blockEntry(node, node.kind, headings));
      else if (BODY_CONTAINERS.has(node.kind)) visitBody(node.children, node.kind === "document" ? headings : [...headings, node]);
    }
  };
  for (const node of doc.nodes) {
    if (node.kind === "preamble") {
      for (const child of node.children) if (CLAUSE_KINDS.has(child.kind)) result.preamble.push(blockEntry(child, "preamble", []));
    } else if (node.kind === "annex") {
      const blocks = node.children.filter((child) => ANNEX_BLOCKS.has(child.kind)).map((child) => blockEntry(child, "annex", []));
      result.annexes.push({ title: blockEntry(node, "annex", [], node.text), blocks });
    } else {
      visitBody([node], []);
    }
  }
  return result;
}

export interface ClauseUnit {
  node: LegalNode;
  kind: NodeKind;
  text: string;
  compact: string;
}

/**
 * Paragraphs, items and subitems of a block in reading order, each with its own text only, so that a
 * changed item shows as one row and not as a change of its whole paragraph. The block's own line (an
 * article's text before its first 款, the line after 一、) counts as a paragraph.
 */
export function collectUnits(block: LegalNode): ClauseUnit[] {
  const units: ClauseUnit[] = [];
  const visit = (node: LegalNode) => {
    const text = ownText(node);
    if (node !== block || compactText(text) !== "") {
      units.push({ node, kind: CLAUSE_KINDS.has(node.kind) ? node.kind : "paragraph", text, compact: compactText(text) });
    }
    for (const child of node.children) if (CLAUSE_KINDS.has(child.kind)) visit(child);
  };
  visit(block);
  return units;
}
