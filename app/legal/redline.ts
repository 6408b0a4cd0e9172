// Red-line diff for Chinese legislative text: word level, refined to characters inside replaced words.
import { diffArrays, diffChars } from "diff";
import type { DiffSegment } from "./types";

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const WHITESPACE = /^\s+$/u;

/**
 * Splits text into diff tokens: Intl.Segmenter words, whitespace runs, and every other
 * non-word character (full-width punctuation, brackets, quotes) as a token of its own.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike || WHITESPACE.test(segment)) tokens.push(segment);
    else for (const char of segment) tokens.push(char);
  }
  return tokens;
}

/** Red-line segments turning `oldText` into `newText`: equal+delete rebuilds old, equal+insert rebuilds new. */
export function redline(oldText: string, newText: string): DiffSegment[] {
  if (oldText === newText) return oldText ? [{ op: "equal", text: oldText }] : [];
  const raw: DiffSegment[] = [];
  let deleted = "";
  let inserted = "";
  const flushChange = () => {
    if (deleted || inserted) raw.push(...refineChange(deleted, inserted));
    deleted = "";
    inserted = "";
  };
  for (const part of diffArrays(tokenize(oldText), tokenize(newText))) {
    const text = part.value.join("");
    if (part.removed) deleted += text;
    else if (part.added) inserted += text;
    else {
      flushChange();
      raw.push({ op: "equal", text });
    }
  }
  flushChange();
  return foldShortEqualities(normalizeSegments(raw));
}

/** Shortest common run kept as equal inside a replaced span; single shared characters read as noise. */
const MIN_EQUAL_RUN = 2;

/**
 * Character-level refinement of a replaced span (监督管理 → 监督管理相关 keeps 监督管理).
 * Keeps the refinement only where it shares real runs of text; otherwise the whole span is replaced.
 */
function refineChange(deleted: string, inserted: string): DiffSegment[] {
  if (!deleted || !inserted) {
    return [deleted ? { op: "delete", text: deleted } : { op: "insert", text: inserted }];
  }
  const parts = diffChars(deleted, inserted);
  const segments: DiffSegment[] = [];
  let sharedChars = 0;
  for (const part of parts) {
    if (part.added) segments.push({ op: "insert", text: part.value });
    else if (part.removed) segments.push({ op: "delete", text: part.value });
    else if (part.value.length >= MIN_EQUAL_RUN) {
      segments.push({ op: "equal", text: part.value });
      sharedChars += part.value.length;
    } else {
      segments.push({ op: "delete", text: part.value }, { op: "insert", text: part.value });
    }
  }
  if (sharedChars === 0) return [{ op: "delete", text: deleted }, { op: "insert", text: inserted }];
  return segments;
}

/** Merges adjacent segments of the same op and puts deletions before insertions within each change. */
export function normalizeSegments(segments: DiffSegment[]): DiffSegment[] {
  const result: DiffSegment[] = [];
  let deleted = "";
  let inserted = "";
  const flushChange = () => {
    if (deleted) result.push({ op: "delete", text: deleted });
    if (inserted) result.push({ op: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  for (const segment of segments) {
    if (!segment.text) continue;
    if (segment.op === "delete") deleted += segment.text;
    else if (segment.op === "insert") inserted += segment.text;
    else {
      flushChange();
      const last = result[result.length - 1];
      if (last?.op === "equal") last.text += segment.text;
      else result.push({ op: "equal", text: segment.text });
    }
  }
  flushChange();
  return result;
}

/**
 * Folds an equal run into the surrounding change when it is shorter than the changes on both sides
 * (the semantic clean-up of diff-match-patch): "[-建设-]{+自然资源和规划+}、[-规划-]{+住房+}" reads better
 * as one replacement than as a chain of fragments joined by 、.
 */
function foldShortEqualities(segments: DiffSegment[]): DiffSegment[] {
  type Group = { equal: string } | { deleted: string; inserted: string };
  const groups: Group[] = [];
  for (const segment of segments) {
    const last = groups[groups.length - 1];
    if (segment.op === "equal") groups.push({ equal: segment.text });
    else if (last && !("equal" in last)) {
      if (segment.op === "delete") last.deleted += segment.text;
      else last.inserted += segment.text;
    } else {
      groups.push(segment.op === "delete" ? { deleted: segment.text, inserted: "" } : { deleted: "", inserted: segment.text });
    }
  }
  const size = (group: Group) => ("equal" in group ? 0 : Math.max(group.deleted.length, group.inserted.length));
  for (let k = 1; k < groups.length - 1; k++) {
    const group = groups[k];
    if (!("equal" in group)) continue;
    const before = groups[k - 1];
    const after = groups[k + 1];
    if ("equal" in before || "equal" in after) continue;
    if (group.equal.length >= size(before) || group.equal.length >= size(after)) continue;
    groups.splice(k - 1, 3, {
      deleted: before.deleted + group.equal + after.deleted,
      inserted: before.inserted + group.equal + after.inserted,
    });
    k = Math.max(0, k - 3);
  }
  return normalizeSegments(
    groups.flatMap((group): DiffSegment[] =>
      "equal" in group
        ? [{ op: "equal", text: group.equal }]
        : [
            { op: "delete", text: group.deleted },
            { op: "insert", text: group.inserted },
          ],
    ),
  );
}

/** The old text (`side: 'old'`) or new text (`side: 'new'`) a red-line was made from. */
export function applySegments(segments: DiffSegment[], side: "old" | "new"): string {
  const skip = side === "old" ? "insert" : "delete";
  return segments
    .filter((segment) => segment.op !== skip)
    .map((segment) => segment.text)
    .join("");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** Red-line as HTML: deletions in <del>, insertions in <ins>, text escaped. */
export function renderRedlineHtml(segments: DiffSegment[]): string {
  return segments
    .map((segment) => {
      const text = escapeHtml(segment.text);
      if (segment.op === "delete") return `<del>${text}</del>`;
      if (segment.op === "insert") return `<ins>${text}</ins>`;
      return text;
    })
    .join("");
}

/** Red-line as plain text with [-删-] and {+增+} marks (terminal, logs). */
export function renderRedlineText(segments: DiffSegment[]): string {
  return segments
    .map((segment) => {
      if (segment.op === "delete") return `[-${segment.text}-]`;
      if (segment.op === "insert") return `{+${segment.text}+}`;
      return segment.text;
    })
    .join("");
}
