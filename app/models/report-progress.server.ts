// Where a compile stands, as the report page's progress bar reads it: the report row's version and state with the
// job's percent and stage (app/reports/compile-progress.server.ts); the reason when it failed.
import type { FeedbackReportStatus } from "~/generated/prisma/enums";
import { readCompileProgress } from "~/reports/compile-progress.server";
import type { CompileProgressState } from "~/components/report/compile-progress";

export async function readReportProgress(report: { version: number; status: FeedbackReportStatus; jobId: string | null; error: string | null }): Promise<CompileProgressState> {
  if (report.status === "failed") return { version: report.version, status: report.status, percent: 0, stage: "汇总失败", error: report.error ?? "汇总失败，请重新汇总。" };
  const progress = await readCompileProgress(report);
  return { version: report.version, status: report.status, percent: progress.percent, stage: progress.failedAttempts > 0 ? `${progress.label}（第 ${progress.failedAttempts + 1} 次尝试）` : progress.label, error: null };
}
