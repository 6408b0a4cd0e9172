// The committee's aggregate: the submitted reports of one draft version merged, clause by clause in document order.
// The same suggestion from several contact points is one row saying which contact points raised it; similar ones of
// the same clause stand together. Built from the frozen report documents, so it says exactly what was submitted.
// Pure and deterministic.
import { GENERAL_CITATION } from "~/comments/labels";
import type { CommentSource } from "~/generated/prisma/enums";
import { ALL_SOURCES } from "./compile";
import { identityKey, normaliseForIdentity } from "./normalise";
import { proposeGroups } from "./similarity";
import {
  AGGREGATE_SCHEMA,
  type AggregateDocument,
  type AggregateItem,
  type AggregateSuggestion,
  type ReportCounts,
  type ReportDocument,
} from "./report-document";

export interface SubmittedReport {
  consultationId: string;
  contactPoint: { id: string; name: string };
  reportVersion: number;
  fileSha256: string;
  status: "submitted" | "received";
  submittedAt: Date | null;
  document: ReportDocument;
}

export interface AggregateInput {
  legislature: { id: string; name: string };
  draft: { id: string; title: string };
  version: { id: string; label: string; versionNo: number };
  /** The version's clause ids in document order. */
  clauseOrder: string[];
  reports: SubmittedReport[];
  notSubmitted: Array<{ id: string; name: string }>;
}

interface ItemBuilder {
  item: Omit<AggregateItem, "suggestions" | "seq">;
  suggestions: Map<string, { suggestion: AggregateSuggestion; reasonKeys: Set<string> }>;
}

function mergeCounts(reports: SubmittedReport[], suggestions: number, clauses: number): ReportCounts {
  const bySource = Object.fromEntries(ALL_SOURCES.map((s) => [s, 0])) as Record<CommentSource, number>;
  const chapters = new Map<string, number>();
  let comments = 0;
  let people = 0;
  let forums = 0;
  let forumAttendees = 0;
  for (const { document } of reports) {
    const c = document.counts;
    comments += c.comments;
    people += c.people;
    forums += c.forums;
    forumAttendees += c.forumAttendees;
    for (const source of ALL_SOURCES) bySource[source] += c.bySource[source] ?? 0;
    for (const { chapter, comments: n } of c.byChapter) chapters.set(chapter, (chapters.get(chapter) ?? 0) + n);
  }
  if (!chapters.has(GENERAL_CITATION)) chapters.set(GENERAL_CITATION, 0);
  const byChapter = [...chapters].map(([chapter, n]) => ({ chapter, comments: n }));
  byChapter.sort((a, b) => Number(b.chapter === GENERAL_CITATION) - Number(a.chapter === GENERAL_CITATION));
  return { comments, people, forums, forumAttendees, bySource, byChapter, suggestions, clauses };
}

/**
 * Similar suggestions of each clause side by side: one similarity search over every clause's suggestions, then in
 * each clause clusters ordered by their people, and suggestions within a cluster by theirs. Numbers the clusters.
 */
function clusterAndOrder(builders: ItemBuilder[]): AggregateSuggestion[][] {
  const lists = builders.map((b) => [...b.suggestions.values()].map((v) => v.suggestion));
  const flat: Array<{ id: string; clauseId: string | null; body: string; suggestedText: string | null }> = [];
  const originals = new Map<string, string>();
  lists.forEach((list, item) => {
    const { clauseId, originalText } = builders[item].item;
    if (clauseId && originalText) originals.set(clauseId, originalText);
    list.forEach((s, index) => flat.push({ id: `${item}:${index}`, clauseId: clauseId ?? `general`, body: s.text, suggestedText: s.suggestedText }));
  });
  const clusterOf = new Map<string, number>();
  proposeGroups(flat, { originalTexts: originals }).forEach((group, n) => group.commentIds.forEach((id) => clusterOf.set(id, n)));
  const people = (list: AggregateSuggestion[]) => list.reduce((n, s) => n + s.supporters, 0);
  return lists.map((list, item) => {
    const clusters = new Map<string, AggregateSuggestion[]>();
    list.forEach((s, index) => {
      const n = clusterOf.get(`${item}:${index}`);
      const key = n === undefined ? `s${index}` : `c${n}`;
      const members = clusters.get(key);
      if (members) members.push(s);
      else clusters.set(key, [s]);
    });
    const ordered = [...clusters.values()].map((members) => members.sort((a, b) => b.supporters - a.supporters));
    ordered.sort((a, b) => people(b) - people(a));
    let next = 0;
    return ordered.flatMap((members) => {
      const cluster = members.length > 1 ? ++next : null;
      for (const s of members) s.cluster = cluster;
      return members;
    });
  });
}

export function aggregateReports(input: AggregateInput, generatedAt: Date): AggregateDocument {
  const reports = [...input.reports].sort((a, b) => a.contactPoint.name.localeCompare(b.contactPoint.name, "zh-CN") || a.consultationId.localeCompare(b.consultationId));
  const builders = new Map<string, ItemBuilder>();
  for (const report of reports) {
    const contactPoint = report.contactPoint.name;
    for (const item of report.document.items) {
      const itemKey = item.clauseId ?? "";
      let builder = builders.get(itemKey);
      if (!builder) {
        const { seq: _seq, suggestions: _s, ...rest } = item;
        builders.set(itemKey, (builder = { item: rest, suggestions: new Map() }));
      }
      for (const s of item.suggestions) {
        const key = identityKey({ clauseId: item.clauseId, body: s.text, suggestedText: s.suggestedText });
        const found = builder.suggestions.get(key);
        const sources = s.sources.length > 0 ? [`${contactPoint}：${s.sources.join("；")}`] : [contactPoint];
        if (!found) {
          builder.suggestions.set(key, {
            suggestion: { ...s, commentIds: [...s.commentIds], reasons: [...s.reasons], sources, contactPoints: [contactPoint], cluster: null },
            reasonKeys: new Set(s.reasons.map(normaliseForIdentity)),
          });
          continue;
        }
        const merged = found.suggestion;
        merged.commentIds.push(...s.commentIds);
        merged.supporters += s.supporters;
        merged.sources.push(...sources);
        if (!merged.contactPoints.includes(contactPoint)) merged.contactPoints.push(contactPoint);
        for (const reason of s.reasons) {
          const k = normaliseForIdentity(reason);
          if (!found.reasonKeys.has(k)) {
            found.reasonKeys.add(k);
            merged.reasons.push(reason);
          }
        }
      }
    }
  }

  const position = new Map(input.clauseOrder.map((id, index) => [id, index]));
  const keys = [...builders.keys()].sort((a, b) => {
    if (a === "" || b === "") return a === "" ? (b === "" ? 0 : -1) : 1;
    const [pa, pb] = [position.get(a) ?? Number.MAX_SAFE_INTEGER, position.get(b) ?? Number.MAX_SAFE_INTEGER];
    return pa - pb || a.localeCompare(b);
  });
  const ordered = keys.map((key) => builders.get(key)!);
  const suggestionLists = clusterAndOrder(ordered);
  const items: AggregateItem[] = ordered.map((builder, index) => ({ seq: index + 1, ...builder.item, suggestions: suggestionLists[index] }));

  const suggestionCount = items.reduce((n, i) => n + i.suggestions.length, 0);
  const counts = mergeCounts(reports, suggestionCount, items.filter((i) => i.clauseId !== null).length);
  const froms = reports.map((r) => r.document.period.from).sort();
  const tos = reports.map((r) => r.document.period.to).sort();
  const busiest = items
    .filter((i) => i.clauseId !== null)
    .map((i) => ({ citation: i.citation, points: new Set(i.suggestions.flatMap((s) => s.contactPoints)).size, people: i.suggestions.reduce((n, s) => n + s.supporters, 0) }))
    .sort((a, b) => b.points - a.points || b.people - a.people)
    .slice(0, 3)
    .filter((i) => i.people > 1);
  const consulted = reports.length + input.notSubmitted.length;
  const summary =
    reports.length === 0
      ? "尚无联系点报送意见汇总报告。"
      : `征求意见的 ${consulted} 个基层立法联系点中已有 ${reports.length} 个报送汇总报告，共收到意见建议 ${counts.comments} 条，来自 ${counts.people} 人，整理为 ${counts.suggestions} 条建议，涉及 ${counts.clauses} 个条款。` +
        (counts.forums > 0 ? `各联系点召开座谈会 ${counts.forums} 次，参加 ${counts.forumAttendees} 人。` : "") +
        (busiest.length > 0 ? `意见较集中的条款：${busiest.map((b) => `${b.citation}（${b.points}个联系点，${b.people}人）`).join("、")}。` : "");

  return {
    schema: AGGREGATE_SCHEMA,
    legislature: input.legislature,
    draft: input.draft,
    version: input.version,
    generatedAt: generatedAt.toISOString(),
    reports: reports.map((r) => ({
      consultationId: r.consultationId,
      contactPoint: r.contactPoint,
      reportVersion: r.reportVersion,
      fileSha256: r.fileSha256,
      status: r.status,
      submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
    })),
    notSubmitted: [...input.notSubmitted].sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    period: froms.length > 0 ? { from: froms[0], to: tos[tos.length - 1] } : null,
    counts,
    summary,
    items,
  };
}
