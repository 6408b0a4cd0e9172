// The compiled report as the pages read it: FeedbackReport.content, the JSON export's document (see
// app/reports/report-document.ts). Pages never trust stored JSON blindly: a content that is not such a document (an
// older schema, a half-written row) reads as null and the page says so.
import { REPORT_SCHEMA, type ReportDocument } from "~/reports/report-document";

export type { ReportDocument, ReportItem, ReportSuggestion, RedlineSegment } from "~/reports/report-document";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The stored content as a report document, or null when it is not one (checked as far as the pages rely on it). */
export function readReportDocument(content: unknown): ReportDocument | null {
  if (!isObject(content) || content.schema !== REPORT_SCHEMA) return null;
  const { counts, items, contactPoint, draft, version } = content;
  if (!isObject(counts) || !Array.isArray(items) || !isObject(contactPoint) || !isObject(draft) || !isObject(version)) return null;
  const itemsOk = items.every(
    (item) => isObject(item) && typeof item.citation === "string" && Array.isArray(item.suggestions) && item.suggestions.every((s) => isObject(s) && Array.isArray(s.commentIds)),
  );
  return itemsOk ? (content as unknown as ReportDocument) : null;
}

/** How many distinct suggestions the report holds (rows of its table). */
export function suggestionCount(doc: ReportDocument): number {
  return doc.items.reduce((sum, item) => sum + item.suggestions.length, 0);
}
