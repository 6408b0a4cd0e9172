// The draft as the reader lays it out, computed from a version's clause rows (pure, runs on server and browser):
// blocks in reading order (headings, articles, free-standing lines), each text line knowing which clause it shows
// and where its first character stands in that clause's anchor text (the legal engine's anchorText).
import { clauseText } from "~/legal/clause-text";
import { CANONICAL_SEPARATOR } from "~/legal/labels";
import type { LegalNode, NodeKind } from "~/legal/types";
import type { StoredClause } from "~/legal/clause-rows";

/** A stored clause as the reader needs it (its path is not). */
export type ReaderClause = Omit<StoredClause, "path">;

export interface ReaderHighlight {
  /** Clause row id. */
  clauseId: string;
  /** Offsets in anchorText(clause). */
  start: number;
  end: number;
  commentId: string;
  label?: string;
}

/** One element of text on the page: a heading, or a paragraph / item / subitem line. */
export interface ReaderLine {
  clause: ReaderClause;
  /** Written before the clause's own text: 第十二条　 (bold), （一）, 第一章　. Empty for plain paragraphs. */
  prefix: string;
  prefixStyle: "article" | "list" | "heading" | null;
  /** Whether the prefix is part of the text of the clauses above (item labels are; article and heading labels are not). */
  prefixInParentText: boolean;
  /** The clause's own line(s); a line the source wrapped keeps its \n. */
  text: string;
  /** `id` attribute: the clause's citation where it is unique on the page. */
  anchorId?: string;
  /** data-anchor-offset: offset in anchorText(clause) of the line's first character (negative with a prefix). */
  anchorOffset: number;
  role: "heading" | "paragraph" | "item" | "subitem" | "unit";
  /** The article the line belongs to, if any. */
  article?: ReaderClause;
}

export type ReaderBlock =
  | { type: "heading"; clause: ReaderClause; level: number; line: ReaderLine; anchorId: string }
  | { type: "article"; clause: ReaderClause; anchorId: string; lines: ReaderLine[] }
  | { type: "lines"; clause: ReaderClause; lines: ReaderLine[] };

export interface ReaderLayout {
  blocks: ReaderBlock[];
  /** Every line in reading order. */
  lines: ReaderLine[];
  byId: Map<string, ReaderClause>;
  children: Map<string | null, ReaderClause[]>;
}

const HEADING_LEVEL: Partial<Record<string, number>> = { part: 1, subpart: 2, chapter: 3, supplementary: 3, annex: 3, preamble: 3, section: 4 };
const LIST_KINDS = new Set(["item", "subitem", "heading"]);
const HIDDEN_KINDS = new Set(["document", "title", "toc"]);

function childrenByParent(clauses: ReaderClause[]): Map<string | null, ReaderClause[]> {
  const ids = new Set(clauses.map((c) => c.id));
  const tree = new Map<string | null, ReaderClause[]>();
  for (const c of clauses) {
    // A clause whose parent is not in the list is shown at the top level rather than lost.
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    const siblings = tree.get(parent) ?? [];
    siblings.push(c);
    tree.set(parent, siblings);
  }
  return tree;
}

/** Lays out a version's clauses (given in reading order). */
export function layoutDraft(clauses: ReaderClause[]): ReaderLayout {
  const children = childrenByParent(clauses);
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const usedIds = new Set<string>();
  const blocks: ReaderBlock[] = [];
  const lines: ReaderLine[] = [];

  /** The citation as the element id, unless an earlier element took it (a one-paragraph article and its 款 share one). */
  const claimId = (c: ReaderClause): string | undefined => {
    const id = c.citation;
    if (!id || usedIds.has(id)) return undefined;
    usedIds.add(id);
    return id;
  };
  const fallbackId = (c: ReaderClause) => {
    const id = claimId(c) ?? `clause-${c.id}`;
    usedIds.add(id);
    return id;
  };

  const makeLine = (clause: ReaderClause, article: ReaderClause | undefined, prefixOverride?: { text: string; style: "article" | "heading" }): ReaderLine => {
    const list = LIST_KINDS.has(clause.kind);
    const prefix = prefixOverride?.text ?? (list ? clause.label : "");
    const line: ReaderLine = {
      clause,
      prefix,
      prefixStyle: prefixOverride?.style ?? (list ? "list" : null),
      prefixInParentText: !prefixOverride && list,
      text: clause.text,
      anchorId: claimId(clause),
      anchorOffset: -prefix.length,
      role: clause.kind === "item" ? "item" : clause.kind === "subitem" ? "subitem" : clause.kind === "heading" ? "unit" : "paragraph",
      article,
    };
    lines.push(line);
    return line;
  };

  /** A paragraph, item or subitem and everything under it, one line each. */
  const clauseLines = (c: ReaderClause, article: ReaderClause | undefined, out: ReaderLine[]) => {
    if (c.text || LIST_KINDS.has(c.kind)) out.push(makeLine(c, article));
    for (const child of children.get(c.id) ?? []) clauseLines(child, article, out);
  };

  const visit = (c: ReaderClause) => {
    if (HIDDEN_KINDS.has(c.kind)) return;
    const level = HEADING_LEVEL[c.kind];
    if (c.kind === "article") {
      const anchorId = fallbackId(c);
      const out: ReaderLine[] = [];
      const [first, ...rest] = children.get(c.id) ?? [];
      const articlePrefix = { text: c.label + CANONICAL_SEPARATOR, style: "article" as const };
      if (first?.kind === "paragraph") {
        out.push(makeLine(first, c, articlePrefix));
        for (const child of children.get(first.id) ?? []) clauseLines(child, c, out);
        for (const p of rest) clauseLines(p, c, out);
      } else {
        // An article without paragraphs: its own text (or just its label) is the line.
        const line = makeLine(c, c, articlePrefix);
        if (first) line.text = "";
        out.push(line);
        for (const p of first ? [first, ...rest] : []) clauseLines(p, c, out);
      }
      blocks.push({ type: "article", clause: c, anchorId, lines: out });
      return;
    }
    if (level !== undefined) {
      const separator = c.kind === "annex" ? "：" : CANONICAL_SEPARATOR;
      const title = c.label && c.text ? c.label + separator : c.label;
      const line: ReaderLine = {
        clause: c,
        prefix: title,
        prefixStyle: "heading",
        prefixInParentText: false,
        text: c.kind === "preamble" ? "" : c.text,
        anchorOffset: -title.length,
        role: "heading",
      };
      if (c.kind !== "preamble" || c.label) {
        lines.push(line);
        blocks.push({ type: "heading", clause: c, level, line, anchorId: fallbackId(c) });
      }
      const kids = children.get(c.id) ?? [];
      let pending: ReaderLine[] = [];
      const flush = () => {
        if (pending.length) blocks.push({ type: "lines", clause: c, lines: pending });
        pending = [];
      };
      // A preamble's own text (without a label) is a paragraph of its own.
      if (c.kind === "preamble" && c.text && kids.length === 0) pending.push(makeLine({ ...c, kind: "paragraph" }, undefined));
      for (const kid of kids) {
        if (kid.kind === "paragraph" || kid.kind === "item" || kid.kind === "subitem" || kid.kind === "heading") clauseLines(kid, undefined, pending);
        else {
          flush();
          visit(kid);
        }
      }
      flush();
      return;
    }
    const out: ReaderLine[] = [];
    clauseLines(c, undefined, out);
    if (out.length) blocks.push({ type: "lines", clause: c, lines: out });
  };
  for (const top of children.get(null) ?? []) visit(top);
  return { blocks, lines, byId, children };
}

/** The clause as the legal engine's node (only what anchorText reads), with its descendants. */
export function legalNodeOf(layout: Pick<ReaderLayout, "children">, clause: ReaderClause): LegalNode {
  return {
    kind: clause.kind as NodeKind,
    label: clause.label,
    text: clause.text,
    path: "",
    citation: clause.citation,
    id: clause.stableKey,
    line: 0,
    children: (layout.children.get(clause.id) ?? []).map((child) => legalNodeOf(layout, child)),
  };
}

/** anchorText(clause) of the legal engine, from clause rows. */
export function readerAnchorText(layout: Pick<ReaderLayout, "children">, clause: ReaderClause): string {
  return clauseText(legalNodeOf(layout, clause));
}

/** Ids of the clause and every clause under it. */
export function subtreeIds(layout: Pick<ReaderLayout, "children">, clauseId: string): Set<string> {
  const ids = new Set<string>([clauseId]);
  const stack = [clauseId];
  while (stack.length) for (const child of layout.children.get(stack.pop()!) ?? []) if (!ids.has(child.id)) (ids.add(child.id), stack.push(child.id));
  return ids;
}

/**
 * Where each line under `clause` starts in anchorText(clause), in the line's own coordinates (the first character
 * of its prefix). Lines whose text cannot be found (a clause text that differs in layout) are left out.
 */
export function lineStartsIn(layout: ReaderLayout, clause: ReaderClause): Map<ReaderLine, number> {
  const starts = new Map<ReaderLine, number>();
  const under = subtreeIds(layout, clause.id);
  const text = readerAnchorText(layout, clause);
  let cursor = 0;
  for (const line of layout.lines) {
    if (!under.has(line.clause.id)) continue;
    if (line.clause.id === clause.id) {
      starts.set(line, line.anchorOffset);
      continue;
    }
    const searched = (line.prefixInParentText ? line.prefix : "") + line.text;
    if (!searched) continue;
    const at = text.indexOf(searched, cursor);
    if (at < 0) continue;
    starts.set(line, at - (line.prefixInParentText ? 0 : line.prefix.length));
    cursor = at + searched.length;
  }
  return starts;
}
