// Character-bigram similarity of compact texts (Dice coefficient over bigram sets).

/** Sorted distinct character bigrams of a text, each packed into one number. */
export type BigramProfile = Uint32Array;

export function bigramProfile(compact: string): BigramProfile {
  const codes: number[] = [];
  if (compact.length === 1) codes.push(compact.charCodeAt(0));
  for (let k = 0; k + 1 < compact.length; k++) {
    codes.push(((compact.charCodeAt(k) << 16) | compact.charCodeAt(k + 1)) >>> 0);
  }
  const sorted = Uint32Array.from(codes).sort();
  let size = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[size++] = sorted[k];
  return sorted.slice(0, size);
}

export function intersectionSize(a: BigramProfile, b: BigramProfile): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/** How often each character bigram occurs in a text. */
export function bigramCounts(compact: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (let k = 0; k + 1 < compact.length; k++) {
    const code = ((compact.charCodeAt(k) << 16) | compact.charCodeAt(k + 1)) >>> 0;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

export function unionProfile(a: BigramProfile, b: BigramProfile): BigramProfile {
  const merged = new Uint32Array(a.length + b.length);
  merged.set(a);
  merged.set(b, a.length);
  merged.sort();
  let size = 0;
  for (let k = 0; k < merged.length; k++) if (k === 0 || merged[k] !== merged[k - 1]) merged[size++] = merged[k];
  return merged.slice(0, size);
}

export function dice(a: BigramProfile, b: BigramProfile): number {
  if (a.length + b.length === 0) return 1;
  return (2 * intersectionSize(a, b)) / (a.length + b.length);
}

/** Share of `part`'s bigrams found in `whole`: how much of a piece comes from a larger text. */
export function containment(part: BigramProfile, whole: BigramProfile): number {
  return part.length === 0 ? 0 : intersectionSize(part, whole) / part.length;
}

/**
 * Dice similarity of every old profile with every new one (row-major, old × new), computed through an
 * inverted index so the cost follows the bigrams two texts share rather than the product of their lengths.
 */
export function similarityMatrix(oldProfiles: BigramProfile[], newProfiles: BigramProfile[]): Float32Array {
  const columns = newProfiles.length;
  const postings = new Map<number, number[]>();
  newProfiles.forEach((profile, j) => {
    for (const code of profile) {
      const list = postings.get(code);
      if (list) list.push(j);
      else postings.set(code, [j]);
    }
  });
  const matrix = new Float32Array(oldProfiles.length * columns);
  const shared = new Uint32Array(columns);
  oldProfiles.forEach((profile, i) => {
    shared.fill(0);
    for (const code of profile) {
      const list = postings.get(code);
      if (list) for (const j of list) shared[j]++;
    }
    for (let j = 0; j < columns; j++) {
      const total = profile.length + newProfiles[j].length;
      matrix[i * columns + j] = total === 0 ? 1 : (2 * shared[j]) / total;
    }
  });
  return matrix;
}
