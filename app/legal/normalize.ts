// Input normalisation: layout removed, the text's own characters kept, every line traceable to the input.
//
// normalizeLegalText(text).text is the canonical form that renderLegalText(parseLegalText(text)) reproduces:
//   - BOM, zero-width characters, HTML comments, Markdown marks (#, >, **), page footers (─ 2 ─), blank lines,
//     leading/trailing spaces are removed; CRLF/CR become LF;
//   - the title line(s) are written "# 标题"; a repeated title (also one split over two lines) is dropped;
//   - 题注 (the adoption/amendment record under the title: LawRefBook lines before <!-- INFO END -->, or
//     （…通过…） blocks; also a draft's status such as （征求意见稿）) is kept line by line and closed by one
//     "<!-- INFO END -->" line;
//   - a label and its text are separated by one ideographic space (第一条　…, 第一章　总则); spaces inside
//     heading titles (总　　则) and after list labels ((一) …) are dropped; 第二条本市… and 第二条：本市… get the
//     space too where 第二条 is the article expected next, and are left as written elsewhere (a reference);
//   - a heading split over two lines (第一章 / 总则) and an article number alone on its line are joined.
import { canonicalLine, endsSentence, isTitleLike, matchLabel, type LineLabel } from "./labels";
import { acceptsTightArticle, comesAfter, type ArticlePosition } from "./numbering";

export interface SourceLine {
  /** Canonical text of the line. */
  text: string;
  /** 1-based line number in the input. */
  line: number;
  role: "title" | "note" | "body";
}

export interface NormalizedText {
  lines: SourceLine[];
  /** The canonical text: the lines joined with LF, title lines prefixed "# ", notes closed by the marker. */
  text: string;
}

export const INFO_END = "<!-- INFO END -->";

const BOM_AND_ZERO_WIDTH = /[\ufeff\u200b-\u200d\u2060\u00ad]/gu;
const INFO_END_COMMENT = /<!--\s*INFO END\s*-->/u;
const HTML_COMMENT = /<!--[\s\S]*?-->/gu;
const MARKDOWN_HEADING = /^[ \t]*(#{1,6})[ \t]+/u;
const BLOCKQUOTE = /^[ \t]*(?:>[ \t]?)+/u;
const BOLD = /\*\*/gu;
const EDGE_SPACE = /^[\s\u00a0\u2000-\u200a\u3000]+|[\s\u00a0\u2000-\u200a\u3000]+$/gu;
/** Page footers of Word/PDF exports: ─ 102 ─, - 2 -, — 3 —. */
const PAGE_FOOTER = /^[─—–\-－]+\s*\d+\s*[─—–\-－]+$/u;
const NOTE_OPEN = /^[（(]/u;
const NOTE_CLOSE = /[）)]$/u;
/** Words of an adoption record, or of a draft's status (（草案）, （征求意见稿）, （2026年1月起草）). */
const NOTE_WORDS = /通过|公布|发布|批准|修正|修订|施行|草案|稿|起草/u;
const MAX_NOTE_LINES = 8;
const MAX_PLAIN_TITLE_LENGTH = 60;

interface RawLine {
  text: string;
  line: number;
  h1: boolean;
  infoEnd: boolean;
}

/** Strips layout from each physical line; blank lines, footers and pure markers disappear. */
function cleanLines(input: string): RawLine[] {
  const physical = input.replace(BOM_AND_ZERO_WIDTH, "").split(/\r\n|\r|\n/u);
  const out: RawLine[] = [];
  physical.forEach((raw, index) => {
    const infoEnd = INFO_END_COMMENT.test(raw);
    let text = raw.replace(HTML_COMMENT, "");
    const heading = MARKDOWN_HEADING.exec(text);
    if (heading) text = text.slice(heading[0].length);
    text = text.replace(BLOCKQUOTE, "").replace(BOLD, "").replace(EDGE_SPACE, "");
    if (PAGE_FOOTER.test(text)) text = "";
    if (text === "" && !infoEnd) return;
    out.push({ text, line: index + 1, h1: heading?.[1] === "#", infoEnd: infoEnd && text === "" });
  });
  return out;
}

/** Title lines: leading "# " lines, else a short first line that is no label. */
function titleCount(lines: RawLine[]): number {
  let count = 0;
  while (count < lines.length && lines[count].h1 && !lines[count].infoEnd) count++;
  if (count > 0) return count;
  const first = lines[0];
  if (!first || first.infoEnd) return 0;
  const plain = matchLabel(first.text).type === "plain";
  const fits = first.text.length <= MAX_PLAIN_TITLE_LENGTH && !/[。；]/u.test(first.text);
  return plain && fits && !NOTE_OPEN.test(first.text) ? 1 : 0;
}

/** Number of lines right after the title that repeat it (flk texts print it twice, sometimes split). */
function repeatedTitleCount(lines: RawLine[], start: number, title: string): number {
  let joined = "";
  for (let i = start; i < lines.length && i < start + 3; i++) {
    joined += lines[i].text.replace(/[\s\u3000]+/gu, "");
    if (joined === title) return i - start + 1;
    if (!title.startsWith(joined)) return 0;
  }
  return 0;
}

/** Number of 题注 lines at start: up to a <!-- INFO END --> marker, or consecutive （…通过…） / （草案） blocks. */
function noteCount(lines: RawLine[], start: number): { count: number; marker: boolean } {
  const markerAt = lines.findIndex((l, i) => i >= start && l.infoEnd);
  if (markerAt >= 0) {
    const before = lines.slice(start, markerAt);
    if (before.every((l) => matchLabel(l.text).type === "plain")) return { count: before.length, marker: true };
  }
  let end = start;
  for (let block = noteBlockLength(lines, end); block > 0; block = noteBlockLength(lines, end)) end += block;
  return { count: end - start, marker: false };
}

/** Length of a parenthesised 题注 block starting at `start` (0 if none): （2023年…通过）, （征求意见稿）. */
function noteBlockLength(lines: RawLine[], start: number): number {
  const first = lines[start];
  if (!first || first.infoEnd || !NOTE_OPEN.test(first.text) || matchLabel(first.text).type !== "plain") return 0;
  for (let i = start; i < lines.length && i < start + MAX_NOTE_LINES; i++) {
    if (NOTE_CLOSE.test(lines[i].text)) {
      const block = lines.slice(start, i + 1).map((l) => l.text).join("");
      return NOTE_WORDS.test(block) ? i - start + 1 : 0;
    }
  }
  return 0;
}

/** A heading split over two lines (第一章 / 总则) or an article number alone on its line, joined with the next. */
function joinedWithNext(label: LineLabel, next: RawLine | undefined): LineLabel | undefined {
  if (label.type !== "heading" && label.type !== "article" && label.type !== "annex") return undefined;
  if (label.rest !== "" || !next || next.infoEnd) return undefined;
  const nextLabel = matchLabel(next.text).type;
  const nextIsPlain = nextLabel === "plain" || (nextLabel === "supplementary" && label.type === "heading");
  const joinsTitle = label.type !== "article" && isTitleLike(next.text);
  return nextIsPlain && (joinsTitle || label.type === "article") ? { ...label, rest: next.text } : undefined;
}

/** Whether a line leaves room for a clause to start on the next one: a label line, or text ending its sentence. */
function closesClause(label: LineLabel, text: string): boolean {
  switch (label.type) {
    case "plain":
    case "list":
      return endsSentence(text);
    case "article":
      return label.rest === "" || endsSentence(text);
    default:
      return true;
  }
}

/**
 * Body lines with labels canonicalised and split headings / lone article numbers joined. A label written
 * without a separator (第二条本市…) gets one only where the numbering expects that article after a finished
 * sentence; elsewhere the line keeps its text as written (a reference like 第五条规定的… starting a line).
 */
function canonicalBody(lines: RawLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let lastArticle: ArticlePosition | undefined;
  let previous: { label: LineLabel; text: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i];
    if (current.infoEnd) continue;
    const written = matchLabel(current.text);
    if (written.type === "article" && written.tight) {
      const afterClause = !previous || closesClause(previous.label, previous.text);
      if (!afterClause || !acceptsTightArticle(lastArticle, written)) {
        previous = { label: written, text: current.text };
        out.push({ text: current.text, line: current.line, role: "body" });
        continue;
      }
    }
    const joined = joinedWithNext(written, lines[i + 1]);
    if (joined) i++;
    const separated = written.type === "article" && written.tight ? { ...written, tight: undefined } : written;
    const label: LineLabel = joined ?? separated;
    const text = label.type === "plain" ? current.text : canonicalLine(label);
    if (label.type === "article") {
      const position = { number: label.number, sub: label.subNumber ?? 0 };
      if (comesAfter(position, lastArticle)) lastArticle = position;
    }
    previous = { label, text };
    out.push({ text, line: current.line, role: "body" });
  }
  return out;
}

/** Normalises a legislative text; see the header comment for the canonical form. */
export function normalizeLegalText(input: string): NormalizedText {
  const raw = cleanLines(input);
  const titles = titleCount(raw);
  const title = raw.slice(0, titles).map((l) => l.text.replace(/[\s\u3000]+/gu, "")).join("");
  let at = titles;
  if (titles > 0) at += repeatedTitleCount(raw, at, title);
  const notes = noteCount(raw, at);
  const lines: SourceLine[] = [
    ...raw.slice(0, titles).map((l): SourceLine => ({ text: l.text, line: l.line, role: "title" })),
    ...raw.slice(at, at + notes.count).map((l): SourceLine => ({ text: l.text, line: l.line, role: "note" })),
    ...canonicalBody(raw.slice(at + notes.count + (notes.marker ? 1 : 0))),
  ];
  return { lines, text: canonicalText(lines) };
}

/** Joins canonical lines into the canonical text (shared with the renderer so both agree byte for byte). */
export function canonicalText(lines: ReadonlyArray<Pick<SourceLine, "text" | "role">>): string {
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(l.role === "title" ? `# ${l.text}` : l.text);
    if (l.role === "note" && lines[i + 1]?.role !== "note") out.push(INFO_END);
  });
  return out.length ? out.join("\n") + "\n" : "";
}
