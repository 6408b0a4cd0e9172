// First pass of the parser: the label of each body line, with text inside quotation marks neutralised.
import { matchLabel, type LineLabel } from "./labels";
import type { SourceLine } from "./normalize";

export interface ClassifiedLine {
  src: SourceLine;
  label: LineLabel;
  /** Inside “…” opened on an earlier line: amendment texts quote new wording, which is never structure. */
  quoted: boolean;
}

const OPEN_QUOTE = /“/gu;
const CLOSE_QUOTE = /”/gu;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * Labels every body line. A quotation left open at the end of a line marks the following lines as quoted
 * until it closes; a line starting with an article number or 一、 closes it anyway, because a stray “ (as in
 * the 南通 决定, item 五) must not swallow the rest of the document.
 */
export function classifyLines(lines: SourceLine[]): ClassifiedLine[] {
  let depth = 0;
  return lines.map((src) => {
    const label = matchLabel(src.text);
    const resets = (label.type === "article" && !label.tight) || (label.type === "list" && label.style === "cn-dun");
    if (resets) depth = 0;
    const quoted = depth > 0;
    // Each quoted paragraph reopens with “ while only the last one closes: a reopening is not a new level.
    const reopens = quoted && src.text.startsWith("“") ? 1 : 0;
    depth = Math.max(0, depth + count(src.text, OPEN_QUOTE) - reopens - count(src.text, CLOSE_QUOTE));
    return { src, label: quoted ? { type: "plain" } : label, quoted };
  });
}
