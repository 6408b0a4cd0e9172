// The red-line of suggested wording against its clause, as app/legal/redline.ts makes it, without segmenting the text
// both share: suggested wording usually starts as a copy of the clause and changes a few words, and word
// segmentation (Intl.Segmenter) of the whole clause for every suggestion is the slowest part of compiling a large
// report. The shared start and end are cut at punctuation — where a word always ends, so the words of
// the rest are the same — and only the middle is compared. Tested against redline() on random edits. Pure.
import { normalizeSegments, redline } from "~/legal/redline";
import type { DiffSegment } from "~/legal/types";

const BOUNDARY = /\p{P}/u;

export function clauseRedline(original: string, suggested: string): DiffSegment[] {
  if (original === suggested) return redline(original, suggested);
  const max = Math.min(original.length, suggested.length);
  let prefix = 0;
  while (prefix < max && original[prefix] === suggested[prefix]) prefix++;
  // Back to just after a boundary character both texts share.
  while (prefix > 0 && !BOUNDARY.test(original[prefix - 1])) prefix--;
  let suffix = 0;
  while (suffix < max - prefix && original[original.length - 1 - suffix] === suggested[suggested.length - 1 - suffix]) suffix++;
  // Forward to a boundary character that starts the shared end.
  while (suffix > 0 && !BOUNDARY.test(original[original.length - suffix])) suffix--;
  if (prefix === 0 && suffix === 0) return redline(original, suggested);
  const middle = redline(original.slice(prefix, original.length - suffix), suggested.slice(prefix, suggested.length - suffix));
  const head: DiffSegment[] = prefix > 0 ? [{ op: "equal", text: original.slice(0, prefix) }] : [];
  const tail: DiffSegment[] = suffix > 0 ? [{ op: "equal", text: original.slice(original.length - suffix) }] : [];
  return normalizeSegments([...head, ...middle, ...tail]);
}
