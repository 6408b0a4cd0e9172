// A resident rates how their opinion was handled (满意 / 基本满意 / 不满意) from /r/<回执号>, once the committee has
// answered it. One rating per comment: rating again replaces it (people change their minds when they read the new
// text), so the counts the contact point and the committee see always hold one rating per opinion.
import type { PrismaClient } from "~/utils/db.server";
import type { Satisfaction } from "~/generated/prisma/enums";
import { recordAudit } from "~/models/audit-log.server";
import { ReportRefusedError } from "./report-refused-error.server";

export async function rateSatisfaction(
  prisma: PrismaClient,
  { receiptNo, satisfaction, now = new Date() }: { receiptNo: string; satisfaction: Satisfaction; now?: Date },
): Promise<{ changed: boolean }> {
  const comment = await prisma.comment.findUnique({
    where: { receiptNo },
    select: { id: true, satisfaction: true, adoption: { select: { id: true } }, mergedInto: { select: { adoption: { select: { id: true } } } } },
  });
  if (!comment) throw new ReportRefusedError("没有找到这个回执号。", 404, `rating: no comment with receipt ${receiptNo}`);
  if (!comment.adoption && !comment.mergedInto?.adoption) {
    throw new ReportRefusedError("法工委答复后才能评价。", 409, `rating: comment ${comment.id} has no answer yet`);
  }
  if (comment.satisfaction === satisfaction) return { changed: false };
  await prisma.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: comment.id }, data: { satisfaction, satisfactionAt: now } });
    await recordAudit(tx, { userId: null, action: "comment.rated", entityType: "Comment", entityId: comment.id, detail: { from: comment.satisfaction, to: satisfaction } });
  });
  return { changed: true };
}
