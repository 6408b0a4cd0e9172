// 修改对照表: old and new text side by side, aligned clause by clause, with red-line and notes (说明).
import { alignVersions, type AlignStatus, type AlignedRow, type VersionAlignment } from "./align";
import { collectBlocks, compactText } from "./clause-text";
import { redline } from "./redline";
import { alignSequences } from "./sequence-align";
import { bigramProfile, dice } from "./similarity";
import type { DiffSegment, LegalNode, NodeKind, ParsedDocument } from "./types";

export interface ComparisonSide {
  label: string;
  text: string;
}

export interface ComparisonRow {
  /**
   * Blocks: article (条), heading (一、 unit), preamble (序言 paragraph), annex (附件 title or unit); paragraph /
   * item / subitem for finer rows; part / subpart / chapter / section / supplementary for heading rows.
   */
  kind: NodeKind;
  status: AlignStatus;
  old: ComparisonSide | null;
  new: ComparisonSide | null;
  segments: DiffSegment[];
  /** 说明: 新增, 删除, 修改, 条序调整（原第十条）, 由第十条移至第十二条, 第五条拆分为第五条、第六条 … */
  note: string;
}

export interface ComparisonTable {
  rows: ComparisonRow[];
  alignment: VersionAlignment;
}

export interface ComparisonOptions {
  /** Add changed paragraph and item rows under each changed block of several clauses. */
  clauses?: boolean;
  /** Add rows for 编/章/节 headings before their first block. */
  headings?: boolean;
}

/** Builds the 修改对照表 of two versions, rows in new-document order, deleted rows where they stood. */
export function buildComparisonTable(
  oldDoc: ParsedDocument,
  newDoc: ParsedDocument,
  options: ComparisonOptions = {},
): ComparisonTable {
  const alignment = alignVersions(oldDoc, newDoc);
  const headingRows = options.headings ? alignHeadings(oldDoc, newDoc) : new Map<LegalNode, ComparisonRow[]>();
  const rows: ComparisonRow[] = [];
  for (const row of alignment.rows) {
    for (const node of [row.old[0], row.new[0]]) if (node) rows.push(...(headingRows.get(node) ?? []));
    rows.push(toComparisonRow(row));
    if (options.clauses && showsClauses(row)) {
      rows.push(...row.children.filter((child) => child.status !== "unchanged").map(toComparisonRow));
    }
  }
  return { rows, alignment };
}

/** Clause rows help only inside a changed block of several clauses; elsewhere they repeat the block row. */
function showsClauses(row: AlignedRow): boolean {
  return row.textChanged && row.old.length > 0 && row.new.length > 0 && row.children.length > 1;
}

function labels(nodes: LegalNode[]): string {
  return nodes.map((node) => node.citation || node.label).join("、");
}

function toComparisonRow(row: AlignedRow): ComparisonRow {
  return {
    kind: row.kind,
    status: row.status,
    old: row.old.length ? { label: labels(row.old), text: row.oldText } : null,
    new: row.new.length ? { label: labels(row.new), text: row.newText } : null,
    segments: redline(row.oldText, row.newText),
    note: noteFor(row),
  };
}

/** Blocks numbered by 序号 rather than 条序. */
const RENUMBERED: Partial<Record<NodeKind, string>> = { heading: "序号调整", preamble: "序号调整", annex: "序号调整" };

/** The 说明 column, worded as drafting offices write it. */
export function noteFor(row: AlignedRow): string {
  const oldLabel = labels(row.old);
  const newLabel = labels(row.new);
  const renumbered = row.renumbered ? `${RENUMBERED[row.kind] ?? "条序调整"}（原${oldLabel}）` : "";
  switch (row.status) {
    case "added":
      return "新增";
    case "deleted":
      return "删除";
    case "unchanged":
      return renumbered;
    case "modified":
      return renumbered ? `修改；${renumbered}` : "修改";
    case "moved":
      return `由${oldLabel}移至${newLabel}${row.textChanged ? "，并作修改" : ""}`;
    case "split":
      return `${oldLabel}拆分为${newLabel}`;
    case "merged":
      return `${oldLabel}合并为${newLabel}`;
  }
}

const HEADING_KINDS: ReadonlySet<NodeKind> = new Set(["part", "subpart", "chapter", "section", "supplementary"]);

interface HeadingEntry {
  node: LegalNode;
  /** First block under the heading: the row the heading row goes before. */
  firstBlock: LegalNode;
  compact: string;
}

function collectHeadings(doc: ParsedDocument): HeadingEntry[] {
  const entries: HeadingEntry[] = [];
  const seen = new Set<LegalNode>();
  for (const block of collectBlocks(doc).body) {
    for (const heading of block.headings) {
      if (!HEADING_KINDS.has(heading.kind) || seen.has(heading)) continue;
      seen.add(heading);
      entries.push({ node: heading, firstBlock: block.node, compact: compactText(heading.text) });
    }
  }
  return entries;
}

/**
 * Heading rows keyed by the block node they precede. Headings pair by kind and title in order;
 * a new heading goes before its first new block, a deleted one before its first old block.
 */
function alignHeadings(oldDoc: ParsedDocument, newDoc: ParsedDocument): Map<LegalNode, ComparisonRow[]> {
  const oldHeadings = collectHeadings(oldDoc);
  const newHeadings = collectHeadings(newDoc);
  const oldProfiles = oldHeadings.map((entry) => bigramProfile(entry.compact));
  const newProfiles = newHeadings.map((entry) => bigramProfile(entry.compact));
  const score = (i: number, j: number) =>
    oldHeadings[i].node.kind === newHeadings[j].node.kind ? dice(oldProfiles[i], newProfiles[j]) : -1;
  const matches = alignSequences(oldHeadings.length, newHeadings.length, score, {
    threshold: 0.5,
    moveThreshold: 1,
    gapThreshold: 0.2,
  });
  const result = new Map<LegalNode, ComparisonRow[]>();
  const add = (before: LegalNode, row: ComparisonRow) => result.set(before, [...(result.get(before) ?? []), row]);
  const side = (node: LegalNode): ComparisonSide => ({ label: node.label, text: node.text });
  const matchedOld = new Set<number>();
  const matchOfNew = new Map(matches.map((match) => [match.newIndex, match]));
  newHeadings.forEach((entry, j) => {
    const match = matchOfNew.get(j);
    if (!match) {
      add(entry.firstBlock, { kind: entry.node.kind, status: "added", old: null, new: side(entry.node), segments: redline("", entry.node.text), note: "新增" });
      return;
    }
    matchedOld.add(match.oldIndex);
    const old = oldHeadings[match.oldIndex].node;
    const changed = oldHeadings[match.oldIndex].compact !== entry.compact;
    const renumbered = compactText(old.label) !== compactText(entry.node.label);
    const note = [changed ? "修改" : "", renumbered ? `序号调整（原${old.label}）` : ""].filter(Boolean).join("；");
    add(entry.firstBlock, {
      kind: entry.node.kind,
      status: changed ? "modified" : "unchanged",
      old: side(old),
      new: side(entry.node),
      segments: redline(old.text, entry.node.text),
      note,
    });
  });
  oldHeadings.forEach((entry, i) => {
    if (matchedOld.has(i)) return;
    add(entry.firstBlock, { kind: entry.node.kind, status: "deleted", old: side(entry.node), new: null, segments: redline(entry.node.text, ""), note: "删除" });
  });
  return result;
}
