// 已接收: the committee acknowledges a submitted report. Only the committee whose draft it is; a report that was
// never submitted reads as not found (the committee does not see a contact point's work in progress).
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "~/models/audit-log.server";
import { ReportRefusedError } from "./report-refused-error.server";

export interface ReceiveFeedbackReportProps {
  reportId: string;
  draftId: string;
  legislatureId: string;
  userId: string;
  now?: Date;
}

export async function receiveFeedbackReport(prisma: PrismaClient, { reportId, draftId, legislatureId, userId, now = new Date() }: ReceiveFeedbackReportProps) {
  return prisma.$transaction(async (tx) => {
    const report = await tx.feedbackReport.findFirst({
      where: { id: reportId, status: { in: ["submitted", "received"] }, consultation: { draftVersion: { draftId, draft: { legislatureId } } } },
      select: { id: true, version: true, status: true, consultationId: true, consultation: { select: { contactPoint: { select: { name: true } } } } },
    });
    if (!report) throw new ReportRefusedError("未找到该报送的汇总报告。", 404, `report ${reportId} not submitted in draft ${draftId} of legislature ${legislatureId}`);
    const { count } = await tx.feedbackReport.updateMany({
      where: { id: report.id, status: "submitted" },
      data: { status: "received", receivedAt: now, receivedById: userId },
    });
    if (count === 0) throw new ReportRefusedError("该汇总报告已经接收。", 409, `report ${reportId} already received`);
    await recordAudit(tx, {
      userId,
      action: "report.received",
      entityType: "FeedbackReport",
      entityId: report.id,
      detail: { consultationId: report.consultationId, version: report.version },
    });
    return { contactPoint: report.consultation.contactPoint.name, version: report.version };
  });
}
