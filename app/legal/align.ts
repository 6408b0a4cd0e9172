// Version alignment: which article (and paragraph, item) of the old text became which of the new.
import { collectArticles, collectUnits, compactText, type ArticleEntry, type ClauseUnit } from "./clause-text";
import { findPieceGroups } from "./split-merge";
import { alignSequences } from "./sequence-align";
import { bigramProfile, dice, similarityMatrix, unionProfile } from "./similarity";
import type { LegalNode, NodeKind, ParsedDocument } from "./types";

export type AlignStatus = "unchanged" | "modified" | "moved" | "added" | "deleted" | "split" | "merged";

export interface AlignedRow {
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
  /** Paragraph, item and subitem rows inside an article row. */
  children: AlignedRow[];
}

export interface VersionAlignment {
  /** Article rows in new-document order; deleted articles stand where they were in the old text. */
  rows: AlignedRow[];
  /** Row of each old clause (articles and their paragraphs, items, subitems) by LegalNode.id. */
  byOldId: Map<string, AlignedRow>;
  /** Row of each new clause by LegalNode.id. */
  byNewId: Map<string, AlignedRow>;
}

const ARTICLE_THRESHOLDS = { threshold: 0.5, moveThreshold: 0.6, gapThreshold: 0.3 };
const UNIT_THRESHOLDS = { threshold: 0.5, moveThreshold: 0.7, gapThreshold: 0.3 };
/** Makes identical texts win over near-identical ones when both could pair with the same article. */
const EXACT_BONUS = 0.5;

/** Aligns the articles of two versions, then the paragraphs and items inside each aligned pair. */
export function alignVersions(oldDoc: ParsedDocument, newDoc: ParsedDocument): VersionAlignment {
  const oldArticles = collectArticles(oldDoc);
  const newArticles = collectArticles(newDoc);
  const oldProfiles = oldArticles.map((entry) => bigramProfile(entry.compact));
  const newProfiles = newArticles.map((entry) => bigramProfile(entry.compact));
  const matrix = similarityMatrix(oldProfiles, newProfiles);
  const columns = newArticles.length;
  const similarity = (i: number, j: number) => matrix[i * columns + j];
  const score = (i: number, j: number) => {
    const value = similarity(i, j);
    return value === 1 && oldArticles[i].compact === newArticles[j].compact ? value + EXACT_BONUS : value;
  };

  const matches = alignSequences(oldArticles.length, columns, score, ARTICLE_THRESHOLDS);
  const oldTexts = oldArticles.map((entry) => entry.compact);
  const newTexts = newArticles.map((entry) => entry.compact);
  const splits = findPieceGroups(matches, oldTexts, newTexts, oldProfiles, newProfiles, similarity);
  const merges = findPieceGroups(
    matches.map((match) => ({ ...match, oldIndex: match.newIndex, newIndex: match.oldIndex })),
    newTexts,
    oldTexts,
    newProfiles,
    oldProfiles,
    (n, o) => similarity(o, n),
  );

  const table = new RowTable();
  const unitsOf = (entries: ArticleEntry[]) => entries.flatMap((entry) => collectUnits(entry.node));
  for (const [oldIndex, pieces] of splits) {
    const group = pieces.map((j) => newArticles[j]);
    const row = groupRow("split", [oldArticles[oldIndex]], group, dice(oldProfiles[oldIndex], unionProfile(pieces.map((k) => newProfiles[k]))));
    row.children = alignUnits(unitsOf([oldArticles[oldIndex]]), unitsOf(group));
    table.place(row, [oldIndex], pieces, true);
  }
  for (const [newIndex, pieces] of merges) {
    if (table.newRows.has(newIndex) || pieces.some((i) => table.oldRows.has(i))) continue;
    const group = pieces.map((i) => oldArticles[i]);
    const row = groupRow("merged", group, [newArticles[newIndex]], dice(unionProfile(pieces.map((k) => oldProfiles[k])), newProfiles[newIndex]));
    row.children = alignUnits(unitsOf(group), unitsOf([newArticles[newIndex]]));
    table.place(row, pieces, [newIndex], true);
  }
  for (const match of matches) {
    if (table.oldRows.has(match.oldIndex) || table.newRows.has(match.newIndex)) continue;
    const oldEntry = oldArticles[match.oldIndex];
    const newEntry = newArticles[match.newIndex];
    const row = pairRow("article", oldEntry, newEntry, match.inOrder, similarity(match.oldIndex, match.newIndex));
    row.children = alignUnits(collectUnits(oldEntry.node), collectUnits(newEntry.node));
    table.place(row, [match.oldIndex], [match.newIndex], match.inOrder);
  }
  table.fillUnmatched(oldArticles, newArticles, (entry, status) =>
    status === "added" ? alignUnits([], collectUnits(entry.node)) : alignUnits(collectUnits(entry.node), []),
  );

  const rows = table.ordered(oldArticles.length, columns);
  const byOldId = new Map<string, AlignedRow>();
  const byNewId = new Map<string, AlignedRow>();
  for (const row of rows) {
    for (const node of row.old) byOldId.set(node.id, row);
    for (const node of row.new) byNewId.set(node.id, row);
    for (const child of row.children) {
      for (const node of child.old) byOldId.set(node.id, child);
      for (const node of child.new) byNewId.set(node.id, child);
    }
  }
  return { rows, byOldId, byNewId };
}

function sameLabel(a: LegalNode, b: LegalNode): boolean {
  return compactText(a.label) === compactText(b.label);
}

/** What a row is made of: an article entry or a clause unit. */
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

function groupRow(status: "split" | "merged", oldItems: Comparable[], newItems: Comparable[], similarity: number): AlignedRow {
  return {
    kind: "article",
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

/** Aligns paragraphs, items and subitems of an article (or of the articles of a split or merge). */
function alignUnits(oldUnits: ClauseUnit[], newUnits: ClauseUnit[]): AlignedRow[] {
  const oldProfiles = oldUnits.map((unit) => bigramProfile(unit.compact));
  const newProfiles = newUnits.map((unit) => bigramProfile(unit.compact));
  const score = (i: number, j: number) => {
    if (oldUnits[i].kind !== newUnits[j].kind) return 0;
    const value = dice(oldProfiles[i], newProfiles[j]);
    return value === 1 && oldUnits[i].compact === newUnits[j].compact ? value + EXACT_BONUS : value;
  };
  const table = new RowTable();
  for (const match of alignSequences(oldUnits.length, newUnits.length, score, UNIT_THRESHOLDS)) {
    const newUnit = newUnits[match.newIndex];
    const row = pairRow(newUnit.kind, oldUnits[match.oldIndex], newUnit, match.inOrder, Math.min(1, match.score));
    table.place(row, [match.oldIndex], [match.newIndex], match.inOrder);
  }
  table.fillUnmatched(oldUnits, newUnits);
  return table.ordered(oldUnits.length, newUnits.length);
}

/** Rows being assembled, indexed by the positions of their old and new items. */
class RowTable {
  readonly oldRows = new Map<number, AlignedRow>();
  readonly newRows = new Map<number, AlignedRow>();
  private readonly inOrderOld = new Set<number>();

  place(row: AlignedRow, oldIndices: number[], newIndices: number[], inOrder: boolean): void {
    for (const i of oldIndices) {
      this.oldRows.set(i, row);
      if (inOrder) this.inOrderOld.add(i);
    }
    for (const j of newIndices) this.newRows.set(j, row);
  }

  /** Rows for the items left unpaired: added (new) and deleted (old). */
  fillUnmatched<T extends Comparable & { kind?: NodeKind }>(
    oldItems: T[],
    newItems: T[],
    childrenOf?: (item: T, status: "added" | "deleted") => AlignedRow[],
  ): void {
    const make = (item: T, status: "added" | "deleted") => {
      const row = soleRow(item.kind ?? item.node.kind, status, item);
      if (childrenOf) row.children = childrenOf(item, status);
      return row;
    };
    newItems.forEach((item, j) => {
      if (!this.newRows.has(j)) this.place(make(item, "added"), [], [j], true);
    });
    oldItems.forEach((item, i) => {
      if (!this.oldRows.has(i)) this.place(make(item, "deleted"), [i], [], true);
    });
  }

  /**
   * Rows in new-document order; a row holding only old items (deleted) follows the row of the nearest
   * preceding old item that kept its order, so deletions show where they were.
   */
  ordered(oldCount: number, newCount: number): AlignedRow[] {
    const ordered = new Set<AlignedRow>();
    for (let j = 0; j < newCount; j++) {
      const row = this.newRows.get(j);
      if (row) ordered.add(row);
    }
    const leading: AlignedRow[] = [];
    const following = new Map<AlignedRow, AlignedRow[]>();
    let anchor: AlignedRow | undefined;
    for (let i = 0; i < oldCount; i++) {
      const row = this.oldRows.get(i);
      if (!row) continue;
      if (row.new.length === 0) {
        if (anchor) following.set(anchor, [...(following.get(anchor) ?? []), row]);
        else leading.push(row);
      } else if (this.inOrderOld.has(i)) {
        anchor = row;
      }
    }
    const result = [...leading];
    for (const row of ordered) result.push(row, ...(following.get(row) ?? []));
    return result;
  }
}
