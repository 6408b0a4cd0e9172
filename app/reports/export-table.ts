// What every export file shows, whatever its format: the cover (who, what, when, how many) and the 意见建议汇总表,
// one row per suggestion, grouped by clause. A contact point's report and the committee's aggregate both become
// this, so DOCX, XLSX, PDF and CSV say the same thing. Pure.
import { COMMENT_KIND_LABELS, COMMENT_SOURCE_LABELS } from "~/comments/labels";
import { formatChinaDate, formatChinaTime } from "~/utils/china-time";
import type { AggregateDocument, RedlineSegment, ReportCounts, ReportDocument, ReportSuggestion } from "./report-document";
import { ALL_SOURCES } from "./compile";

export interface ExportRow {
  /** 序号: running number of the suggestion in the table. */
  no: number;
  kindLabel: string;
  opinion: string;
  suggestedText: string | null;
  redline: RedlineSegment[] | null;
  anchorQuote: string | null;
  reasons: string[];
  sources: string[];
  supporters: number;
  /** Aggregate only: the contact points that raised it. */
  contactPoints: string[] | null;
  /** Aggregate only: similar suggestions of the clause share a number. */
  cluster: number | null;
}

export interface ExportGroup {
  citation: string;
  /** The clause's text, or null for 总体意见. */
  originalText: string | null;
  rows: ExportRow[];
}

export interface ExportTable {
  aggregate: boolean;
  /** 《…》意见建议汇总表 */
  title: string;
  /** Who made it: the contact point, or the committee for the aggregate. */
  subtitle: string;
  cover: Array<[string, string]>;
  bySource: Array<[string, number]>;
  byChapter: Array<[string, number]>;
  summary: string;
  /** ISO time the document was compiled, used as the date of Word's tracked changes. */
  generatedAt: string;
  /** Author of Word's tracked changes. */
  changeAuthor: string;
  groups: ExportGroup[];
  /** Short file name stem (Chinese), without extension. */
  fileStem: string;
}

export const TABLE_COLUMNS = ["序号", "条款", "草案原文", "修改意见（建议修改为）", "理由", "提出人（来源）"] as const;

function bySource(counts: ReportCounts): Array<[string, number]> {
  return ALL_SOURCES.filter((s) => (counts.bySource[s] ?? 0) > 0).map((s) => [COMMENT_SOURCE_LABELS[s], counts.bySource[s]]);
}

function countsLine(counts: ReportCounts): string {
  return `${counts.comments} 条（${counts.people} 人），整理为 ${counts.suggestions} 条建议，涉及 ${counts.clauses} 个条款`;
}

function rowOf(no: number, s: ReportSuggestion & { contactPoints?: string[]; cluster?: number | null }): ExportRow {
  return {
    no,
    kindLabel: COMMENT_KIND_LABELS[s.kind] ?? s.kind,
    opinion: s.text,
    suggestedText: s.suggestedText,
    redline: s.redline,
    anchorQuote: s.anchorQuote,
    reasons: s.reasons,
    sources: s.sources,
    supporters: s.supporters,
    contactPoints: s.contactPoints ?? null,
    cluster: s.cluster ?? null,
  };
}

function groupsOf(items: Array<{ citation: string; originalText: string | null; suggestions: Array<ReportSuggestion & { contactPoints?: string[]; cluster?: number | null }> }>): ExportGroup[] {
  let no = 0;
  return items.map((item) => ({ citation: item.citation, originalText: item.originalText, rows: item.suggestions.map((s) => rowOf(++no, s)) }));
}

const safeStem = (text: string) => text.replace(/[\\/:*?"<>|\s《》]+/g, "").slice(0, 60);

export function reportTable(doc: ReportDocument, sha256: string | null): ExportTable {
  const cover: Array<[string, string]> = [
    ["基层立法联系点", doc.contactPoint.name],
    ["法规草案", `《${doc.draft.title}》`],
    ["草案版本", doc.version.label],
    ["征求意见期间", `${formatChinaDate(doc.period.from)}至${formatChinaDate(doc.period.to)}`],
    ["收到意见建议", countsLine(doc.counts)],
    ["座谈会", doc.counts.forums > 0 ? `${doc.counts.forums} 次，参加 ${doc.counts.forumAttendees} 人` : "无"],
    ["汇总报告版本", `第 ${doc.reportVersion} 版，${formatChinaTime(doc.generatedAt)} 生成`],
  ];
  if (sha256) cover.push(["内容校验值（SHA-256）", sha256]);
  return {
    aggregate: false,
    title: `《${doc.draft.title}》意见建议汇总表`,
    subtitle: doc.contactPoint.name,
    cover,
    bySource: bySource(doc.counts),
    byChapter: doc.counts.byChapter.map((c) => [c.chapter, c.comments]),
    summary: doc.summary,
    generatedAt: doc.generatedAt,
    changeAuthor: doc.contactPoint.name,
    groups: groupsOf(doc.items),
    fileStem: `意见建议汇总表-${safeStem(doc.contactPoint.name)}-${safeStem(doc.draft.title)}-${safeStem(doc.version.label)}-第${doc.reportVersion}版`,
  };
}

export function aggregateTable(doc: AggregateDocument): ExportTable {
  const cover: Array<[string, string]> = [
    ["法规草案", `《${doc.draft.title}》`],
    ["草案版本", doc.version.label],
    ["汇总单位", doc.legislature.name],
    ["已报送的联系点", doc.reports.length > 0 ? doc.reports.map((r) => `${r.contactPoint.name}（第 ${r.reportVersion} 版）`).join("；") : "无"],
    ["尚未报送的联系点", doc.notSubmitted.length > 0 ? doc.notSubmitted.map((c) => c.name).join("；") : "无"],
    ["征求意见期间", doc.period ? `${formatChinaDate(doc.period.from)}至${formatChinaDate(doc.period.to)}` : "—"],
    ["收到意见建议", countsLine(doc.counts)],
    ["座谈会", doc.counts.forums > 0 ? `${doc.counts.forums} 次，参加 ${doc.counts.forumAttendees} 人` : "无"],
    ["生成时间", formatChinaTime(doc.generatedAt)],
  ];
  for (const r of doc.reports) cover.push([`${r.contactPoint.name} 报告校验值`, r.fileSha256]);
  return {
    aggregate: true,
    title: `《${doc.draft.title}》意见建议汇总表（各联系点汇总）`,
    subtitle: doc.legislature.name,
    cover,
    bySource: bySource(doc.counts),
    byChapter: doc.counts.byChapter.map((c) => [c.chapter, c.comments]),
    summary: doc.summary,
    generatedAt: doc.generatedAt,
    changeAuthor: doc.legislature.name,
    groups: groupsOf(doc.items),
    fileStem: `意见建议汇总表-${safeStem(doc.draft.title)}-${safeStem(doc.version.label)}-各联系点汇总`,
  };
}

/** 提出人 cell text: sources one per line, then how many people raised it. */
export function sourcesText(row: ExportRow): string {
  const lines = [...row.sources];
  if (row.supporters > 1) lines.push(`（共 ${row.supporters} 人提出）`);
  return lines.join("\n");
}

export function reasonsText(row: ExportRow): string {
  return row.reasons.join("\n");
}

/** Aggregate: similar suggestions of a clause are marked as one group. */
export function clusterNote(row: ExportRow): string | null {
  return row.cluster !== null ? `（相近意见第 ${row.cluster} 组）` : null;
}

/** 修改意见 as plain text: [类型] opinion, the quoted words, and the suggested wording with [-删-]{+增+} marks. */
export function opinionText(row: ExportRow, marks: (segments: NonNullable<ExportRow["redline"]>) => string): string {
  const lines = [`【${row.kindLabel}】${row.opinion}`];
  if (row.anchorQuote) lines.push(`（针对“${row.anchorQuote}”）`);
  if (row.redline && row.redline.length > 0) lines.push(`${row.suggestedText !== null ? "建议修改为" : "建议删除"}：${marks(row.redline)}`);
  else if (row.suggestedText) lines.push(`建议修改为：${row.suggestedText}`);
  const note = clusterNote(row);
  if (note) lines.push(note);
  return lines.join("\n");
}
