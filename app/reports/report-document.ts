// The compiled feedback report (意见建议汇总表) as one JSON document: FeedbackReport.content, the JSON export, and the
// source of every other export and page. The committee's aggregate across contact points has the same item shape,
// each suggestion also saying which contact points raised it. Pure types; runs in the browser too.
import type { CommentKind, CommentSource } from "~/generated/prisma/enums";

export const REPORT_SCHEMA = "lifa.feedback-report/1";
export const AGGREGATE_SCHEMA = "lifa.feedback-aggregate/1";

export interface RedlineSegment {
  op: "equal" | "insert" | "delete";
  text: string;
}

export interface ReportSuggestion {
  /** The comments this suggestion stands for: the kept one first, then merged / grouped / identical ones. */
  commentIds: string[];
  kind: CommentKind;
  /** The opinion, as the first (kept) comment words it. */
  text: string;
  suggestedText: string | null;
  /** suggestedText against the clause's original text; null without suggested wording or original text. */
  redline: RedlineSegment[] | null;
  /** Distinct reasons given, in order. */
  reasons: string[];
  /** Who raised it, residents masked: 代表 王代表, 联络员 陈联络, 座谈会（3人）, 居民 张**（138****1234）. */
  sources: string[];
  /** How many people raised it. */
  supporters: number;
  /** The words of the clause the comment was about, when it quoted some. */
  anchorQuote: string | null;
}

export interface ReportItem {
  /** 1.. in order: 总体意见 first, then clause by clause in document order. */
  seq: number;
  /** 总体意见, or the citation as in the draft: 第十二条第二款. */
  citation: string;
  /** Clause row id (of the version consulted); null for 总体意见. */
  clauseId: string | null;
  stableKey: string | null;
  /** The clause's text with its paragraphs and items (anchorText); null for 总体意见. */
  originalText: string | null;
  suggestions: ReportSuggestion[];
}

export interface ReportCounts {
  /** Comments the report stands for (kept and merged ones; hidden and withdrawn ones are left out). */
  comments: number;
  /** Distinct people who gave them (a deputy or staff member once; a resident by phone, else by name). */
  people: number;
  forums: number;
  /** People at the forums: listed attendees plus those counted without names. */
  forumAttendees: number;
  bySource: Record<CommentSource, number>;
  /** 总体意见 first, then every chapter in document order (zeros included, for charts). */
  byChapter: Array<{ chapter: string; comments: number }>;
  /** Suggestions (rows of the 汇总表) and the clauses they concern. */
  suggestions: number;
  clauses: number;
}

export interface ReportDocument {
  schema: typeof REPORT_SCHEMA;
  consultation: { id: string; deadline: string };
  contactPoint: { id: string; name: string };
  draft: { id: string; title: string };
  version: { id: string; label: string; versionNo: number };
  /** FeedbackReport.version. Not part of the hashed canonical form (see report-hash.ts). */
  reportVersion: number;
  /** ISO time of compiling. Not part of the hashed canonical form. */
  generatedAt: string;
  /** First comment .. the deadline (or the last comment, when staff entered some after the deadline). */
  period: { from: string; to: string };
  counts: ReportCounts;
  summary: string;
  items: ReportItem[];
}

/** A suggestion of the committee's aggregate: which contact points raised it. */
export interface AggregateSuggestion extends ReportSuggestion {
  /** The contact points that raised it (their reports' sources are prefixed with the contact point's name). */
  contactPoints: string[];
  /** Similar suggestions of the same clause share a number (1, 2, … within the clause) and stand together; null alone. */
  cluster: number | null;
}

export interface AggregateItem extends Omit<ReportItem, "suggestions"> {
  suggestions: AggregateSuggestion[];
}

export interface AggregateDocument {
  schema: typeof AGGREGATE_SCHEMA;
  legislature: { id: string; name: string };
  draft: { id: string; title: string };
  version: { id: string; label: string; versionNo: number };
  generatedAt: string;
  /** The submitted reports merged, one per contact point. */
  reports: Array<{
    consultationId: string;
    contactPoint: { id: string; name: string };
    reportVersion: number;
    fileSha256: string;
    status: "submitted" | "received";
    submittedAt: string | null;
  }>;
  /** Contact points consulted on this version that have not submitted a report. */
  notSubmitted: Array<{ id: string; name: string }>;
  period: { from: string; to: string } | null;
  counts: ReportCounts;
  summary: string;
  items: AggregateItem[];
}
