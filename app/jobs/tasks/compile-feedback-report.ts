// Compiles a FeedbackReport row (created by app/commands/compile-feedback-report.server.ts) into its document:
// reads the consultation's opinions, groups and orders them (app/reports/compile.ts), hashes the canonical form and
// stores content, fileSha256, status compiled and compiledAt. Idempotent: a report already compiled (or submitted,
// or given up) is left alone, and compiling the same opinions again gives the same SHA-256. Progress (percent and
// stage) goes to the Bull job for the report page's bar.
import type { Prisma } from "~/generated/prisma/client";
import { getEnv } from "~/utils/env.server";
import { loadReportInput } from "~/reports/report-input.server";
import { compileReport } from "~/reports/compile";
import { reportSha256 } from "~/reports/report-hash";
import { COMPILE_STAGE_LABELS, type CompileStage } from "~/reports/compile-stages";
import { defineTask, type TaskContext } from "../task";

/** Rows the job may still write: those not compiled yet. */
const PENDING = ["draft", "compiling"] as const;

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export const compileFeedbackReport = defineTask<{ reportId: string }>({
  name: "compile-feedback-report",
  jobId: ({ reportId }) => `compile-feedback-report:${reportId}`,

  async perform({ reportId }, ctx) {
    const { prisma, log } = ctx;
    const delay = getEnv().REPORT_COMPILE_STAGE_DELAY_MS;
    const stage = async (name: CompileStage, percent: number) => {
      await ctx.progress?.({ percent, stage: name, label: COMPILE_STAGE_LABELS[name] });
      await pause(delay);
    };

    const report = await prisma.feedbackReport.findUnique({ where: { id: reportId }, select: { id: true, status: true, consultationId: true, version: true } });
    if (!report) {
      log(`compile-feedback-report: report ${reportId} no longer exists; nothing to do`);
      return { skipped: "missing" };
    }
    if (!(PENDING as readonly string[]).includes(report.status)) {
      log(`compile-feedback-report: report ${reportId} is ${report.status}; nothing to do`);
      return { skipped: report.status };
    }

    await stage("loading", 5);
    const input = await loadReportInput(prisma, { consultationId: report.consultationId, reportVersion: report.version });
    if (!input) return { skipped: "missing" };

    await stage("grouping", 30);
    const document = compileReport(input, new Date());
    await stage("hashing", 80);
    const fileSha256 = reportSha256(document);

    await stage("saving", 90);
    const { count } = await prisma.feedbackReport.updateMany({
      where: { id: reportId, status: { in: [...PENDING] } },
      data: { content: document as unknown as Prisma.InputJsonValue, fileSha256, status: "compiled", compiledAt: new Date(), error: null },
    });
    await ctx.progress?.({ percent: 100, stage: "done", label: COMPILE_STAGE_LABELS.done });
    log(`compile-feedback-report: report ${reportId} (v${report.version}) compiled: ${document.counts.comments} comments, ${document.counts.suggestions} suggestions, sha256 ${fileSha256}${count === 0 ? " (already written)" : ""}`);
    return { fileSha256, suggestions: document.counts.suggestions };
  },

  async onFinalFailure({ reportId }, error, { prisma }: TaskContext) {
    await prisma.feedbackReport.updateMany({
      where: { id: reportId, status: { in: [...PENDING] } },
      data: { status: "failed", error: `汇总报告编制失败：${error.message}`.slice(0, 2000) },
    });
  },
});
