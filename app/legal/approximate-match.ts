// Approximate substring search: the window of a text closest to a quote by edit distance.

export interface ApproximateMatch {
  start: number;
  end: number;
  /** 1 − edits / length: 1 for an exact window, 0 for nothing in common. */
  score: number;
}

/**
 * Best window of `text` for `quote` (Sellers' algorithm: edit distance with a free start and end in the
 * text, O(quote × text)). Windows at the same distance are told apart by how well the text around them
 * matches `prefix` and `suffix`.
 */
export function findApproximate(quote: string, text: string, prefix = "", suffix = ""): ApproximateMatch | null {
  const m = quote.length;
  const n = text.length;
  if (m === 0 || n === 0) return null;
  let distance = new Uint32Array(n + 1);
  let origin = Uint32Array.from({ length: n + 1 }, (_, j) => j);
  let nextDistance = new Uint32Array(n + 1);
  let nextOrigin = new Uint32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    nextDistance[0] = i;
    nextOrigin[0] = 0;
    const char = quote.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      let best = distance[j - 1] + (text.charCodeAt(j - 1) === char ? 0 : 1);
      let from = origin[j - 1];
      if (distance[j] + 1 < best) {
        best = distance[j] + 1;
        from = origin[j];
      }
      if (nextDistance[j - 1] + 1 < best) {
        best = nextDistance[j - 1] + 1;
        from = nextOrigin[j - 1];
      }
      nextDistance[j] = best;
      nextOrigin[j] = from;
    }
    [distance, nextDistance] = [nextDistance, distance];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  let result: ApproximateMatch | null = null;
  let resultContext = -1;
  for (let end = 1; end <= n; end++) {
    const start = origin[end];
    if (end <= start) continue;
    const score = 1 - distance[end] / Math.max(m, end - start);
    if (result && score < result.score) continue;
    const context = contextScore(text, start, end, prefix, suffix);
    if (!result || score > result.score || context > resultContext) {
      result = { start, end, score };
      resultContext = context;
    }
  }
  return result;
}

/** How many characters around text[start, end) agree with `prefix` before it and `suffix` after it. */
export function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let before = 0;
  while (before < prefix.length && before < start && text[start - 1 - before] === prefix[prefix.length - 1 - before]) before++;
  let after = 0;
  while (after < suffix.length && end + after < text.length && text[end + after] === suffix[after]) after++;
  return before + after;
}
