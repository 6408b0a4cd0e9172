// What a comment's clause says, as the legal engine reads it (anchorText: the clause with its paragraphs and items,
// one per line): the original the suggested wording is red-lined against, and the text quotes are offsets into.
// Pure; runs in the browser too.
import { anchorText, nodesFromRows, type StoredClause } from "~/legal/clause-rows";

/** anchorText of every clause, by Clause row id. */
export function anchorTexts(rows: StoredClause[]): Map<string, string> {
  const nodes = nodesFromRows(rows);
  return new Map([...nodes].map(([id, node]) => [id, anchorText(node)]));
}

/** Kinds a comment may pick as a whole (条, 款, 项, 目), with their indent in the clause choice. */
const PICKABLE_DEPTH: Record<string, number> = { article: 0, paragraph: 1, item: 2, subitem: 3 };

export interface PickableClause {
  id: string;
  citation: string;
  depth: number;
}

/**
 * The clauses offered in the clause choice, in reading order. A one-paragraph article's 款 has the article's citation
 * and is left out: picking the article is the same thing.
 */
export function pickableClauses(rows: Array<Pick<StoredClause, "id" | "kind" | "citation">>): PickableClause[] {
  const seen = new Set<string>();
  const out: PickableClause[] = [];
  for (const row of rows) {
    const depth = PICKABLE_DEPTH[row.kind];
    if (depth === undefined || !row.citation || seen.has(row.citation)) continue;
    seen.add(row.citation);
    out.push({ id: row.id, citation: row.citation, depth });
  }
  return out;
}
