// Text of clauses as compared across versions: layout removed, descendants included.
import type { LegalNode, NodeKind, ParsedDocument } from "./types";

/** Whitespace of any width, zero-width characters and markdown emphasis marks carry layout only. */
const LAYOUT = /[\s\u200b-\u200d\u2060\ufeff*]+/gu;

/** Text without layout: blank lines, spaces, line breaks and stray ** never count as a change. */
export function compactText(text: string): string {
  return text.replace(LAYOUT, "");
}

const CLAUSE_KINDS: ReadonlySet<NodeKind> = new Set(["paragraph", "item", "subitem"]);

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

export interface ArticleEntry {
  node: LegalNode;
  /** Position among the document's articles, 0-based. */
  index: number;
  /** Labels of the headings above the article (编, 章, 节), outermost first. */
  headings: LegalNode[];
  text: string;
  compact: string;
}

const ARTICLE_CONTAINERS: ReadonlySet<NodeKind> = new Set([
  "document",
  "part",
  "subpart",
  "chapter",
  "section",
  "supplementary",
]);

/** Articles of a document in reading order, with the headings they sit under. */
export function collectArticles(doc: ParsedDocument): ArticleEntry[] {
  const entries: ArticleEntry[] = [];
  const visit = (nodes: LegalNode[], headings: LegalNode[]) => {
    for (const node of nodes) {
      if (node.kind === "article") {
        const text = clauseText(node);
        entries.push({ node, index: entries.length, headings, text, compact: compactText(text) });
      } else if (ARTICLE_CONTAINERS.has(node.kind)) {
        visit(node.children, node.kind === "document" ? headings : [...headings, node]);
      }
    }
  };
  visit(doc.nodes, []);
  return entries;
}

export interface ClauseUnit {
  node: LegalNode;
  kind: NodeKind;
  text: string;
  compact: string;
}

/**
 * Paragraphs, items and subitems of an article in reading order, each with its own text only,
 * so that a changed item shows as one row and not as a change of its whole paragraph.
 */
export function collectUnits(article: LegalNode): ClauseUnit[] {
  const units: ClauseUnit[] = [];
  const visit = (node: LegalNode) => {
    const text = ownText(node);
    const isArticle = node.kind === "article";
    if (!isArticle || compactText(text) !== "") {
      units.push({ node, kind: isArticle ? "paragraph" : node.kind, text, compact: compactText(text) });
    }
    for (const child of node.children) if (CLAUSE_KINDS.has(child.kind)) visit(child);
  };
  visit(article);
  return units;
}
