// Version alignment: which block (article, 一、 unit, 序言 paragraph, 附件 unit) and which paragraph and item
// of the old text became which of the new.
import { collectBlocks, collectUnits, compactText, type AnnexBlocks, type BlockEntry, type ClauseUnit } from "./clause-text";
import { RowTable } from "./row-table";
import { findPieceGroups } from "./split-merge";
import { alignSequences } from "./sequence-align";
import { bigramProfile, dice, similarityMatrix, unionProfile } from "./similarity";
import type { LegalNode, NodeKind, ParsedDocument } from "./types";

export type AlignStatus = "unchanged" | "modified" | "moved" | "added" | "deleted" | "split" | "merged";

export interface AlignedRow {
  /**
   * Block rows: article, heading (一、 unit of a text without articles), preamble (a paragraph of the 序言),
   * annex (the title or a unit of a 附件). Their clause rows: paragraph, item, subitem.
   */
  kind: NodeKind;
  status: AlignStatus;
  /** Old clauses of the row: none when added, several when merged. */
  old: LegalNode[];
  /** New clauses of the row: none when deleted, several when split. */
  new: LegalNode[];
  /** Clause texts as compared (layout kept for display; comparison ignores it). */
  oldText: string;
  newText: string;
  /** Dice similarity of the compact texts, 0 for added and deleted rows. */
  similarity: number;
  /** The clause kept its text or place but carries another number (第十条 → 第十二条). */
  renumbered: boolean;
  /** Text differs once layout is ignored (always true for modified, split and merged rows). */
  textChanged: boolean;
  /** Paragraph, item and subitem rows inside a block row. */
  children: AlignedRow[];
}

/** Row kinds of blocks, as opposed to the clause rows inside them. */
export const BLOCK_KINDS: ReadonlySet<NodeKind> = new Set(["article", "heading", "preamble", "annex"]);

export interface VersionAlignment {
  /**
   * Block rows: the 序言, then the body, then the 附件 one after another, each in new-document order;
   * deleted blocks stand where they were in the old text.
   */
  rows: AlignedRow[];
  /** Row of each old clause (blocks and their paragraphs, items, subitems) by LegalNode.id; a block maps to its own row. */
  byOldId: Map<string, AlignedRow>;
  /** Row of each new clause by LegalNode.id. */
  byNewId: Map<string, AlignedRow>;
}

const BLOCK_THRESHOLDS = { threshold: 0.5, moveThreshold: 0.6, gapThreshold: 0.3 };
const UNIT_THRESHOLDS = { threshold: 0.5, moveThreshold: 0.7, gapThreshold: 0.3 };
const ANNEX_THRESHOLDS = { threshold: 0.5, moveThreshold: 0.6, gapThreshold: 0.3 };
/** Makes identical texts win over near-identical ones when both could pair with the same block. */
const EXACT_BONUS = 0.5;
/** An annex keeping its number (附件一 → 附件一) pairs even when its title and content both changed. */
const SAME_LABEL_BONUS = 0.25;

/** Aligns the blocks of two versions sequence by sequence, then the paragraphs and items inside each pair. */
export function alignVersions(oldDoc: ParsedDocument, newDoc: ParsedDocument): VersionAlignment {
  const oldBlocks = collectBlocks(oldDoc);
  const newBlocks = collectBlocks(newDoc);
  const rows = [
    ...alignBlocks(oldBlocks.preamble, newBlocks.preamble),
    ...alignBlocks(oldBlocks.body, newBlocks.body),
    ...alignAnnexes(oldBlocks.annexes, newBlocks.annexes),
  ];
  const byOldId = new Map<string, AlignedRow>();
  const byNewId = new Map<string, AlignedRow>();
  const index = (row: AlignedRow) => {
    for (const node of row.old) byOldId.set(node.id, row);
    for (const node of row.new) byNewId.set(node.id, row);
  };
  for (const row of rows) {
    // The block's own line is also a clause row; the block row, indexed last, keeps the block's id.
    row.children.forEach(index);
    index(row);
  }
  return { rows, byOldId, byNewId };
}

/** Aligns one sequence of blocks: pairs in order, moves, splits and merges, additions and deletions. */
function alignBlocks(oldBlocks: BlockEntry[], newBlocks: BlockEntry[]): AlignedRow[] {
  const oldProfiles = oldBlocks.map((entry) => bigramProfile(entry.compact));
  const newProfiles = newBlocks.map((entry) => bigramProfile(entry.compact));
  const matrix = similarityMatrix(oldProfiles, newProfiles);
  const columns = newBlocks.length;
  // An article pairs only with an article, an 一、 unit with an 一、 unit, a paragraph with a paragraph.
  const similarity = (i: number, j: number) => (oldBlocks[i].node.kind === newBlocks[j].node.kind ? matrix[i * columns + j] : 0);
  const score = (i: number, j: number) => {
    const value = similarity(i, j);
    return value === 1 && oldBlocks[i].compact === newBlocks[j].compact ? value + EXACT_BONUS : value;
  };

  const matches = alignSequences(oldBlocks.length, columns, score, BLOCK_THRESHOLDS);
  const oldTexts = oldBlocks.map((entry) => entry.compact);
  const newTexts = newBlocks.map((entry) => entry.compact);
  const splits = findPieceGroups(matches, oldTexts, newTexts, oldProfiles, newProfiles, similarity);
  const merges = findPieceGroups(
    matches.map((match) => ({ ...match, oldIndex: match.newIndex, newIndex: match.oldIndex })),
    newTexts,
    oldTexts,
    newProfiles,
    oldProfiles,
    (n, o) => similarity(o, n),
  );

  const table = new RowTable<AlignedRow>();
  const unitsOf = (entries: BlockEntry[]) => entries.flatMap((entry) => collectUnits(entry.node));
  for (const [oldIndex, pieces] of splits) {
    const whole = oldBlocks[oldIndex];
    const group = pieces.map((j) => newBlocks[j]);
    const together = dice(oldProfiles[oldIndex], unionProfile(pieces.map((j) => newProfiles[j])));
    const row = groupRow(whole.kind, "split", [whole], group, together);
    row.children = alignUnits(unitsOf([whole]), unitsOf(group));
    table.place(row, [oldIndex], pieces, true);
  }
  for (const [newIndex, pieces] of merges) {
    if (table.newRows.has(newIndex) || pieces.some((i) => table.oldRows.has(i))) continue;
    const whole = newBlocks[newIndex];
    const group = pieces.map((i) => oldBlocks[i]);
    const together = dice(unionProfile(pieces.map((i) => oldProfiles[i])), newProfiles[newIndex]);
    const row = groupRow(whole.kind, "merged", group, [whole], together);
    row.children = alignUnits(unitsOf(group), unitsOf([whole]));
    table.place(row, pieces, [newIndex], true);
  }
  for (const match of matches) {
    if (table.oldRows.has(match.oldIndex) || table.newRows.has(match.newIndex)) continue;
    const oldEntry = oldBlocks[match.oldIndex];
    const newEntry = newBlocks[match.newIndex];
    const row = pairRow(newEntry.kind, oldEntry, newEntry, match.inOrder, similarity(match.oldIndex, match.newIndex));
    row.children = alignUnits(collectUnits(oldEntry.node), collectUnits(newEntry.node));
    table.place(row, [match.oldIndex], [match.newIndex], match.inOrder);
  }
  table.fillUnmatched(oldBlocks.length, columns, (status, k) => {
    const entry = status === "added" ? newBlocks[k] : oldBlocks[k];
    const row = soleRow(entry.kind, status, entry);
    const units = collectUnits(entry.node);
    row.children = status === "added" ? alignUnits([], units) : alignUnits(units, []);
    return row;
  });
  return table.ordered(oldBlocks.length, columns);
}

/**
 * Pairs each annex with its counterpart by title, content and number, then aligns the blocks inside each
 * pair. An annex's rows are its title row followed by its block rows.
 */
function alignAnnexes(oldAnnexes: AnnexBlocks[], newAnnexes: AnnexBlocks[]): AlignedRow[] {
  const profiles = (annexes: AnnexBlocks[]) =>
    annexes.map((annex) => ({
      title: bigramProfile(annex.title.compact),
      content: bigramProfile(annex.blocks.map((entry) => entry.compact).join("")),
    }));
  const oldProfiles = profiles(oldAnnexes);
  const newProfiles = profiles(newAnnexes);
  const titleSimilarity = (i: number, j: number) => dice(oldProfiles[i].title, newProfiles[j].title);
  const score = (i: number, j: number) =>
    (titleSimilarity(i, j) + dice(oldProfiles[i].content, newProfiles[j].content)) / 2 +
    (sameLabel(oldAnnexes[i].title.node, newAnnexes[j].title.node) ? SAME_LABEL_BONUS : 0);

  const table = new RowTable<AlignedRow[]>();
  for (const match of alignSequences(oldAnnexes.length, newAnnexes.length, score, ANNEX_THRESHOLDS)) {
    const oldAnnex = oldAnnexes[match.oldIndex];
    const newAnnex = newAnnexes[match.newIndex];
    const title = pairRow("annex", oldAnnex.title, newAnnex.title, match.inOrder, titleSimilarity(match.oldIndex, match.newIndex));
    table.place([title, ...alignBlocks(oldAnnex.blocks, newAnnex.blocks)], [match.oldIndex], [match.newIndex], match.inOrder);
  }
  table.fillUnmatched(oldAnnexes.length, newAnnexes.length, (status, k) => {
    const annex = status === "added" ? newAnnexes[k] : oldAnnexes[k];
    const blocks = status === "added" ? alignBlocks([], annex.blocks) : alignBlocks(annex.blocks, []);
    return [soleRow("annex", status, annex.title), ...blocks];
  });
  return table.ordered(oldAnnexes.length, newAnnexes.length).flat();
}

function sameLabel(a: LegalNode, b: LegalNode): boolean {
  return compactText(a.label) === compactText(b.label);
}

/** What a row is made of: a block entry or a clause unit. */
interface Comparable {
  node: LegalNode;
  text: string;
  compact: string;
}

function pairRow(kind: NodeKind, oldItem: Comparable, newItem: Comparable, inOrder: boolean, similarity: number): AlignedRow {
  const textChanged = oldItem.compact !== newItem.compact;
  return {
    kind,
    status: !inOrder ? "moved" : textChanged ? "modified" : "unchanged",
    old: [oldItem.node],
    new: [newItem.node],
    oldText: oldItem.text,
    newText: newItem.text,
    similarity,
    renumbered: !sameLabel(oldItem.node, newItem.node),
    textChanged,
    children: [],
  };
}

function groupRow(
  kind: NodeKind,
  status: "split" | "merged",
  oldItems: Comparable[],
  newItems: Comparable[],
  similarity: number,
): AlignedRow {
  return {
    kind,
    status,
    old: oldItems.map((item) => item.node),
    new: newItems.map((item) => item.node),
    oldText: oldItems.map((item) => item.text).join("\n"),
    newText: newItems.map((item) => item.text).join("\n"),
    similarity,
    renumbered: false,
    textChanged: true,
    children: [],
  };
}

function soleRow(kind: NodeKind, status: "added" | "deleted", item: Comparable): AlignedRow {
  const added = status === "added";
  return {
    kind,
    status,
    old: added ? [] : [item.node],
    new: added ? [item.node] : [],
    oldText: added ? "" : item.text,
    newText: added ? item.text : "",
    similarity: 0,
    renumbered: false,
    textChanged: true,
    children: [],
  };
}

/** Aligns paragraphs, items and subitems of a block (or of the blocks of a split or merge). */
function alignUnits(oldUnits: ClauseUnit[], newUnits: ClauseUnit[]): AlignedRow[] {
  const oldProfiles = oldUnits.map((unit) => bigramProfile(unit.compact));
  const newProfiles = newUnits.map((unit) => bigramProfile(unit.compact));
  const score = (i: number, j: number) => {
    if (oldUnits[i].kind !== newUnits[j].kind) return 0;
    const value = dice(oldProfiles[i], newProfiles[j]);
    return value === 1 && oldUnits[i].compact === newUnits[j].compact ? value + EXACT_BONUS : value;
  };
  const table = new RowTable<AlignedRow>();
  for (const match of alignSequences(oldUnits.length, newUnits.length, score, UNIT_THRESHOLDS)) {
    const newUnit = newUnits[match.newIndex];
    const row = pairRow(newUnit.kind, oldUnits[match.oldIndex], newUnit, match.inOrder, Math.min(1, match.score));
    table.place(row, [match.oldIndex], [match.newIndex], match.inOrder);
  }
  table.fillUnmatched(oldUnits.length, newUnits.length, (status, k) =>
    status === "added" ? soleRow(newUnits[k].kind, status, newUnits[k]) : soleRow(oldUnits[k].kind, status, oldUnits[k]),
  );
  return table.ordered(oldUnits.length, newUnits.length);
}
