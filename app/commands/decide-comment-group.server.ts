// Staff decide on a group of similar opinions the similarity search proposed: confirmed, the comments are merged
// (the one most people support is kept, "N 人提出"); split, the proposal is remembered so it is not made again
// (a new comment joining the group makes a new proposal). Either way the decision is recorded by the proposal's key.
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "~/models/audit-log.server";
import { proposalKeyOf } from "~/reports/similarity";
import { mergeComments } from "./merge-comments.server";
import { ReportRefusedError } from "./report-refused-error.server";

export type GroupDecision = "merged" | "split";

export async function decideCommentGroup(
  prisma: PrismaClient,
  { consultationId, commentIds, decision, userId }: { consultationId: string; commentIds: string[]; decision: GroupDecision; userId: string },
): Promise<{ proposalKey: string; merged?: { targetId: string; supporterCount: number } }> {
  const ids = [...new Set(commentIds)];
  if (ids.length < 2) throw new ReportRefusedError("一组相似意见至少有两条。", 400, `group decision on ${ids.length} comment(s)`);
  const proposalKey = proposalKeyOf(ids);
  const known = await prisma.comment.count({ where: { id: { in: ids }, consultationId } });
  if (known !== ids.length) {
    throw new ReportRefusedError("所选意见中有不属于本次征求意见的意见。", 404, `group decision: ${ids.length - known} of ${ids.length} comments not in consultation ${consultationId}`);
  }
  // Merging checks every comment is still active and locks them (merge-comments.server.ts); its refusals pass through.
  const merged = decision === "merged" ? await mergeComments(prisma, { consultationId, commentIds: ids, userId }) : undefined;
  await prisma.$transaction(async (tx) => {
    await tx.commentGroupDecision.upsert({
      where: { consultationId_proposalKey: { consultationId, proposalKey } },
      update: { decision, decidedById: userId },
      create: { consultationId, proposalKey, decision, decidedById: userId },
    });
    await recordAudit(tx, { userId, action: `comment-group.${decision}`, entityType: "Consultation", entityId: consultationId, detail: { proposalKey, commentIds: ids } });
  });
  return { proposalKey, merged: merged && { targetId: merged.targetId, supporterCount: merged.supporterCount } };
}
