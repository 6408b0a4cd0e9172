// Split and merge detection: one article whose text now lies in several consecutive articles.
import type { SequenceMatch } from "./sequence-align";
import { bigramCounts, containment, dice, unionProfile, type BigramProfile } from "./similarity";

/** Least share of a piece's bigrams that must come from the whole it is said to be cut from. */
const MIN_CONTAINMENT = 0.7;
/** Least similarity between the whole and its pieces taken together. */
const MIN_GROUP_SIMILARITY = 0.6;
/**
 * Least share of a piece's bigram occurrences that the whole has more of than the rest of its group:
 * the piece must carry text the whole lost elsewhere, not merely resemble it. Occurrences, not sets,
 * because legal vocabulary repeats: a paragraph moved out still leaves its words elsewhere in the article.
 */
const MIN_CARRIED = 0.4;

/**
 * Groups of consecutive unmatched "pieces" that together make up one "whole".
 * For splits the whole is an old article and the pieces are new ones; for merges the roles swap
 * (the caller passes matches with oldIndex = whole, newIndex = piece and a similarity(whole, piece)).
 * A whole already matched one-to-one starts its group with its partner.
 */
export function findPieceGroups(
  matches: SequenceMatch[],
  wholeTexts: string[],
  pieceTexts: string[],
  wholeProfiles: BigramProfile[],
  pieceProfiles: BigramProfile[],
  similarity: (whole: number, piece: number) => number,
): Map<number, number[]> {
  const partnerOfWhole = new Map<number, number>();
  const matchedPieces = new Set<number>();
  for (const match of matches) {
    partnerOfWhole.set(match.oldIndex, match.newIndex);
    matchedPieces.add(match.newIndex);
  }
  const groups = new Map<number, number[]>();
  const grouped = new Set<number>();
  const groupOf = (whole: number) => groups.get(whole) ?? (partnerOfWhole.has(whole) ? [partnerOfWhole.get(whole)!] : []);
  const groupSimilarity = (whole: number, pieces: number[]) =>
    dice(wholeProfiles[whole], unionProfile(pieces.map((k) => pieceProfiles[k])));
  const carried = (whole: number, piece: number, group: number[]) => {
    const wholeCounts = bigramCounts(wholeTexts[whole]);
    const groupCounts = group.map((k) => bigramCounts(pieceTexts[k]));
    let total = 0;
    let fromWhole = 0;
    for (const [code, count] of bigramCounts(pieceTexts[piece])) {
      const left = (wholeCounts.get(code) ?? 0) - groupCounts.reduce((sum, counts) => sum + (counts.get(code) ?? 0), 0);
      total += count;
      fromWhole += Math.min(count, Math.max(0, left));
    }
    return total === 0 ? 0 : fromWhole / total;
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (let piece = 0; piece < pieceProfiles.length; piece++) {
      if (matchedPieces.has(piece) || grouped.has(piece)) continue;
      const whole = bestContainer(piece, wholeProfiles, pieceProfiles, similarity);
      if (whole < 0) continue;
      const current = groupOf(whole);
      const candidate = [...current, piece].sort((a, b) => a - b);
      if (candidate[candidate.length - 1] - candidate[0] !== candidate.length - 1) continue;
      if (carried(whole, piece, current) < MIN_CARRIED) continue;
      groups.set(whole, candidate);
      grouped.add(piece);
      changed = true;
    }
  }
  for (const [whole, pieces] of groups) {
    if (pieces.length < 2 || groupSimilarity(whole, pieces) < MIN_GROUP_SIMILARITY) groups.delete(whole);
  }
  return groups;
}

/** The whole containing most of the piece's bigrams, or -1 when none contains enough. */
function bestContainer(
  piece: number,
  wholeProfiles: BigramProfile[],
  pieceProfiles: BigramProfile[],
  similarity: (whole: number, piece: number) => number,
): number {
  let best = -1;
  let bestContainment = MIN_CONTAINMENT;
  for (let whole = 0; whole < wholeProfiles.length; whole++) {
    // No shared bigram (or a whole the piece may not pair with): nothing contained, no need to count.
    if (similarity(whole, piece) === 0) continue;
    const share = containment(pieceProfiles[piece], wholeProfiles[whole]);
    if (share >= bestContainment) {
      best = whole;
      bestContainment = share;
    }
  }
  return best;
}
