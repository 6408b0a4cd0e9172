// Compiles one consultation's opinions into the report document: 总体意见 first, then clause by clause in document
// order; each distinct suggestion once (merged comments with their target, comments identical after normalising
// together), with its red-line against the original, reasons, masked sources and how many people raised it.
// Pure and deterministic: the same input gives the same document (only generatedAt differs).
import type { CommentKind, CommentSource, CommentStatus } from "~/generated/prisma/enums";
import { GENERAL_CITATION } from "~/comments/labels";
import { compactText } from "~/legal/clause-text";
import { anchorTexts } from "~/components/annotate/clause-texts";
import type { StoredClause } from "~/legal/clause-rows";
import { clauseRedline } from "./redline-fast";
import { identityKey, normaliseForIdentity } from "./normalise";
import { personKey, sourceLabels, type SourceComment } from "./sources";
import { REPORT_SCHEMA, type ReportCounts, type ReportDocument, type ReportItem, type ReportSuggestion } from "./report-document";

export interface ReportComment extends SourceComment {
  clauseId: string | null;
  forumId: string | null;
  kind: CommentKind;
  status: CommentStatus;
  body: string;
  suggestedText: string | null;
  reason: string | null;
  anchor: unknown;
  supporterCount: number;
  mergedIntoId: string | null;
  createdAt: Date;
}

export interface ReportInput {
  consultation: { id: string; deadline: Date; createdAt: Date };
  contactPoint: { id: string; name: string };
  draft: { id: string; title: string };
  version: { id: string; label: string; versionNo: number };
  reportVersion: number;
  /** The version's clauses in document order. */
  clauses: StoredClause[];
  /** The consultation's comments (any status: hidden and withdrawn ones are left out here). */
  comments: ReportComment[];
  forums: Array<{ id: string; title: string; listedAttendees: number; attendeeCount: number }>;
}

export const ALL_SOURCES: CommentSource[] = ["forum", "deputy", "staff", "collector", "public", "phone", "paper", "wechat", "letter", "visit"];

/** Progress of a long compile, for the page's bar: called between stages and every few hundred clauses. */
export type CompileProgress = (done: number, total: number) => void;

const CHAPTER_KINDS = new Set(["chapter", "supplementary"]);
const OTHER_CLAUSES = "其他条款";
/** Longest chain of merges followed (a merged comment's target merged in turn). */
const MAX_CHAIN = 1000;

function byTimeThenId(a: ReportComment, b: ReportComment): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The active comment a comment counts towards (itself, or the end of its merge chain), or null if none. */
function rootsOf(comments: ReportComment[]): Map<string, ReportComment> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const roots = new Map<string, ReportComment>();
  for (const comment of comments) {
    let current: ReportComment | undefined = comment;
    for (let hops = 0; current && current.status === "merged" && hops < MAX_CHAIN; hops++) {
      current = current.mergedIntoId ? byId.get(current.mergedIntoId) : undefined;
    }
    if (current && current.status === "active") roots.set(comment.id, current);
  }
  return roots;
}

function quoteOf(anchor: unknown, original: string | null): string | null {
  const exact = (anchor as { quote?: { exact?: unknown } } | null)?.quote?.exact;
  if (typeof exact !== "string" || !exact.trim()) return null;
  return original !== null && compactText(exact) === compactText(original) ? null : exact;
}

/** Suggested wording left as the pre-filled copy of the clause says nothing: it is no suggestion. */
function effectiveSuggestion(suggested: string | null, original: string | null): string | null {
  const text = suggested?.trim() ?? "";
  if (!text) return null;
  if (original !== null && compactText(text) === compactText(original)) return null;
  return text;
}

interface Bucket {
  clauseId: string | null;
  roots: ReportComment[];
  members: ReportComment[];
  supporters: number;
  suggestedText: string | null;
}

function suggestionOf(bucket: Bucket, original: string | null): ReportSuggestion {
  // The one most people support stands for the others (as merging chooses), the earliest of those.
  const kept = [...bucket.roots].sort((a, b) => b.supporterCount - a.supporterCount || byTimeThenId(a, b))[0];
  const ordered = [...bucket.members].sort(byTimeThenId);
  const ids = [kept.id, ...ordered.filter((c) => c.id !== kept.id).map((c) => c.id)];
  const seenReasons = new Set<string>();
  const reasons: string[] = [];
  for (const comment of [kept, ...ordered]) {
    const reason = comment.reason?.trim();
    const key = normaliseForIdentity(reason);
    if (!reason || !key || seenReasons.has(key)) continue;
    seenReasons.add(key);
    reasons.push(reason);
  }
  const suggestedText = effectiveSuggestion(kept.suggestedText, original);
  let segments: ReportSuggestion["redline"] = null;
  if (suggestedText !== null && original !== null) segments = clauseRedline(original, suggestedText);
  else if (kept.kind === "delete" && original !== null) segments = [{ op: "delete", text: original }];
  return {
    commentIds: ids,
    kind: kept.kind,
    text: kept.body.trim(),
    suggestedText,
    redline: segments,
    reasons,
    sources: sourceLabels([kept, ...ordered.filter((c) => c.id !== kept.id)]),
    supporters: bucket.supporters,
    anchorQuote: quoteOf(kept.anchor, original),
  };
}

function chapterCounts(clauses: StoredClause[], included: ReportComment[], clauseIndex: Map<string, StoredClause>): ReportCounts["byChapter"] {
  const chapterOf = new Map<string, string | null>();
  const nameOf = (row: StoredClause) => `${row.label}${row.text ? ` ${row.text}` : ""}`.trim();
  const find = (id: string): string | null => {
    if (chapterOf.has(id)) return chapterOf.get(id)!;
    const row = clauseIndex.get(id);
    const result = !row ? null : CHAPTER_KINDS.has(row.kind) ? row.id : row.parentId ? find(row.parentId) : null;
    chapterOf.set(id, result);
    return result;
  };
  const counts = new Map<string | null, number>();
  let general = 0;
  for (const comment of included) {
    if (!comment.clauseId || !clauseIndex.has(comment.clauseId)) general++;
    else {
      const chapter = find(comment.clauseId);
      counts.set(chapter, (counts.get(chapter) ?? 0) + 1);
    }
  }
  const out = [{ chapter: GENERAL_CITATION, comments: general }];
  for (const row of clauses) if (CHAPTER_KINDS.has(row.kind)) out.push({ chapter: nameOf(row), comments: counts.get(row.id) ?? 0 });
  if (counts.get(null)) out.push({ chapter: OTHER_CLAUSES, comments: counts.get(null)! });
  return out;
}

function summaryOf(counts: ReportCounts, items: ReportItem[]): string {
  const general = items.find((i) => i.clauseId === null)?.suggestions.length ?? 0;
  const busiest = items
    .filter((i) => i.clauseId !== null)
    .map((i) => ({ citation: i.citation, people: i.suggestions.reduce((n, s) => n + s.supporters, 0) }))
    .sort((a, b) => b.people - a.people)
    .slice(0, 3)
    .filter((i) => i.people > 1);
  const parts = [
    `本次征求意见共收到意见建议 ${counts.comments} 条，来自 ${counts.people} 人，整理为 ${counts.suggestions} 条建议，涉及 ${counts.clauses} 个条款${general ? `，另有总体意见 ${general} 条` : ""}。`,
  ];
  if (counts.forums > 0) parts.push(`召开座谈会 ${counts.forums} 次，参加 ${counts.forumAttendees} 人。`);
  if (busiest.length > 0) parts.push(`意见较集中的条款：${busiest.map((b) => `${b.citation}（${b.people}人）`).join("、")}。`);
  if (counts.comments === 0) return "本次征求意见期间未收到意见建议。";
  return parts.join("");
}

export function compileReport(input: ReportInput, generatedAt: Date, progress?: CompileProgress): ReportDocument {
  const clauseIndex = new Map(input.clauses.map((c) => [c.id, c]));
  const originals = anchorTexts(input.clauses);
  const roots = rootsOf(input.comments);
  const included = input.comments.filter((c) => roots.has(c.id)).sort(byTimeThenId);

  // Comments on a clause the version does not have (cannot happen through the app) count as 总体意见.
  const clauseOf = (c: ReportComment) => (c.clauseId && clauseIndex.has(c.clauseId) ? c.clauseId : null);
  const buckets = new Map<string, Bucket>();
  const bucketOfRoot = new Map<string, Bucket>();
  for (const root of included.filter((c) => c.status === "active")) {
    const clauseId = clauseOf(root);
    const original = clauseId ? originals.get(clauseId) ?? null : null;
    const suggestedText = effectiveSuggestion(root.suggestedText, original);
    const key = identityKey({ clauseId, body: root.body, suggestedText });
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { clauseId, roots: [], members: [], supporters: 0, suggestedText }));
    bucket.roots.push(root);
    bucket.supporters += Math.max(1, root.supporterCount);
    bucketOfRoot.set(root.id, bucket);
  }
  for (const comment of included) bucketOfRoot.get(roots.get(comment.id)!.id)!.members.push(comment);

  const byClause = new Map<string | null, Bucket[]>();
  for (const bucket of buckets.values()) {
    const list = byClause.get(bucket.clauseId);
    if (list) list.push(bucket);
    else byClause.set(bucket.clauseId, [bucket]);
  }
  const order: Array<StoredClause | null> = [null, ...input.clauses];
  const items: ReportItem[] = [];
  let done = 0;
  for (const clause of order) {
    const list = byClause.get(clause?.id ?? null);
    if (!list) continue;
    const original = clause ? originals.get(clause.id) ?? null : null;
    const suggestions = list
      .map((bucket) => ({ suggestion: suggestionOf(bucket, original), first: [...bucket.roots].sort(byTimeThenId)[0] }))
      .sort((a, b) => b.suggestion.supporters - a.suggestion.supporters || byTimeThenId(a.first, b.first))
      .map((s) => s.suggestion);
    items.push({
      seq: items.length + 1,
      citation: clause ? clause.citation || clause.label : GENERAL_CITATION,
      clauseId: clause?.id ?? null,
      stableKey: clause?.stableKey ?? null,
      originalText: original,
      suggestions,
    });
    done += list.length;
    if (progress && items.length % 50 === 0) progress(done, buckets.size);
  }

  const bySource = Object.fromEntries(ALL_SOURCES.map((s) => [s, 0])) as Record<CommentSource, number>;
  for (const comment of included) bySource[comment.source]++;
  const counts: ReportCounts = {
    comments: included.length,
    people: new Set(included.map(personKey)).size,
    forums: input.forums.length,
    forumAttendees: input.forums.reduce((n, f) => n + f.listedAttendees + f.attendeeCount, 0),
    bySource,
    byChapter: chapterCounts(input.clauses, included, clauseIndex),
    suggestions: buckets.size,
    clauses: items.filter((i) => i.clauseId !== null).length,
  };

  const deadline = input.consultation.deadline;
  const first = included[0]?.createdAt ?? input.consultation.createdAt;
  const last = included[included.length - 1]?.createdAt;
  const to = last && last > deadline ? last : deadline;

  return {
    schema: REPORT_SCHEMA,
    consultation: { id: input.consultation.id, deadline: deadline.toISOString() },
    contactPoint: { id: input.contactPoint.id, name: input.contactPoint.name },
    draft: { id: input.draft.id, title: input.draft.title },
    version: { id: input.version.id, label: input.version.label, versionNo: input.version.versionNo },
    reportVersion: input.reportVersion,
    generatedAt: generatedAt.toISOString(),
    period: { from: first.toISOString(), to: to.toISOString() },
    counts,
    summary: summaryOf(counts, items),
    items,
  };
}
