// 汇总: staff ask for their consultation's report to be compiled. A new version (1, 2, …) is created in state
// compiling and the worker's job is enqueued after the commit (app/jobs/tasks/compile-feedback-report.ts). One
// transaction with the consultation locked: two clicks at once give one version, and while a compile is under way
// asking again returns that one instead of starting another.
import type { PrismaClient } from "~/utils/db.server";
import { transaction } from "~/utils/transaction.server";
import { recordAudit } from "~/models/audit-log.server";
import { compileFeedbackReport } from "~/jobs/tasks/compile-feedback-report";

/** A compile still running after this long is taken as lost (e.g. the queue was down): asking again starts anew. */
export const STALE_COMPILE_MS = 10 * 60_000;

export interface StartedCompile {
  reportId: string;
  version: number;
  jobId: string;
  /** True when a compile was already under way and no new version was made. */
  alreadyRunning: boolean;
}

export async function startCompilingReport(
  prisma: PrismaClient,
  { consultationId, userId, now = new Date() }: { consultationId: string; userId: string; now?: Date },
): Promise<StartedCompile> {
  return transaction(prisma, async (tx, afterCommit) => {
    await tx.$queryRaw`SELECT id FROM "Consultation" WHERE id = ${consultationId} FOR UPDATE`;
    const latest = await tx.feedbackReport.findFirst({
      where: { consultationId },
      orderBy: { version: "desc" },
      select: { id: true, version: true, status: true, jobId: true, createdAt: true },
    });
    if (latest && (latest.status === "compiling" || latest.status === "draft") && now.getTime() - latest.createdAt.getTime() < STALE_COMPILE_MS) {
      return { reportId: latest.id, version: latest.version, jobId: latest.jobId ?? compileFeedbackReport.jobId!({ reportId: latest.id }), alreadyRunning: true };
    }
    const version = (latest?.version ?? 0) + 1;
    const created = await tx.feedbackReport.create({ data: { consultationId, version, status: "compiling", createdById: userId }, select: { id: true } });
    const jobId = compileFeedbackReport.jobId!({ reportId: created.id });
    await tx.feedbackReport.update({ where: { id: created.id }, data: { jobId } });
    await recordAudit(tx, { userId, action: "report.compile", entityType: "FeedbackReport", entityId: created.id, detail: { consultationId, version } });
    afterCommit.enqueue(compileFeedbackReport, { reportId: created.id });
    return { reportId: created.id, version, jobId, alreadyRunning: false };
  });
}
