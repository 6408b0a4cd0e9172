// Text of clauses as compared across versions: layout removed, descendants included.
import type { LegalNode, NodeKind, ParsedDocument } from "./types";

/** Whitespace of any width, zero-width characters and markdown emphasis marks carry layout only. */
const LAYOUT = /[\s\u200b-\u200d\u2060\ufeff*]+/gu;

/** Text without layout: blank lines, spaces, line breaks and stray ** never count as a change. */
export function compactText(text: string): string {
  return text.replace(LAYOUT, "");
}

const CLAUSE_KINDS: ReadonlySet<NodeKind> = new Set(["paragraph", "item", "subitem"]);

/**
 * The node's own text followed by its paragraphs, items and subitems, one per line.
 * When a parser already folded the children into the node's own text, that text is used as is.
 */
export function clauseText(node: LegalNode): string {
  const children = node.children.filter((child) => CLAUSE_KINDS.has(child.kind));
  if (children.length === 0) return node.text;
  const childTexts = children.map(clauseText);
  const own = compactText(node.text);
  if (own && own.endsWith(compactText(childTexts.join("")))) return node.text;
  return [node.text, ...childTexts].filter((text) => text !== "").join("\n");
}

/** Own text of a clause unit: for a node whose text already includes its children, only the lead-in. */
export function ownText(node: LegalNode): string {
  const children = node.children.filter((child) => CLAUSE_KINDS.has(child.kind));
  if (children.length === 0) return node.text;
  const own = compactText(node.text);
  const folded = compactText(children.map(clauseText).join(""));
  if (own && folded && own.endsWith(folded)) return own.slice(0, own.length - folded.length);
  return node.text;
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
