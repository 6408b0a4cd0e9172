// Version alignment: which article (and paragraph, item) of the old text became which of the new.
import { collectArticles, collectUnits, compactText, type ArticleEntry, type ClauseUnit } from "./clause-text";
import { findPieceGroups } from "./split-merge";
import { alignSequences, type SequenceMatch } from "./sequence-align";
import { bigramProfile, dice, similarityMatrix, unionProfile, type BigramProfile } from "./similarity";
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

  const oldRows = new Map<number, AlignedRow>();
  const newRows = new Map<number, AlignedRow>();
  const inOrderOld = new Set<number>();
  const place = (row: AlignedRow, oldIndices: number[], newIndices: number[], inOrder: boolean) => {
    for (const i of oldIndices) {
      oldRows.set(i, row);
      if (inOrder) inOrderOld.add(i);
    }
    for (const j of newIndices) newRows.set(j, row);
  };

  for (const [oldIndex, pieces] of splits) {
    const group = pieces.map((j) => newArticles[j]);
    place(groupRow("split", [oldArticles[oldIndex]], group, oldProfiles[oldIndex], unionOf(pieces, newProfiles)), [oldIndex], pieces, true);
  }
  for (const [newIndex, pieces] of merges) {
    if (newRows.has(newIndex) || pieces.some((i) => oldRows.has(i))) continue;
    const group = pieces.map((i) => oldArticles[i]);
    place(groupRow("merged", group, [newArticles[newIndex]], unionOf(pieces, oldProfiles), newProfiles[newIndex]), pieces, [newIndex], true);
  }
  for (const match of matches) {
    if (oldRows.has(match.oldIndex) || newRows.has(match.newIndex)) continue;
    const row = pairRow(oldArticles[match.oldIndex], newArticles[match.newIndex], match, similarity(match.oldIndex, match.newIndex));
    place(row, [match.oldIndex], [match.newIndex], match.inOrder);
  }
  newArticles.forEach((entry, j) => {
    if (!newRows.has(j)) place(singleRow("added", entry), [], [j], true);
  });
  oldArticles.forEach((entry, i) => {
    if (!oldRows.has(i)) place(singleRow("deleted", entry), [i], [], true);
  });

  const rows = orderRows(oldArticles.length, columns, oldRows, newRows, inOrderOld);
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

function unionOf(indices: number[], profiles: BigramProfile[]): BigramProfile {
  return indices.slice(1).reduce((union, k) => unionProfile(union, profiles[k]), profiles[indices[0]]);
}

function sameLabel(a: LegalNode, b: LegalNode): boolean {
  return compactText(a.label) === compactText(b.label);
}

function pairRow(oldEntry: ArticleEntry, newEntry: ArticleEntry, match: SequenceMatch, similarity: number): AlignedRow {
  const textChanged = oldEntry.compact !== newEntry.compact;
  const status: AlignStatus = !match.inOrder ? "moved" : textChanged ? "modified" : "unchanged";
  return {
    kind: "article",
    status,
    old: [oldEntry.node],
    new: [newEntry.node],
    oldText: oldEntry.text,
    newText: newEntry.text,
    similarity,
    renumbered: !sameLabel(oldEntry.node, newEntry.node),
    textChanged,
    children: alignUnits(collectUnits(oldEntry.node), collectUnits(newEntry.node)),
  };
}

function groupRow(
  status: "split" | "merged",
  oldEntries: ArticleEntry[],
  newEntries: ArticleEntry[],
  oldProfile: BigramProfile,
  newProfile: BigramProfile,
): AlignedRow {
  return {
    kind: "article",
    status,
    old: oldEntries.map((entry) => entry.node),
    new: newEntries.map((entry) => entry.node),
    oldText: oldEntries.map((entry) => entry.text).join("\n"),
    newText: newEntries.map((entry) => entry.text).join("\n"),
    similarity: dice(oldProfile, newProfile),
    renumbered: false,
    textChanged: true,
    children: alignUnits(
      oldEntries.flatMap((entry) => collectUnits(entry.node)),
      newEntries.flatMap((entry) => collectUnits(entry.node)),
    ),
  };
}

function singleRow(status: "added" | "deleted", entry: ArticleEntry): AlignedRow {
  const units = collectUnits(entry.node);
  return {
    kind: "article",
    status,
    old: status === "deleted" ? [entry.node] : [],
    new: status === "added" ? [entry.node] : [],
    oldText: status === "deleted" ? entry.text : "",
    newText: status === "added" ? entry.text : "",
    similarity: 0,
    renumbered: false,
    textChanged: true,
    children: status === "deleted" ? alignUnits(units, []) : alignUnits([], units),
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
  const matches = alignSequences(oldUnits.length, newUnits.length, score, UNIT_THRESHOLDS);
  const oldRows = new Map<number, AlignedRow>();
  const newRows = new Map<number, AlignedRow>();
  const inOrderOld = new Set<number>();
  for (const match of matches) {
    const oldUnit = oldUnits[match.oldIndex];
    const newUnit = newUnits[match.newIndex];
    const textChanged = oldUnit.compact !== newUnit.compact;
    const row: AlignedRow = {
      kind: newUnit.kind,
      status: !match.inOrder ? "moved" : textChanged ? "modified" : "unchanged",
      old: [oldUnit.node],
      new: [newUnit.node],
      oldText: oldUnit.text,
      newText: newUnit.text,
      similarity: Math.min(1, match.score),
      renumbered: !sameLabel(oldUnit.node, newUnit.node),
      textChanged,
      children: [],
    };
    oldRows.set(match.oldIndex, row);
    newRows.set(match.newIndex, row);
    if (match.inOrder) inOrderOld.add(match.oldIndex);
  }
  const unitRow = (status: "added" | "deleted", unit: ClauseUnit): AlignedRow => ({
    kind: unit.kind,
    status,
    old: status === "deleted" ? [unit.node] : [],
    new: status === "added" ? [unit.node] : [],
    oldText: status === "deleted" ? unit.text : "",
    newText: status === "added" ? unit.text : "",
    similarity: 0,
    renumbered: false,
    textChanged: true,
    children: [],
  });
  newUnits.forEach((unit, j) => {
    if (!newRows.has(j)) newRows.set(j, unitRow("added", unit));
  });
  oldUnits.forEach((unit, i) => {
    if (!oldRows.has(i)) {
      oldRows.set(i, unitRow("deleted", unit));
      inOrderOld.add(i);
    }
  });
  return orderRows(oldUnits.length, newUnits.length, oldRows, newRows, inOrderOld);
}

/**
 * Rows in new-document order; a row holding only old clauses (deleted) follows the row of the nearest
 * preceding old clause that kept its order, so deletions show where they were.
 */
function orderRows(
  oldCount: number,
  newCount: number,
  oldRows: Map<number, AlignedRow>,
  newRows: Map<number, AlignedRow>,
  inOrderOld: Set<number>,
): AlignedRow[] {
  const ordered = new Set<AlignedRow>();
  for (let j = 0; j < newCount; j++) {
    const row = newRows.get(j);
    if (row) ordered.add(row);
  }
  const leading: AlignedRow[] = [];
  const following = new Map<AlignedRow, AlignedRow[]>();
  let anchor: AlignedRow | undefined;
  for (let i = 0; i < oldCount; i++) {
    const row = oldRows.get(i);
    if (!row) continue;
    if (row.new.length === 0) {
      if (anchor) following.set(anchor, [...(following.get(anchor) ?? []), row]);
      else leading.push(row);
    } else if (inOrderOld.has(i)) {
      anchor = row;
    }
  }
  const result = [...leading];
  for (const row of ordered) result.push(row, ...(following.get(row) ?? []));
  return result;
}
