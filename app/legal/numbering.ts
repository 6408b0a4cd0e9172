// Article numbering checks: gaps, duplicates and out-of-order numbers are reported, never silently accepted.
import { articleLabel, type LineLabel } from "./labels";
import type { LegalNode, ParseWarning } from "./types";

type ArticleLabel = Extract<LineLabel, { type: "article" }>;

export interface ArticlePosition {
  number: number;
  sub: number;
}

/** Whether `label` is the article expected right after `last`: 第X+1条, or 第X条之N+1 after 第X条之N. */
export function followsArticle(last: ArticlePosition, label: ArticleLabel): boolean {
  const sub = label.subNumber ?? 0;
  return (label.number === last.number + 1 && sub === 0) || (label.number === last.number && sub === last.sub + 1);
}

/** Whether `position` comes later in the numbering than `last` (anything does, before the first article). */
export function comesAfter(position: ArticlePosition, last: ArticlePosition | undefined): boolean {
  return !last || position.number > last.number || (position.number === last.number && position.sub > last.sub);
}

/**
 * Whether a label written without a separator (第二条本市…) is an article rather than a reference starting a
 * line: only where the numbering expects it, and the first one must be 第一条.
 */
export function acceptsTightArticle(last: ArticlePosition | undefined, label: ArticleLabel): boolean {
  return last ? followsArticle(last, label) : label.number === 1 && !label.subNumber;
}

/**
 * Follows 第X条 numbers through a document. 第X条之一 after 第X条 is an inserted article, not a gap.
 * `allowLateStart`: amendment instruments and books of a code (民法典·合同编 starts at 第四百六十三条,
 * 宪法修正案 continue the numbering of earlier ones) may start anywhere; other texts must start at 第一条.
 */
export class ArticleSequence {
  private last: ArticlePosition | undefined;

  constructor(
    private readonly warnings: ParseWarning[],
    private readonly allowLateStart: boolean,
  ) {}

  /** Whether the label is the article expected next (any article is, before the first). */
  isNext(label: ArticleLabel): boolean {
    return !this.last || followsArticle(this.last, label);
  }

  /**
   * Reports an article that is not the next expected one. `following`: the next article label of the document.
   * When it continues the numbering from before this one (第二条, 第三十条, 第三条), this one is a stray and does
   * not move the numbering on, so the rest of the document is not reported as out of order.
   */
  check(label: ArticleLabel, line: number, following?: ArticleLabel): void {
    const sub = label.subNumber ?? 0;
    const here = articleLabel(label.number, sub);
    const warn = (code: string, message: string) => this.warnings.push({ line, code, message });
    if (!this.last) {
      if (label.number !== 1 && !this.allowLateStart) {
        warn("numbering-gap", `Article numbering starts at ${here} instead of 第一条`);
      }
      if (sub !== 0) warn("numbering-gap", `First article is an inserted article ${here}`);
      this.last = { number: label.number, sub };
      return;
    }
    if (followsArticle(this.last, label)) {
      this.last = { number: label.number, sub };
      return;
    }
    const previous = articleLabel(this.last.number, this.last.sub);
    if (label.number === this.last.number && sub === this.last.sub) {
      warn("numbering-duplicate", `${here} appears twice`);
    } else if (!comesAfter({ number: label.number, sub }, this.last)) {
      warn("numbering-order", `${here} comes after ${previous}`);
    } else {
      warn("numbering-gap", `${here} follows ${previous}: numbers are missing in between`);
      if (!following || !followsArticle(this.last, following)) this.last = { number: label.number, sub };
    }
  }

  /** Reports articles with no text at all. */
  finish(nodes: LegalNode[]): void {
    const visit = (n: LegalNode) => {
      if (n.kind === "article" && n.children.length === 0) {
        this.warnings.push({ line: n.line, code: "empty", message: `${n.label} has no text` });
      }
      if (n.kind !== "article") n.children.forEach(visit);
    };
    nodes.forEach(visit);
  }
}
