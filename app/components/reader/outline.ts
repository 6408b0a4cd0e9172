// The outline of 编 / 章 / 节 / 条 beside the text, the comment counts behind it and the heat strip's shades (pure).
import { CANONICAL_SEPARATOR } from "~/legal/labels";
import type { ReaderLayout } from "./reader-model";

export interface OutlineEntry {
  href: string;
  /** 第一章　总则 / 第十二条 */
  label: string;
  /** The start of an article's text, to recognise it by. */
  excerpt?: string;
  kind: "heading" | "article";
  /** Comments on the clause and everything under it. */
  count: number;
  children: OutlineEntry[];
}

const EXCERPT_LENGTH = 18;

/** Comments on each clause and its descendants, by clause row id, from counts of each clause's own comments. */
export function subtreeCounts(layout: Pick<ReaderLayout, "children">, counts: Record<string, number> | undefined): Map<string, number> {
  const totals = new Map<string, number>();
  const visit = (id: string): number => {
    let sum = counts?.[id] ?? 0;
    for (const child of layout.children.get(id) ?? []) sum += visit(child.id);
    totals.set(id, sum);
    return sum;
  };
  for (const top of layout.children.get(null) ?? []) visit(top.id);
  return totals;
}

/** Headings nest by level (编 > 分编 > 章 > 节); articles sit under the nearest heading. */
export function buildOutline(layout: ReaderLayout, totals: Map<string, number>): OutlineEntry[] {
  const root: OutlineEntry[] = [];
  const stack: Array<{ level: number; entry: OutlineEntry }> = [];
  const parentList = (level: number) => {
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    return stack.length ? stack[stack.length - 1].entry.children : root;
  };
  for (const block of layout.blocks) {
    if (block.type === "heading") {
      const c = block.clause;
      const entry: OutlineEntry = {
        href: `#${block.anchorId}`,
        label: [c.label, c.kind === "preamble" ? "" : c.text].filter(Boolean).join(CANONICAL_SEPARATOR),
        kind: "heading",
        count: totals.get(c.id) ?? 0,
        children: [],
      };
      parentList(block.level).push(entry);
      stack.push({ level: block.level, entry });
    } else if (block.type === "article") {
      const first = block.lines.find((l) => l.text)?.text ?? "";
      const oneLine = first.replace(/\n/g, "");
      const entry: OutlineEntry = {
        href: `#${block.anchorId}`,
        label: block.clause.label,
        excerpt: oneLine.length > EXCERPT_LENGTH ? `${oneLine.slice(0, EXCERPT_LENGTH)}…` : oneLine,
        kind: "article",
        count: totals.get(block.clause.id) ?? 0,
        children: [],
      };
      parentList(Number.POSITIVE_INFINITY).push(entry);
    }
  }
  return root;
}

export interface HeatCell {
  href: string;
  label: string;
  count: number;
  /** 0 (none) to 4 (the most commented articles). */
  level: number;
}

/** One cell per article, shaded by its share of the most commented article's count. */
export function heatCells(layout: ReaderLayout, totals: Map<string, number>): HeatCell[] {
  const articles = layout.blocks.filter((b) => b.type === "article");
  const max = Math.max(0, ...articles.map((a) => totals.get(a.clause.id) ?? 0));
  return articles.map((a) => {
    const count = totals.get(a.clause.id) ?? 0;
    return { href: `#${a.anchorId}`, label: a.clause.label, count, level: heatLevel(count, max) };
  });
}

export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * 4));
}
