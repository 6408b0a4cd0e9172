// Split and merge detection: one article whose text now lies in several consecutive articles.
import type { SequenceMatch } from "./sequence-align";
import { dice, unionProfile, type BigramProfile } from "./similarity";

/** Least share of a piece's bigrams that must come from the whole it is said to be cut from. */
const MIN_CONTAINMENT = 0.7;
/** Least similarity between the whole and its pieces taken together. */
const MIN_GROUP_SIMILARITY = 0.6;
/** A piece joins a group only when it brings the group this much closer to the whole. */
const MIN_GAIN = 0.03;

/**
 * Groups of consecutive unmatched "pieces" that together make up one "whole".
 * For splits the whole is an old article and the pieces are new ones; for merges the roles swap
 * (the caller passes matches with oldIndex = whole, newIndex = piece and a similarity(whole, piece)).
 * A whole already matched one-to-one starts its group with its partner.
 */
export function findPieceGroups(
  matches: SequenceMatch[],
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
    dice(wholeProfiles[whole], pieces.slice(1).reduce((union, k) => unionProfile(union, pieceProfiles[k]), pieceProfiles[pieces[0]]));

  for (let changed = true; changed; ) {
    changed = false;
    for (let piece = 0; piece < pieceProfiles.length; piece++) {
      if (matchedPieces.has(piece) || grouped.has(piece)) continue;
      const whole = bestContainer(piece, wholeProfiles, pieceProfiles, similarity);
      if (whole < 0) continue;
      const current = groupOf(whole);
      const candidate = [...current, piece].sort((a, b) => a - b);
      if (candidate[candidate.length - 1] - candidate[0] !== candidate.length - 1) continue;
      const before = current.length > 0 ? groupSimilarity(whole, current) : 0;
      if (groupSimilarity(whole, candidate) < before + MIN_GAIN) continue;
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
  const pieceSize = pieceProfiles[piece].length;
  if (pieceSize === 0) return -1;
  let best = -1;
  let bestContainment = MIN_CONTAINMENT;
  for (let whole = 0; whole < wholeProfiles.length; whole++) {
    const shared = (similarity(whole, piece) * (wholeProfiles[whole].length + pieceSize)) / 2;
    const containment = shared / pieceSize;
    if (containment >= bestContainment) {
      best = whole;
      bestContainment = containment;
    }
  }
  return best;
}
