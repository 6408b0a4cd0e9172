// What the committee sees of a parsed text before publishing: clause counts, and the parser's warnings worded in
// Chinese (the legal engine words them in English, for logs). Pure: runs on the server and in the browser.
import type { LegalNode, ParseWarning, ParsedDocument } from "~/legal/types";

export interface ClauseCounts {
  chapters: number;
  sections: number;
  articles: number;
  paragraphs: number;
  items: number;
}

export interface WarningView {
  line: number;
  code: string;
  message: string;
}

const COUNTED: Partial<Record<string, keyof ClauseCounts>> = {
  part: "chapters",
  chapter: "chapters",
  supplementary: "chapters",
  section: "sections",
  article: "articles",
  paragraph: "paragraphs",
  item: "items",
  subitem: "items",
};

export function countClauses(doc: Pick<ParsedDocument, "nodes">): ClauseCounts {
  const counts: ClauseCounts = { chapters: 0, sections: 0, articles: 0, paragraphs: 0, items: 0 };
  const visit = (node: LegalNode) => {
    const key = COUNTED[node.kind];
    if (key) counts[key] += 1;
    node.children.forEach(visit);
  };
  doc.nodes.forEach(visit);
  return counts;
}

/** Labels the engine's English messages quote (第九条, 第六条), in order. */
function quotedLabels(message: string): string[] {
  return message.match(/第[零〇一二三四五六七八九十百千万\d]+条(?:之[一二三四五六七八九十]+)?/gu) ?? [];
}

/** One warning, as a drafter would say it. */
export function warningMessage(warning: ParseWarning): string {
  const [first, second] = quotedLabels(warning.message);
  switch (warning.code) {
    case "numbering-gap":
      if (/starts at/u.test(warning.message) && first) return `条文编号从${first}开始，而不是第一条。`;
      if (first && second) return `${first}紧接在${second}之后，中间缺少条文编号。`;
      return "条文编号不连续。";
    case "numbering-duplicate":
      return first ? `${first}重复出现。` : "条文编号重复。";
    case "numbering-order":
      return first && second ? `${first}排在${second}之后，条序颠倒。` : "条文顺序颠倒。";
    case "empty":
      return first ? `${first}没有条文内容。` : "条文没有内容。";
    case "label-as-text":
      return "此行以“第×条”开头，但被当作上一条的正文（可能是引用或换行）。如是新的一条，请检查编号。";
    case "unplaced":
      return "此行不属于任何一条，已暂放在上一个标题下。请确认它是否为条文的一部分。";
    default:
      return "请检查此行。";
  }
}

export function warningViews(warnings: ParseWarning[]): WarningView[] {
  return warnings.map((w) => ({ line: w.line, code: w.code, message: warningMessage(w) }));
}
