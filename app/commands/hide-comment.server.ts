// Staff hide a comment that does not belong in the report (abuse, spam, an empty test), with a reason that is
// logged; and show it again. Hidden comments stay stored and visible to staff in curation.
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "~/models/audit-log.server";
import { CommentRefusedError } from "./submit-comment.server";

interface Target {
  consultationId: string;
  commentId: string;
  userId: string;
}

async function refuseUnlessPresent(prisma: Pick<PrismaClient, "comment">, { consultationId, commentId }: Target, message: string): Promise<never> {
  const exists = await prisma.comment.findFirst({ where: { id: commentId, consultationId }, select: { status: true } });
  if (!exists) throw new CommentRefusedError("未找到该意见。", 404, `comment ${commentId} not in consultation ${consultationId}`);
  throw new CommentRefusedError(message, 409, `comment ${commentId} is ${exists.status}`);
}

export async function hideComment(prisma: PrismaClient, target: Target & { reason: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: target.commentId, consultationId: target.consultationId, status: "active" },
      data: { status: "hidden", hiddenReason: target.reason },
    });
    if (count === 0) await refuseUnlessPresent(tx, target, "只能隐藏状态为“已收到”的意见。");
    await recordAudit(tx, { userId: target.userId, action: "comment.hidden", entityType: "Comment", entityId: target.commentId, detail: { reason: target.reason } });
  });
}

export async function unhideComment(prisma: PrismaClient, target: Target): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: target.commentId, consultationId: target.consultationId, status: "hidden" },
      data: { status: "active", hiddenReason: null },
    });
    if (count === 0) await refuseUnlessPresent(tx, target, "该意见未被隐藏。");
    await recordAudit(tx, { userId: target.userId, action: "comment.unhidden", entityType: "Comment", entityId: target.commentId });
  });
}
