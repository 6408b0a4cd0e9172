// Comment anchors: a quoted span of a clause, carried over to the clause's counterpart in a new version.
import { alignVersions, type VersionAlignment } from "./align";
import { clauseText } from "./clause-text";
import { contextScore, findApproximate } from "./approximate-match";
import type { LegalNode, ParsedDocument } from "./types";

export interface AnchorQuote {
  exact: string;
  /** Up to CONTEXT_LENGTH characters before and after the quote, to tell repeated quotes apart. */
  prefix: string;
  suffix: string;
}

export interface Anchor {
  /** LegalNode.id of the clause the comment is on. */
  clauseId: string;
  quote: AnchorQuote;
  /** Offsets in anchorText(clause). */
  start: number;
  end: number;
}

export type ReanchorStatus = "exact" | "moved" | "fuzzy" | "orphan";

export interface ReanchorResult {
  status: ReanchorStatus;
  clauseId?: string;
  start?: number;
  end?: number;
  /** 1 for an exact quote, the quote's similarity for a fuzzy one. */
  score?: number;
}

const CONTEXT_LENGTH = 16;
/** Least similarity of a fuzzy match; below it the comment is shown as orphaned, never misplaced. */
const MIN_FUZZY_SCORE = 0.6;
/** Shorter quotes are too common to be found again approximately. */
const MIN_FUZZY_LENGTH = 4;

/** The text anchor offsets refer to: the clause with its paragraphs and items, one per line. */
export function anchorText(node: LegalNode): string {
  return clauseText(node);
}

export function createAnchor(node: LegalNode, start: number, end: number): Anchor {
  const text = anchorText(node);
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return {
    clauseId: node.id,
    quote: {
      exact: text.slice(from, to),
      prefix: text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
      suffix: text.slice(to, to + CONTEXT_LENGTH),
    },
    start: from,
    end: to,
  };
}

/**
 * Finds an anchor in the new version: only in the clause the alignment pairs with the anchored one
 * (several when it was split), first the exact quote told apart by its context, then an approximate quote.
 * Anything less certain is an orphan rather than a comment attached to the wrong clause.
 */
export function reanchor(
  anchor: Anchor,
  oldDoc: ParsedDocument,
  newDoc: ParsedDocument,
  alignment: VersionAlignment = alignVersions(oldDoc, newDoc),
): ReanchorResult {
  const row = alignment.byOldId.get(anchor.clauseId);
  if (!row || row.new.length === 0 || !anchor.quote.exact) return { status: "orphan" };
  let best: ReanchorResult = { status: "orphan" };
  for (const candidate of row.new) {
    const found = locateQuote(anchor, candidate);
    if (found && (best.status === "orphan" || (found.score ?? 0) > (best.score ?? 0))) best = found;
  }
  return best;
}

function locateQuote(anchor: Anchor, node: LegalNode): ReanchorResult | null {
  const text = anchorText(node);
  const { exact } = anchor.quote;
  const occurrences: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) occurrences.push(at);
  if (occurrences.length > 0) {
    const start = pickByContext(occurrences, exact.length, text, anchor);
    const unmoved = node.id === anchor.clauseId && start === anchor.start;
    return { status: unmoved ? "exact" : "moved", clauseId: node.id, start, end: start + exact.length, score: 1 };
  }
  if (exact.length < MIN_FUZZY_LENGTH) return null;
  const match = findApproximate(exact, text, anchor.quote.prefix, anchor.quote.suffix);
  if (!match || match.score < MIN_FUZZY_SCORE) return null;
  return { status: "fuzzy", clauseId: node.id, start: match.start, end: match.end, score: match.score };
}

/** Of several places holding the quote, the one whose surroundings best match the recorded context. */
function pickByContext(occurrences: number[], length: number, text: string, anchor: Anchor): number {
  let best = occurrences[0];
  let bestScore = -1;
  for (const at of occurrences) {
    const score =
      contextScore(text, at, at + length, anchor.quote.prefix, anchor.quote.suffix) - Math.abs(at - anchor.start) / (text.length + 1);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}
