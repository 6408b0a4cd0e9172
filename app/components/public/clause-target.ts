// The clause a resident comments on, from a citation (第十二条, 第十二条第二款): its text to show above the form and
// the narrower citations they may pick. Pure; resolves citations as submitComment does (the first clause in reading
// order with that citation, so 第三条 is the article rather than its only paragraph).
import { GENERAL_CITATION } from "~/comments/labels";
import type { ReaderClause } from "~/components/reader/reader-model";
import type { CitationChoice } from "./comment-form";

export interface ClauseTarget {
  citation: string;
  /** The clause and everything under it; the clause itself as the root. */
  clauses: ReaderClause[];
  choices: CitationChoice[];
}

/** Normalises what a link or form carries: spaces removed; 总体意见 and empty mean a general comment (null). */
export function normaliseCitation(value: string | null | undefined): string | null {
  const citation = (value ?? "").replace(/\s/g, "");
  return citation === "" || citation === GENERAL_CITATION ? null : citation;
}

export function clauseTarget(clauses: ReaderClause[], citation: string): ClauseTarget | null {
  const root = clauses.find((c) => c.citation === citation);
  if (!root) return null;
  const under = new Set([root.id]);
  const subtree: ReaderClause[] = [{ ...root, parentId: null }];
  for (const c of clauses) {
    if (c.parentId && under.has(c.parentId) && !under.has(c.id)) {
      under.add(c.id);
      subtree.push(c);
    }
  }
  const seen = new Set<string>();
  const choices: CitationChoice[] = [];
  for (const c of subtree) {
    if (!c.citation || seen.has(c.citation)) continue;
    seen.add(c.citation);
    choices.push({ citation: c.citation, label: c === subtree[0] && subtree.length > 1 && c.kind === "article" ? `${c.citation}（整条）` : c.citation });
  }
  return { citation: root.citation, clauses: subtree, choices };
}
