// Matching two sequences of texts by similarity: in order first, then out-of-order moves, then gaps.

export interface SequenceMatch {
  oldIndex: number;
  newIndex: number;
  score: number;
  /** False when the pair crosses the in-order chain: the text moved. */
  inOrder: boolean;
}

export interface SequenceAlignOptions {
  /** Least similarity for an in-order match. */
  threshold: number;
  /** Least similarity for an out-of-order match (a move needs more evidence). */
  moveThreshold: number;
  /** Least similarity for the single candidates left between two in-order matches. */
  gapThreshold: number;
}

/**
 * Aligns `oldCount` items with `newCount` items given a similarity function:
 * 1. the heaviest in-order chain of pairs scoring ≥ threshold (dynamic programming, like a weighted LCS);
 * 2. the leftovers paired greedily by score ≥ moveThreshold (they cross the chain, hence moves);
 * 3. within each gap of the chain, the remaining items chained again with the lower gapThreshold.
 */
export function alignSequences(
  oldCount: number,
  newCount: number,
  score: (oldIndex: number, newIndex: number) => number,
  options: SequenceAlignOptions,
): SequenceMatch[] {
  const oldUsed = new Uint8Array(oldCount);
  const newUsed = new Uint8Array(newCount);
  const chain = chainMatches(0, oldCount, 0, newCount, score, options.threshold, oldUsed, newUsed);
  for (const match of chain) {
    oldUsed[match.oldIndex] = 1;
    newUsed[match.newIndex] = 1;
  }

  const moves: SequenceMatch[] = [];
  const candidates: SequenceMatch[] = [];
  for (let i = 0; i < oldCount; i++) {
    if (oldUsed[i]) continue;
    for (let j = 0; j < newCount; j++) {
      if (newUsed[j]) continue;
      const value = score(i, j);
      if (value >= options.moveThreshold) candidates.push({ oldIndex: i, newIndex: j, score: value, inOrder: false });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.oldIndex - b.oldIndex);
  for (const candidate of candidates) {
    if (oldUsed[candidate.oldIndex] || newUsed[candidate.newIndex]) continue;
    oldUsed[candidate.oldIndex] = 1;
    newUsed[candidate.newIndex] = 1;
    moves.push(candidate);
  }

  const gapMatches: SequenceMatch[] = [];
  const bounds = [{ oldIndex: -1, newIndex: -1 }, ...chain, { oldIndex: oldCount, newIndex: newCount }];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k];
    const to = bounds[k + 1];
    if (to.oldIndex - from.oldIndex < 2 || to.newIndex - from.newIndex < 2) continue;
    gapMatches.push(
      ...chainMatches(from.oldIndex + 1, to.oldIndex, from.newIndex + 1, to.newIndex, score, options.gapThreshold, oldUsed, newUsed),
    );
  }
  for (const match of gapMatches) {
    oldUsed[match.oldIndex] = 1;
    newUsed[match.newIndex] = 1;
  }

  return [...chain, ...gapMatches, ...moves].sort((a, b) => a.newIndex - b.newIndex);
}

/** Heaviest in-order chain inside the block [oldFrom, oldTo) × [newFrom, newTo), skipping used items. */
function chainMatches(
  oldFrom: number,
  oldTo: number,
  newFrom: number,
  newTo: number,
  score: (oldIndex: number, newIndex: number) => number,
  threshold: number,
  oldUsed: Uint8Array,
  newUsed: Uint8Array,
): SequenceMatch[] {
  const rows = oldTo - oldFrom;
  const columns = newTo - newFrom;
  if (rows <= 0 || columns <= 0) return [];
  const width = columns + 1;
  const best = new Float64Array((rows + 1) * width);
  // 1: took the diagonal pair, 2: skipped the old item, 3: skipped the new item
  const step = new Uint8Array((rows + 1) * width);
  for (let r = 1; r <= rows; r++) {
    const i = oldFrom + r - 1;
    for (let c = 1; c <= columns; c++) {
      const j = newFrom + c - 1;
      const here = r * width + c;
      let value = best[here - width];
      let move = 2;
      if (best[here - 1] > value) {
        value = best[here - 1];
        move = 3;
      }
      if (!oldUsed[i] && !newUsed[j]) {
        const pair = score(i, j);
        if (pair >= threshold && best[here - width - 1] + pair >= value) {
          value = best[here - width - 1] + pair;
          move = 1;
        }
      }
      best[here] = value;
      step[here] = move;
    }
  }
  const matches: SequenceMatch[] = [];
  for (let r = rows, c = columns; r > 0 && c > 0; ) {
    const move = step[r * width + c];
    if (move === 1) {
      const oldIndex = oldFrom + r - 1;
      const newIndex = newFrom + c - 1;
      matches.push({ oldIndex, newIndex, score: score(oldIndex, newIndex), inOrder: true });
      r--;
      c--;
    } else if (move === 2) r--;
    else c--;
  }
  return matches.reverse();
}
