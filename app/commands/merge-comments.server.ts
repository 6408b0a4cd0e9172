// Staff merge duplicates: ten people who said the same thing become one comment that says "10 人提出". The merged
// ones keep their wording and who said it (status merged, mergedIntoId); the kept one counts every supporter once.
// Unmerging gives a comment back its own supporters. Each runs in one transaction with the rows locked, so two staff
// merging overlapping comments at once cannot count anyone twice.
import type { PrismaClient } from "~/utils/db.server";
import type { TransactionClient } from "~/utils/transaction.server";
import type { CommentStatus } from "~/generated/prisma/enums";
import { recordAudit } from "~/models/audit-log.server";
import { CommentRefusedError } from "./submit-comment.server";

interface LockedComment {
  id: string;
  status: CommentStatus;
  supporterCount: number;
  mergedIntoId: string | null;
  createdAt: Date;
}

async function lockComments(tx: TransactionClient, consultationId: string, ids: string[]): Promise<LockedComment[]> {
  return tx.$queryRaw<LockedComment[]>`
    SELECT id, status::text AS status, "supporterCount", "mergedIntoId", "createdAt"
    FROM "Comment" WHERE id = ANY(${ids}::text[]) AND "consultationId" = ${consultationId}
    ORDER BY id FOR UPDATE`;
}

/** The comment the others are merged into: the one most people support, the earliest of those. */
function chooseTarget(rows: LockedComment[]): LockedComment {
  return [...rows].sort((a, b) => b.supporterCount - a.supporterCount || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0];
}

export async function mergeComments(
  prisma: PrismaClient,
  { consultationId, commentIds, userId }: { consultationId: string; commentIds: string[]; userId: string },
): Promise<{ targetId: string; merged: number; supporterCount: number }> {
  const ids = [...new Set(commentIds)];
  if (ids.length < 2) throw new CommentRefusedError("请至少选择两条不同的意见进行合并。", 400, `merge of ${ids.length} distinct comment(s)`);
  return prisma.$transaction(async (tx) => {
    const rows = await lockComments(tx, consultationId, ids);
    if (rows.length !== ids.length) {
      // Ids of another consultation (of this contact point or another) read the same as ids that do not exist.
      throw new CommentRefusedError("所选意见中有不属于本次征求意见的意见，未作合并。", 404, `merge: ${ids.length - rows.length} of ${ids.length} comments not in consultation ${consultationId}`);
    }
    const notActive = rows.filter((r) => r.status !== "active");
    if (notActive.length > 0) {
      throw new CommentRefusedError("只能合并状态为“已收到”的意见，已合并或已隐藏的意见请先恢复。", 409, `merge: comments ${notActive.map((r) => `${r.id}(${r.status})`).join(", ")} not active`);
    }
    const target = chooseTarget(rows);
    const others = rows.filter((r) => r.id !== target.id);
    const supporterCount = rows.reduce((sum, r) => sum + r.supporterCount, 0);
    await tx.comment.updateMany({ where: { id: { in: others.map((r) => r.id) } }, data: { status: "merged", mergedIntoId: target.id } });
    await tx.comment.update({ where: { id: target.id }, data: { supporterCount } });
    await recordAudit(tx, { userId, action: "comment.merged", entityType: "Comment", entityId: target.id, detail: { merged: others.map((r) => r.id), supporterCount } });
    return { targetId: target.id, merged: others.length, supporterCount };
  });
}

/** Most links followed up a chain of merges (a merged comment's target merged in turn). */
const MAX_CHAIN = 1000;

export async function unmergeComment(
  prisma: PrismaClient,
  { consultationId, commentId, userId }: { consultationId: string; commentId: string; userId: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const [comment] = await lockComments(tx, consultationId, [commentId]);
    if (!comment) throw new CommentRefusedError("未找到该意见。", 404, `comment ${commentId} not in consultation ${consultationId}`);
    if (comment.status !== "merged" || !comment.mergedIntoId) throw new CommentRefusedError("该意见未被合并。", 409, `unmerge: comment ${commentId} is ${comment.status}`);
    // Every comment up the chain counted this one's supporters: each gives them back.
    const chain: string[] = [];
    for (let next: string | null = comment.mergedIntoId; next && chain.length < MAX_CHAIN; ) {
      chain.push(next);
      const [row] = await lockComments(tx, consultationId, [next]);
      next = row?.mergedIntoId ?? null;
    }
    await tx.comment.updateMany({ where: { id: { in: chain } }, data: { supporterCount: { decrement: comment.supporterCount } } });
    await tx.comment.update({ where: { id: commentId }, data: { status: "active", mergedIntoId: null } });
    await recordAudit(tx, { userId, action: "comment.unmerged", entityType: "Comment", entityId: commentId, detail: { from: comment.mergedIntoId } });
  });
}
