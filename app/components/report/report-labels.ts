// Words users see for a report's state, for staff and for the committee.
import type { FeedbackReportStatus } from "~/generated/prisma/enums";

export const REPORT_STATUS_LABELS: Record<FeedbackReportStatus, string> = {
  draft: "待生成",
  compiling: "正在生成",
  compiled: "已生成，待报送",
  failed: "生成失败",
  submitted: "已报送",
  received: "法工委已接收",
};

/** The committee's column: 未报送 / 已报送 / 已接收. */
export function incomingStatusLabel(status: FeedbackReportStatus | null): string {
  if (status === "received") return "已接收";
  if (status === "submitted") return "已报送";
  return "未报送";
}

/** The export formats, in the order offered. */
export const REPORT_FORMATS = [
  { ext: "docx", label: "Word（DOCX）" },
  { ext: "pdf", label: "PDF" },
  { ext: "xlsx", label: "Excel（XLSX）" },
  { ext: "csv", label: "CSV" },
  { ext: "json", label: "JSON" },
] as const;
