// Staff correct a comment's wording (typos, a garbled phone transcription). The wording before the edit is kept as
// a CommentRevision, so what the person actually said is never lost.
import type { PrismaClient } from "~/utils/db.server";
import { recordAudit } from "~/models/audit-log.server";

export interface EditCommentProps {
  /** The consultation the route checked is in the editor's scope: the comment must belong to it. */
  consultationId: string;
  commentId: string;
  editorId: string;
  body: string;
  suggestedText?: string;
  reason?: string;
}

/** "edited", "unchanged" (nothing to keep), or null when the comment is not in the consultation. */
export async function editComment(prisma: PrismaClient, props: EditCommentProps): Promise<"edited" | "unchanged" | null> {
  return prisma.$transaction(async (tx) => {
    // Row lock: two staff editing at once each keep the wording the other replaced, one after the other.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "Comment" WHERE id = ${props.commentId} AND "consultationId" = ${props.consultationId} FOR UPDATE`;
    if (locked.length === 0) return null;
    const current = await tx.comment.findUniqueOrThrow({ where: { id: props.commentId }, select: { body: true, suggestedText: true, reason: true } });
    const next = { body: props.body, suggestedText: props.suggestedText ?? null, reason: props.reason ?? null };
    if (current.body === next.body && current.suggestedText === next.suggestedText && current.reason === next.reason) return "unchanged";
    await tx.commentRevision.create({ data: { commentId: props.commentId, ...current, editedById: props.editorId } });
    await tx.comment.update({ where: { id: props.commentId }, data: next });
    await recordAudit(tx, { userId: props.editorId, action: "comment.edited", entityType: "Comment", entityId: props.commentId });
    return "edited";
  });
}
