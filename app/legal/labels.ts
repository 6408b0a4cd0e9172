// Recognises the label at the start of one normalised line (第三章, 第十二条之一, （三）, 1．, 附件一).
import { NUMERAL_CHARS, parseChineseNumeral, toChineseNumeral } from "./numerals";

export type HeadingUnit = "编" | "分编" | "章" | "节";
export type ListStyle = "cn-dun" | "cn-paren" | "arabic-dot" | "arabic-paren";

export type LineLabel =
  | { type: "heading"; unit: HeadingUnit; label: string; number: number; rest: string }
  | {
      type: "article";
      label: string;
      number: number;
      subNumber?: number;
      rest: string;
      /** Written without a separator (第二条本市…): an article only where the numbering expects one (normalize.ts). */
      tight?: true;
    }
  | { type: "toc" | "preamble" | "supplementary"; label: string; rest: "" }
  | { type: "annex"; label: string; number?: number; rest: string }
  | { type: "list"; style: ListStyle; label: string; number: number; rest: string }
  | { type: "plain" };

/** Layout whitespace: ASCII, NBSP, EN/EM spaces and the like, ideographic space. */
export const SPACE = "\\s\\u00a0\\u2000-\\u200a\\u3000";
/** The one separator written between a label and its text in the canonical form. */
export const CANONICAL_SEPARATOR = "\u3000";

const N = `[${NUMERAL_CHARS}]+`;
const HEADING = new RegExp(`^第(${N})(分编|编|章|节)(?:[${SPACE}]+(.*))?$`, "u");
const ARTICLE = new RegExp(`^第(${N})条(?:之(${N}))?(?:[${SPACE}]+(.*))?$`, "u");
/** 第一条为了… / 第一条：为了…: no separator, so possibly a cross reference (第五条规定的…) starting a line. */
const TIGHT_ARTICLE = new RegExp(`^第(${N})条(?:之(${N}))?[：:、]?[${SPACE}]*(.+)$`, "u");
const TOC = new RegExp(`^目[${SPACE}]*录$`, "u");
const PREAMBLE = new RegExp(`^序[${SPACE}]*言$`, "u");
const SUPPLEMENTARY = new RegExp(`^附[${SPACE}]*则$`, "u");
const ANNEX = new RegExp(`^(附件|附表)(${N})?(?:[：:${SPACE}]+(.*)|$)`, "u");
const CN_DUN = /^([一二三四五六七八九十百]+)、(.*)$/u;
const CN_PAREN = new RegExp(`^([（(])([一二三四五六七八九十百]+)([）)])[${SPACE}]*(.*)$`, "u");
const ARABIC_DOT = new RegExp(`^([0-9０-９]{1,3})([.．、])(?![0-9０-９])[${SPACE}]*(.*)$`, "u");
const ARABIC_PAREN = new RegExp(`^([（(])([0-9０-９]{1,3})([）)])[${SPACE}]*(.*)$`, "u");
/** A heading title is a short phrase; a sentence after 第X章 is prose that happens to start with a label. */
const SENTENCE_PUNCTUATION = /[。；，：！？]/u;
const MAX_TITLE_LENGTH = 40;
/** A line ending like this ends its sentence, so the next line may start a new clause (closing quotes allowed). */
const SENTENCE_END = /[。；：:！!？?][”’」』）)]*$/u;

/** Whether a line of text ends its sentence (else a 第X条 starting the next line is more likely a wrapped reference). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** The label of an article in Chinese numerals, however it was written: 第十二条, 第一百三十三条之一 (第２条 → 第二条). */
export function articleLabel(number: number, subNumber?: number): string {
  return `第${toChineseNumeral(number)}条${subNumber ? `之${toChineseNumeral(subNumber)}` : ""}`;
}

/** Whether text is short and punctuation-free enough to be a heading title. */
export function isTitleLike(text: string): boolean {
  return text.length <= MAX_TITLE_LENGTH && !SENTENCE_PUNCTUATION.test(text);
}

/** Classifies the label a line starts with. Lines must already be trimmed. */
export function matchLabel(line: string): LineLabel {
  const first = line.charCodeAt(0);
  if (line.startsWith("第")) {
    const article = articleMatch(ARTICLE.exec(line), false);
    if (article) return article;
    const heading = HEADING.exec(line);
    if (heading) {
      const number = parseChineseNumeral(heading[1]);
      const rest = heading[3] ?? "";
      if (number !== undefined && isTitleLike(rest)) {
        const unit = heading[2] as HeadingUnit;
        return { type: "heading", unit, label: `第${heading[1]}${unit}`, number, rest };
      }
    }
    return articleMatch(TIGHT_ARTICLE.exec(line), true) ?? { type: "plain" };
  }
  if (line.startsWith("目") && TOC.test(line)) return { type: "toc", label: "目录", rest: "" };
  if (line.startsWith("序") && PREAMBLE.test(line)) return { type: "preamble", label: "序言", rest: "" };
  if (line.startsWith("附")) {
    if (SUPPLEMENTARY.test(line)) return { type: "supplementary", label: "附则", rest: "" };
    const annex = ANNEX.exec(line);
    if (annex) {
      const number = annex[2] === undefined ? undefined : parseChineseNumeral(annex[2]);
      return { type: "annex", label: annex[1] + (annex[2] ?? ""), number, rest: annex[3] ?? "" };
    }
    return { type: "plain" };
  }
  if (first === 0xff08 || first === 0x28) {
    const cn = CN_PAREN.exec(line);
    if (cn) return list("cn-paren", cn[1] + cn[2] + cn[3], parseChineseNumeral(cn[2]), cn[4]);
    const ar = ARABIC_PAREN.exec(line);
    if (ar) return list("arabic-paren", ar[1] + ar[2] + ar[3], parseChineseNumeral(ar[2]), ar[4]);
    return { type: "plain" };
  }
  const dun = CN_DUN.exec(line);
  if (dun) return list("cn-dun", dun[1] + "、", parseChineseNumeral(dun[1]), dun[2]);
  const dot = ARABIC_DOT.exec(line);
  if (dot) return list("arabic-dot", dot[1] + dot[2], parseChineseNumeral(dot[1]), dot[3]);
  return { type: "plain" };
}

function articleMatch(match: RegExpExecArray | null, tight: boolean): LineLabel | undefined {
  if (!match) return undefined;
  const number = parseChineseNumeral(match[1]);
  const sub = match[2] === undefined ? undefined : parseChineseNumeral(match[2]);
  if (number === undefined || (match[2] !== undefined && sub === undefined)) return undefined;
  const label = match[2] === undefined ? `第${match[1]}条` : `第${match[1]}条之${match[2]}`;
  const article = { type: "article" as const, label, number, subNumber: sub, rest: match[3] ?? "" };
  return tight ? { ...article, tight } : article;
}

function list(style: ListStyle, label: string, number: number | undefined, rest: string): LineLabel {
  return number === undefined ? { type: "plain" } : { type: "list", style, label, number, rest };
}

/** The line in canonical form: one ideographic space after 编/章/节/条 labels, none after list labels. */
export function canonicalLine(label: Exclude<LineLabel, { type: "plain" }>): string {
  switch (label.type) {
    case "heading":
      return label.rest ? label.label + CANONICAL_SEPARATOR + compactTitle(label.rest) : label.label;
    case "article":
      return label.rest ? label.label + CANONICAL_SEPARATOR + label.rest : label.label;
    case "annex":
      return label.rest ? `${label.label}：${label.rest}` : label.label;
    case "list":
      return label.label + label.rest;
    default:
      return label.label;
  }
}

const INNER_TITLE_SPACE = new RegExp(`(?<=[^\\x00-\\x7f])[${SPACE}]+(?=[^\\x00-\\x7f])`, "gu");

/** 总　　则 → 总则: spaces inside a Chinese heading title are justification, not text. */
export function compactTitle(title: string): string {
  return title.replace(INNER_TITLE_SPACE, "");
}
