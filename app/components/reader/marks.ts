// What is marked inside a line of the reader: search hits and comment highlights, and how a line's text is cut
// into segments so that each can be wrapped in its marks (pure; the same cut on the server and in the browser).
import { lineStartsIn, type ReaderHighlight, type ReaderLayout, type ReaderLine } from "./reader-model";

export interface Range {
  start: number;
  end: number;
}

export interface LineHit extends Range {
  /** 1-based number of the hit in reading order (its element id is hit-<n>). */
  n: number;
}

export interface LineHighlight extends Range {
  commentId: string;
  label?: string;
}

export interface Segment {
  text: string;
  /** Offset of the segment in the line's displayed text (prefix included). */
  start: number;
  /** Inside the line's prefix (第十二条　, （一）). */
  inPrefix: boolean;
  /** Number of the search hit covering the segment, and whether the hit starts here (its id goes here). */
  hit?: number;
  hitStart?: boolean;
  /** Comments whose highlight covers the segment, in the order given. */
  comments: string[];
  labels: string[];
}

const MAX_TERMS = 5;
export const MAX_QUERY_LENGTH = 60;

/** The words searched for: the query split at spaces (any width), duplicates and empties dropped. */
export function searchTerms(query: string | undefined | null): string[] {
  const terms = (query ?? "").slice(0, MAX_QUERY_LENGTH).split(/[\s\u3000]+/u).filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Non-overlapping occurrences of any term in `text` (longer terms first where they compete; Latin letters in any case). */
export function findHits(text: string, terms: string[]): Range[] {
  if (terms.length === 0 || !text) return [];
  const pattern = new RegExp([...terms].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "giu");
  const hits: Range[] = [];
  for (const match of text.matchAll(pattern)) hits.push({ start: match.index, end: match.index + match[0].length });
  return hits;
}

/** The text a line shows: its prefix, then its own text. */
export function displayText(line: ReaderLine): string {
  return line.prefix + line.text;
}

/** Search hits per line, numbered in reading order across the whole draft. */
export function hitsByLine(lines: ReaderLine[], query: string | undefined | null): { byLine: Map<ReaderLine, LineHit[]>; total: number } {
  const terms = searchTerms(query);
  const byLine = new Map<ReaderLine, LineHit[]>();
  let n = 0;
  if (terms.length === 0) return { byLine, total: 0 };
  for (const line of lines) {
    const hits = findHits(displayText(line), terms);
    if (hits.length) byLine.set(line, hits.map((h) => ({ ...h, n: ++n })));
  }
  return { byLine, total: n };
}

/**
 * Comment highlights per line, in the line's display coordinates. A highlight on an article or paragraph spreads
 * over the lines under it, each getting the part of the range that falls on it.
 */
export function highlightsByLine(layout: ReaderLayout, highlights: ReaderHighlight[] | undefined): Map<ReaderLine, LineHighlight[]> {
  const byLine = new Map<ReaderLine, LineHighlight[]>();
  const startsCache = new Map<string, Map<ReaderLine, number>>();
  for (const h of highlights ?? []) {
    const clause = layout.byId.get(h.clauseId);
    if (!clause || !(h.end > h.start)) continue;
    let starts = startsCache.get(clause.id);
    if (!starts) startsCache.set(clause.id, (starts = lineStartsIn(layout, clause)));
    for (const [line, lineStart] of starts) {
      const length = displayText(line).length;
      const start = Math.max(0, h.start - lineStart);
      const end = Math.min(length, h.end - lineStart);
      if (end > start) {
        const list = byLine.get(line) ?? [];
        list.push({ start, end, commentId: h.commentId, label: h.label });
        byLine.set(line, list);
      }
    }
  }
  return byLine;
}

/**
 * Cuts `text` at every boundary of the prefix, the hits and the highlights; each segment knows what covers it.
 * Ranges outside the text are clipped; empty ones are ignored.
 */
export function splitLine(text: string, prefixLength: number, hits: LineHit[] = [], highlights: LineHighlight[] = []): Segment[] {
  const clip = (r: Range) => ({ start: Math.max(0, Math.min(text.length, r.start)), end: Math.max(0, Math.min(text.length, r.end)) });
  const cuts = new Set<number>([0, text.length, Math.max(0, Math.min(text.length, prefixLength))]);
  for (const r of [...hits, ...highlights]) {
    const { start, end } = clip(r);
    if (end > start) (cuts.add(start), cuts.add(end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    if (end <= start) continue;
    const hit = hits.find((h) => clip(h).start <= start && end <= clip(h).end);
    const covering = highlights.filter((h) => clip(h).start <= start && end <= clip(h).end);
    segments.push({
      text: text.slice(start, end),
      start,
      inPrefix: end <= prefixLength,
      hit: hit?.n,
      hitStart: hit ? clip(hit).start === start : undefined,
      comments: covering.map((h) => h.commentId),
      labels: covering.flatMap((h) => (h.label ? [h.label] : [])),
    });
  }
  return segments;
}

/** A short excerpt around a hit, for the list of hits. */
export function excerpt(text: string, range: Range, around = 12): { before: string; match: string; after: string } {
  const from = Math.max(0, range.start - around);
  const to = Math.min(text.length, range.end + around);
  return {
    before: (from > 0 ? "…" : "") + text.slice(from, range.start).replace(/\n/g, " "),
    match: text.slice(range.start, range.end),
    after: text.slice(range.end, to).replace(/\n/g, " ") + (to < text.length ? "…" : ""),
  };
}
