// Character-bigram similarity of compact texts (Dice coefficient over bigram sets).

/** Sorted distinct character bigrams of a text, each packed into one number. */
export type BigramProfile = Uint32Array;

/** Each pair of adjacent characters packed into one number, in text order. */
function bigramCodes(compact: string): Uint32Array {
  const codes = new Uint32Array(Math.max(0, compact.length - 1));
  for (let k = 0; k + 1 < compact.length; k++) codes[k] = (compact.charCodeAt(k) << 16) | compact.charCodeAt(k + 1);
  return codes;
}

/** The distinct values of `codes` in ascending order (sorts `codes` in place). */
function distinctSorted(codes: Uint32Array): BigramProfile {
  codes.sort();
  let size = 0;
  for (let k = 0; k < codes.length; k++) if (k === 0 || codes[k] !== codes[k - 1]) codes[size++] = codes[k];
  return codes.slice(0, size);
}

export function bigramProfile(compact: string): BigramProfile {
  // A single character has no bigram; it stands for itself so that it still matches its equal.
  return distinctSorted(compact.length === 1 ? Uint32Array.of(compact.charCodeAt(0)) : bigramCodes(compact));
}

/** How often each character bigram occurs in a text. */
export function bigramCounts(compact: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const code of bigramCodes(compact)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
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

/** Bigrams found in any of the profiles: the profile of several texts taken together. */
export function unionProfile(profiles: BigramProfile[]): BigramProfile {
  const merged = new Uint32Array(profiles.reduce((size, profile) => size + profile.length, 0));
  let at = 0;
  for (const profile of profiles) {
    merged.set(profile, at);
    at += profile.length;
  }
  return distinctSorted(merged);
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
