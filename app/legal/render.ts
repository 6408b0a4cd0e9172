// Renders a parsed tree back to the canonical text: renderLegalText(parseLegalText(x)) === normalizeLegalText(x).text.
import { CANONICAL_SEPARATOR } from "./labels";
import { canonicalText, type SourceLine } from "./normalize";
import type { LegalNode, ParsedDocument } from "./types";

type Line = Pick<SourceLine, "text" | "role">;

const HEADING_KINDS = new Set(["part", "subpart", "chapter", "section", "supplementary"]);

const LABELLED_CLAUSES = new Set(["item", "subitem", "heading"]);

/** A clause's own line(s): list labels are written, paragraph labels (第二款) are not. */
function ownLine(n: LegalNode): string {
  return LABELLED_CLAUSES.has(n.kind) ? n.label + n.text : n.text;
}

/** The lines of a clause and its descendants, in reading order. */
function clauseLines(n: LegalNode, out: string[]): void {
  const own = ownLine(n);
  if (own) out.push(own);
  n.children.forEach((child) => clauseLines(child, out));
}

/** An article's body: every paragraph, item and subitem line after the label, joined with \n. */
export function articleBody(article: LegalNode): string {
  const out: string[] = [];
  article.children.forEach((p) => clauseLines(p, out));
  return out.join("\n");
}

function renderNode(n: LegalNode, out: string[]): void {
  const withText = (separator: string) => (n.text ? n.label + separator + n.text : n.label);
  if (n.kind === "article") {
    const [first, ...rest] = n.children;
    if (!first) return void out.push(n.label);
    out.push(first.text ? n.label + CANONICAL_SEPARATOR + first.text : n.label);
    first.children.forEach((child) => clauseLines(child, out));
    rest.forEach((p) => clauseLines(p, out));
    return;
  }
  if (HEADING_KINDS.has(n.kind)) out.push(withText(CANONICAL_SEPARATOR));
  else if (n.kind === "annex") out.push(withText("："));
  else if (n.kind === "toc" || n.kind === "preamble") {
    if (n.label) out.push(n.label);
    if (n.text) out.push(n.text);
  } else if (n.kind === "heading" || n.kind === "item" || n.kind === "subitem") out.push(n.label + n.text);
  else if (n.text) out.push(n.text);
  for (const child of n.children) {
    if (child.kind === "paragraph" || child.kind === "item" || child.kind === "subitem") clauseLines(child, out);
    else renderNode(child, out);
  }
}

/** Canonical text of a parsed document (see normalize.ts for the canonical form). */
export function renderLegalText(doc: ParsedDocument): string {
  const lines: Line[] = (doc.titleLines ?? (doc.title ? [doc.title] : [])).map((text) => ({ text, role: "title" }));
  for (const note of doc.notes ?? []) lines.push({ text: note.text, role: "note" });
  const body: string[] = [];
  doc.nodes.forEach((n) => renderNode(n, body));
  for (const text of body) lines.push({ text, role: "body" });
  return canonicalText(lines);
}
