// 报送: staff send the latest compiled report of their consultation to the committee. The row is frozen from then
// on (status submitted, who and when, the SHA-256 the compile job recorded); a later compile makes a new version and
// never touches it. One transaction with the consultation locked: two clicks, or a compile starting at the same
// moment, cannot submit twice or submit a report that is being replaced.
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "~/models/audit-log.server";
import { readReportDocument } from "~/components/report/report-document";
import { reportSha256 } from "~/reports/report-hash";
import { ReportRefusedError } from "./report-refused-error.server";

export interface SubmitFeedbackReportProps {
  consultationId: string;
  userId: string;
  now?: Date;
}

export async function submitFeedbackReport(prisma: PrismaClient, { consultationId, userId, now = new Date() }: SubmitFeedbackReportProps) {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Consultation" WHERE id = ${consultationId} FOR UPDATE`;
    const latest = await tx.feedbackReport.findFirst({
      where: { consultationId },
      orderBy: { version: "desc" },
      select: { id: true, version: true, status: true, content: true, fileSha256: true },
    });
    const refuse = (message: string, detail: string): never => {
      throw new ReportRefusedError(message, 409, `submit on consultation ${consultationId}: ${detail}`);
    };
    if (!latest) return refuse("还没有汇总报告，请先汇总意见，核对后再报送。", "no report compiled");
    switch (latest.status) {
      case "draft":
      case "compiling":
        return refuse(`第 ${latest.version} 版汇总报告正在生成，完成并核对后才能报送。`, `report v${latest.version} is ${latest.status}`);
      case "failed":
        return refuse(`第 ${latest.version} 版汇总失败，请重新汇总后再报送。`, `report v${latest.version} failed`);
      case "submitted":
      case "received":
        return refuse(`第 ${latest.version} 版汇总报告已经报送，不能重复报送。如需更正，请重新汇总后报送新版本。`, `report v${latest.version} already ${latest.status}`);
    }
    const document = readReportDocument(latest.content);
    if (!document || !latest.fileSha256) {
      return refuse("该版汇总报告内容不完整，请重新汇总后再报送。", `report v${latest.version} has no readable content or hash`);
    }
    // What is frozen is what was hashed: a content changed since compiling is not submitted under the old hash.
    if (reportSha256(document) !== latest.fileSha256) {
      return refuse("该版汇总报告的内容与其校验值不符，请重新汇总后再报送。", `report v${latest.version} content does not match its SHA-256`);
    }
    const { count } = await tx.feedbackReport.updateMany({
      where: { id: latest.id, status: "compiled" },
      data: { status: "submitted", submittedAt: now, submittedById: userId },
    });
    if (count === 0) refuse("该版汇总报告的状态已改变，请刷新页面后再试。", `report v${latest.version} changed concurrently`);
    await recordAudit(tx, {
      userId,
      action: "report.submitted",
      entityType: "FeedbackReport",
      entityId: latest.id,
      detail: { consultationId, version: latest.version, sha256: latest.fileSha256 },
    });
    return { reportId: latest.id, version: latest.version, sha256: latest.fileSha256 };
  });
}
