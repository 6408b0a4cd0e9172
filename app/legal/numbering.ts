// Article numbering checks: gaps, duplicates and out-of-order numbers are reported, never silently accepted.
import type { LineLabel } from "./labels";
import { toChineseNumeral } from "./numerals";
import type { LegalNode, ParseWarning } from "./types";

type ArticleLabel = Extract<LineLabel, { type: "article" }>;

function name(number: number, sub: number): string {
  return `第${toChineseNumeral(number)}条${sub ? `之${toChineseNumeral(sub)}` : ""}`;
}

/**
 * Follows 第X条 numbers through a document. 第X条之一 after 第X条 is an inserted article, not a gap.
 * `allowLateStart`: amendment instruments and books of a code (民法典·合同编 starts at 第四百六十三条,
 * 宪法修正案 continue the numbering of earlier ones) may start anywhere; other texts must start at 第一条.
 */
export class ArticleSequence {
  private last: { number: number; sub: number } | undefined;

  constructor(
    private readonly warnings: ParseWarning[],
    private readonly allowLateStart: boolean,
  ) {}

  /** Whether the label is the article expected next (used to find where inserted amendment text ends). */
  isNext(label: ArticleLabel): boolean {
    const sub = label.subNumber ?? 0;
    if (!this.last) return true;
    const { number, sub: lastSub } = this.last;
    return (label.number === number + 1 && sub === 0) || (label.number === number && sub === lastSub + 1);
  }

  check(label: ArticleLabel, line: number): void {
    const sub = label.subNumber ?? 0;
    const here = name(label.number, sub);
    const warn = (code: string, message: string) => this.warnings.push({ line, code, message });
    if (!this.last) {
      if (label.number !== 1 && !this.allowLateStart) {
        warn("numbering-gap", `Article numbering starts at ${here} instead of 第一条`);
      }
      if (sub !== 0) warn("numbering-gap", `First article is an inserted article ${here}`);
    } else if (!this.isNext(label)) {
      const previous = name(this.last.number, this.last.sub);
      if (label.number === this.last.number && sub === this.last.sub) {
        warn("numbering-duplicate", `${here} appears twice`);
      } else if (label.number < this.last.number || (label.number === this.last.number && sub < this.last.sub)) {
        warn("numbering-order", `${here} comes after ${previous}`);
      } else {
        warn("numbering-gap", `${here} follows ${previous}: numbers are missing in between`);
      }
    }
    if (!this.last || label.number > this.last.number || (label.number === this.last.number && sub > this.last.sub)) {
      this.last = { number: label.number, sub };
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
