// The arithmetic of binding a text box to a shared Y.Text (pure): what one local edit changed, and where a caret or
// an edit moves when someone else's change lands before it. Indexes are UTF-16 code units, as in Y.Text and the DOM.

export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/** One Yjs text delta (Y.YTextEvent.delta, Y.Text.toDelta()). */
export type TextDelta = Array<{ retain?: number; insert?: unknown; delete?: number }>;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The single replacement turning `before` into `after` (common prefix and suffix kept), or null when equal. */
export function diffText(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair (an emoji): it would store half a character.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/**
 * Where `index` lands after a change described by `delta`. An insertion exactly at the index goes after it when
 * `stickRight`, else before it (a caret stays where it was when someone types at the same spot).
 */
export function transformIndex(delta: TextDelta, index: number, stickRight = false): number {
  // Walks the old text: retains and deletions advance through it, insertions happen at the current old position.
  let oldPosition = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldPosition > index) break;
    if (op.retain !== undefined) {
      oldPosition += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      if (oldPosition < index || (oldPosition === index && stickRight)) shift += length;
    } else if (op.delete !== undefined) {
      if (oldPosition < index) shift -= Math.min(op.delete, index - oldPosition);
      oldPosition += op.delete;
    }
  }
  return index + shift;
}

/** Applies a delta to a string (to check what a peer's change did, and in tests). */
export function applyDelta(text: string, delta: TextDelta): string {
  let out = "";
  let cursor = 0;
  for (const op of delta) {
    if (op.retain !== undefined) {
      out += text.slice(cursor, cursor + op.retain);
      cursor += op.retain;
    } else if (op.insert !== undefined) {
      out += typeof op.insert === "string" ? op.insert : "";
    } else if (op.delete !== undefined) {
      cursor += op.delete;
    }
  }
  return out + text.slice(cursor);
}
