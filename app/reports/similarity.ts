// Similar opinions on the same clause, proposed as groups for staff to confirm (→ merged) or split (→ remembered in
// CommentGroupDecision). Chinese has no spaces, so texts are compared as sets of character bigrams: MinHash
// signatures put likely pairs into the same LSH buckets, each candidate pair is then checked with the exact Jaccard
// similarity, and pairs above the threshold are joined (union-find). Work grows with the number of comments, not with
// its square. Comments identical after normalising are one suggestion already and travel together here.
// Pure; runs in the browser too.
import { identityKey, normaliseForIdentity } from "./normalise";

export interface GroupableComment {
  id: string;
  clauseId: string | null;
  body: string;
  suggestedText: string | null;
  /** Only active comments are grouped; merged ones already belong to their target. */
  status?: string;
}

export interface ProposedGroup {
  /** The proposal's identity (CommentGroupDecision.proposalKey): a hash of the sorted comment ids. */
  key: string;
  clauseId: string | null;
  /** Every comment of the group, in input order (identical ones included). */
  commentIds: string[];
  /** The comments as sets of identical ones: each inner list is one suggestion before grouping. */
  units: string[][];
  /** The weakest similarity (Jaccard of character bigrams, 0..1) that joined the group, two decimals. */
  similarity: number;
}

export interface ProposeOptions {
  /** Smallest Jaccard similarity of character bigrams for two opinions to be proposed together (default 0.5). */
  threshold?: number;
  /** Keys of proposals staff split: not proposed again (a new comment joining the group makes a new key). */
  declined?: Iterable<string>;
  /** The clause texts by clause id: the unchanged part of pre-filled suggested wording is left out of the comparison. */
  originalTexts?: ReadonlyMap<string, string>;
}

// 16 bands of 3 rows: pairs with Jaccard 0.5 meet in some band with probability 0.88, at 0.6 with 0.98, at 0.3 with
// 0.35 (then checked exactly and dropped).
const BANDS = 16;
/** Clauses with at most this many distinct opinions compare every pair (n² / 2 Jaccards beat n signatures). */
const ALL_PAIRS_UP_TO = 24;
const ROWS = 3;
const HASHES = BANDS * ROWS;

/** Fixed multipliers and offsets (odd multipliers): the same input always gives the same proposals. */
const MULTIPLIERS = Uint32Array.from({ length: HASHES }, (_, i) => mix32((i + 1) * 0x9e3779b9) | 1);
const OFFSETS = Uint32Array.from({ length: HASHES }, (_, i) => mix32((i + 1) * 0x85ebca6b));

function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** What changed in suggested wording that starts as a copy of the clause: the part between common prefix and suffix. */
export function changedPart(suggested: string, original: string | undefined): string {
  if (!original) return suggested;
  let start = 0;
  const max = Math.min(suggested.length, original.length);
  while (start < max && suggested[start] === original[start]) start++;
  let end = 0;
  while (end < max - start && suggested[suggested.length - 1 - end] === original[original.length - 1 - end]) end++;
  return suggested.slice(start, suggested.length - end);
}

/** Distinct character bigrams (single characters for one-character texts), sorted. */
export function shingles(text: string): Uint32Array {
  if (text.length === 0) return new Uint32Array(0);
  if (text.length === 1) return Uint32Array.of(text.charCodeAt(0));
  const codes = new Uint32Array(text.length - 1);
  for (let k = 0; k + 1 < text.length; k++) codes[k] = ((text.charCodeAt(k) << 16) | text.charCodeAt(k + 1)) >>> 0;
  codes.sort();
  let size = 0;
  for (let k = 0; k < codes.length; k++) if (k === 0 || codes[k] !== codes[k - 1]) codes[size++] = codes[k];
  return codes.slice(0, size);
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** MinHash signature: for each of HASHES hash functions (a mixed shingle through a fixed affine map), the minimum. */
function minHash(set: Uint32Array): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  for (let k = 0; k < set.length; k++) {
    const x = mix32(set[k]);
    for (let i = 0; i < HASHES; i++) {
      const h = (Math.imul(x, MULTIPLIERS[i]) + OFFSETS[i]) >>> 0;
      if (h < signature[i]) signature[i] = h;
    }
  }
  return signature;
}

/** A bucket of one band, as a 53-bit number (a rare collision only adds a candidate, which is checked exactly). */
function bucketKey(band: number, signature: Uint32Array): number {
  const at = band * ROWS;
  const high = mix32(signature[at] ^ mix32(band + 1));
  const low = mix32(signature[at + 2] ^ mix32(signature[at + 1]));
  return (high & 0x1fffff) * 0x100000000 + low;
}

/** A pure 128-bit hash (two 64-bit FNV-1a lanes) of a string, as hex: the proposal key. */
export function proposalKeyOf(commentIds: string[]): string {
  const text = [...commentIds].sort().join(",");
  let a = 0xcbf29ce484222325n;
  let b = 0x84222325cbf29cen;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let k = 0; k < text.length; k++) {
    const c = BigInt(text.charCodeAt(k));
    a = ((a ^ c) * prime) & mask;
    b = ((b ^ (c + 0x9en)) * prime) & mask;
  }
  return a.toString(16).padStart(16, "0") + b.toString(16).padStart(16, "0");
}

class UnionFind {
  private parent: Int32Array;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    // The smaller index stays the root: groups come out in input order.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Unit {
  clauseId: string | null;
  ids: string[];
  set: Uint32Array;
  /** The suggested wording, normalised; "" without one or when it leaves the clause as it is. */
  wording: string;
}

/** Comments identical after normalising, bucketed together, in input order of their first comment. */
function identicalUnits(comments: GroupableComment[], originals: ReadonlyMap<string, string> | undefined): Unit[] {
  const byKey = new Map<string, Unit>();
  for (const comment of comments) {
    if (comment.status !== undefined && comment.status !== "active") continue;
    const key = identityKey(comment);
    const unit = byKey.get(key);
    if (unit) {
      unit.ids.push(comment.id);
      continue;
    }
    const original = comment.clauseId ? originals?.get(comment.clauseId) : undefined;
    const change = comment.suggestedText ? normaliseForIdentity(changedPart(comment.suggestedText, original)) : "";
    const text = normaliseForIdentity(comment.body) + (change ? `\u0001${change}` : "");
    const wording = normaliseForIdentity(comment.suggestedText);
    const unchanged = original !== undefined && wording === normaliseForIdentity(original);
    byKey.set(key, { clauseId: comment.clauseId, ids: [comment.id], set: shingles(text), wording: unchanged ? "" : wording });
  }
  return [...byKey.values()];
}

/**
 * Groups of similar opinions on the same clause (two or more suggestions each), in input order of their first
 * comment. Comments of different clauses are never grouped.
 */
export function proposeGroups(comments: GroupableComment[], options: ProposeOptions = {}): ProposedGroup[] {
  const threshold = options.threshold ?? 0.5;
  const declined = new Set(options.declined ?? []);
  const units = identicalUnits(comments, options.originalTexts);
  const sets = new UnionFind(units.length);
  const weakest = new Float64Array(units.length).fill(1);

  const join = (a: number, b: number, similarity: number) => {
    const [ra, rb] = [sets.find(a), sets.find(b)];
    sets.union(a, b);
    const root = Math.min(ra, rb);
    weakest[root] = Math.min(weakest[ra], weakest[rb], similarity);
  };
  const tryPair = (a: number, b: number) => {
    if (sets.find(a) === sets.find(b)) return;
    const similarity = jaccard(units[a].set, units[b].set);
    if (similarity >= threshold) join(a, b, similarity);
  };

  // The same wording suggested for the same clause is the same suggestion, however differently the opinions read.
  const sameWording = new Map<string, number>();
  units.forEach((unit, index) => {
    if (!unit.wording) return;
    const key = `${unit.clauseId}\u0001${unit.wording}`;
    const first = sameWording.get(key);
    if (first === undefined) sameWording.set(key, index);
    else if (sets.find(first) !== sets.find(index)) join(first, index, 1);
  });

  const byClause = new Map<string | null, number[]>();
  units.forEach((unit, index) => {
    if (unit.set.length === 0) return;
    const list = byClause.get(unit.clauseId);
    if (list) list.push(index);
    else byClause.set(unit.clauseId, [index]);
  });
  for (const members of byClause.values()) {
    // A clause with few distinct opinions: every pair compared exactly costs less than signatures.
    if (members.length <= ALL_PAIRS_UP_TO) {
      for (let i = 1; i < members.length; i++) for (let j = 0; j < i; j++) tryPair(members[j], members[i]);
      continue;
    }
    const buckets = new Map<number, number[]>();
    for (const index of members) {
      const signature = minHash(units[index].set);
      for (let band = 0; band < BANDS; band++) {
        const key = bucketKey(band, signature);
        const list = buckets.get(key);
        if (list) list.push(index);
        else buckets.set(key, [index]);
      }
    }
    // A pair meets in several bands: its similarity is computed once.
    const checked = new Set<number>();
    for (const list of buckets.values()) {
      for (let i = 1; i < list.length; i++) {
        for (let j = 0; j < i; j++) {
          const pair = list[j] * units.length + list[i];
          if (checked.has(pair)) continue;
          checked.add(pair);
          tryPair(list[j], list[i]);
        }
      }
    }
  }

  const groups = new Map<number, number[]>();
  units.forEach((_, index) => {
    const root = sets.find(index);
    const list = groups.get(root);
    if (list) list.push(index);
    else groups.set(root, [index]);
  });

  const proposals: ProposedGroup[] = [];
  for (const [root, members] of [...groups].sort((x, y) => x[0] - y[0])) {
    if (members.length < 2) continue;
    const commentIds = members.flatMap((m) => units[m].ids);
    const key = proposalKeyOf(commentIds);
    if (declined.has(key)) continue;
    proposals.push({
      key,
      clauseId: units[root].clauseId,
      commentIds,
      units: members.map((m) => units[m].ids),
      similarity: Math.floor(weakest[root] * 100) / 100,
    });
  }
  return proposals;
}
