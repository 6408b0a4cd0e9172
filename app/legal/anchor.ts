// Comment anchors: a quoted span of a clause, carried over to the clause's counterpart in a new version.
import { alignVersions, type VersionAlignment } from "./align";
import { clauseText } from "./clause-text";
import { contextScore, findApproximate } from "./approximate-match";
import { redline } from "./redline";
import type { DiffSegment, LegalNode, ParsedDocument } from "./types";

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

/**
 * Where a comment's quote stands in the new version:
 * - exact: the same wording at the same place of the same clause;
 * - moved: the same wording elsewhere (shifted by edits around it, or in the renumbered, moved, split or merged
 *   counterpart of the clause);
 * - fuzzy: the same wording slightly edited — words inserted, at most a small share of its characters replaced;
 *   start/end cover the edited wording;
 * - changed: the clause has a counterpart but the quoted wording itself was rewritten or struck out; clauseId is
 *   the counterpart and start/end the wording that took its place (empty when struck out). The comment is about
 *   wording that no longer exists: show it beside the new wording, never as attached to it;
 * - orphan: the clause was deleted, or the quote cannot be traced at all.
 */
export type ReanchorStatus = "exact" | "moved" | "fuzzy" | "changed" | "orphan";

export interface ReanchorResult {
  status: ReanchorStatus;
  clauseId?: string;
  start?: number;
  end?: number;
  /**
   * 1 for the same wording; for fuzzy, the quote's characters kept over the longer of quote and new wording;
   * for changed, the share of the quote's characters kept.
   */
  score?: number;
}

const CONTEXT_LENGTH = 16;
/** Shorter quotes are too common to be found again approximately. */
const MIN_FUZZY_LENGTH = 4;
/** Least share of the edited wording that must be the quote's own characters (inserted words dilute it). */
const MIN_FUZZY_SCORE = 0.6;
/**
 * Most of a fuzzy quote's characters that may have been struck out or replaced: its distinctive part must
 * survive. Short quotes are mostly boilerplate (未按照规定进行…), so they may lose less.
 */
const MAX_REPLACED_SHARE = 0.25;
const MAX_REPLACED_SHARE_SHORT = 0.2;
const SHORT_QUOTE_LENGTH = 16;

const ORPHAN: ReanchorResult = { status: "orphan" };
/** Better results first when a split clause offers several candidates. */
const RANK: Record<ReanchorStatus, number> = { exact: 4, moved: 4, fuzzy: 3, changed: 2, orphan: 1 };

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
 * (several when it was split). First the exact quote told apart by its context; otherwise the quote is
 * followed through the red-line of the old clause against its counterpart, and is fuzzy only when its
 * wording survived. Anything less certain is changed or orphaned rather than attached to other words.
 */
export function reanchor(
  anchor: Anchor,
  oldDoc: ParsedDocument,
  newDoc: ParsedDocument,
  alignment: VersionAlignment = alignVersions(oldDoc, newDoc),
): ReanchorResult {
  const row = alignment.byOldId.get(anchor.clauseId);
  if (!row || row.new.length === 0 || !anchor.quote.exact) return ORPHAN;
  const oldNode = row.old.find((node) => node.id === anchor.clauseId);
  const oldText = oldNode ? anchorText(oldNode) : "";
  const oldStart = findQuote(anchor, oldText);
  let best = ORPHAN;
  for (const candidate of row.new) {
    const found = locateQuote(anchor, candidate, oldStart === null ? null : { text: oldText, start: oldStart });
    if (RANK[found.status] > RANK[best.status] || (found.status === best.status && (found.score ?? 0) > (best.score ?? 0))) {
      best = found;
    }
  }
  return best;
}

function locateQuote(anchor: Anchor, node: LegalNode, old: { text: string; start: number } | null): ReanchorResult {
  const text = anchorText(node);
  const { exact } = anchor.quote;
  const at = findQuote(anchor, text);
  if (at !== null) {
    const unmoved = node.id === anchor.clauseId && at === anchor.start;
    return { status: unmoved ? "exact" : "moved", clauseId: node.id, start: at, end: at + exact.length, score: 1 };
  }
  const maxReplaced = exact.length < SHORT_QUOTE_LENGTH ? MAX_REPLACED_SHARE_SHORT : MAX_REPLACED_SHARE;
  if (!old) {
    // The quote is not in the old clause (an anchor on an earlier text): only an approximate search is left,
    // which cannot tell inserted words from replaced ones, so every edit counts as replaced.
    const match = exact.length < MIN_FUZZY_LENGTH ? null : findApproximate(exact, text, anchor.quote.prefix, anchor.quote.suffix);
    if (!match || match.score < 1 - maxReplaced) return ORPHAN;
    return { status: "fuzzy", clauseId: node.id, start: match.start, end: match.end, score: match.score };
  }
  const edit = followQuote(redline(old.text, text), old.start, old.start + exact.length);
  const score = edit.kept / Math.max(exact.length, edit.end - edit.start);
  const survived =
    exact.length >= MIN_FUZZY_LENGTH && edit.kept > 0 && edit.replaced / exact.length <= maxReplaced && score >= MIN_FUZZY_SCORE;
  if (survived) return { status: "fuzzy", clauseId: node.id, start: edit.start, end: edit.end, score };
  return { status: "changed", clauseId: node.id, start: edit.start, end: edit.end, score: edit.kept / exact.length };
}

/** Start of the quote in `text`: of several places holding it, the one whose surroundings match best; null if none. */
function findQuote(anchor: Anchor, text: string): number | null {
  const { exact, prefix, suffix } = anchor.quote;
  let best: number | null = null;
  let bestScore = -Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = contextScore(text, at, at + exact.length, prefix, suffix) - Math.abs(at - anchor.start) / (text.length + 1);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

interface QuoteEdit {
  /** Characters of the quote left as they were, and those struck out or replaced. */
  kept: number;
  replaced: number;
  /** The quoted wording as edited, in the new text (empty where it was struck out). */
  start: number;
  end: number;
}

/**
 * Follows old text [from, to) through a red-line: which of its characters survive and where they went.
 * Text inserted inside the span, or replacing its ends, belongs to it; text inserted at its edges does not.
 */
function followQuote(segments: DiffSegment[], from: number, to: number): QuoteEdit {
  const edit: QuoteEdit = { kept: 0, replaced: 0, start: -1, end: -1 };
  const cover = (start: number, end: number) => {
    if (edit.start < 0) edit.start = start;
    edit.end = end;
  };
  let oldAt = 0;
  let newAt = 0;
  let replacing = false;
  for (const segment of segments) {
    const length = segment.text.length;
    if (segment.op === "insert") {
      if ((oldAt > from && oldAt < to) || replacing) cover(newAt, newAt + length);
      newAt += length;
      continue;
    }
    const overlap = Math.min(to, oldAt + length) - Math.max(from, oldAt);
    if (segment.op === "equal") {
      if (overlap > 0) {
        edit.kept += overlap;
        const start = newAt + Math.max(from, oldAt) - oldAt;
        cover(start, start + overlap);
      }
      newAt += length;
    } else if (overlap > 0) {
      edit.replaced += overlap;
      cover(newAt, newAt);
    }
    replacing = segment.op === "delete" && overlap > 0;
    oldAt += length;
  }
  return edit;
}
