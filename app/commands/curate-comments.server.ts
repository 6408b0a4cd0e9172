// Staff curation as posted from the curation list and a comment's own page: hide / unhide, merge / unmerge, edit.
// Validates the intent's fields and calls the command; the caller has checked the user is staff and the
// consultation is theirs (every command is bound to the consultation's id). Entering a new opinion is not here: it
// is a new comment and goes through submitComment.
import { z } from "zod";
import type { PrismaClient } from "~/utils/db.server";
import { quoteForLog } from "~/utils/log.server";
import { fieldErrors } from "~/comments/input";
import { EditFields, HideFields, MergeFields } from "~/comments/annotation-input";
import { CommentRefusedError } from "./submit-comment.server";
import { editComment } from "./edit-comment.server";
import { hideComment, unhideComment } from "./hide-comment.server";
import { mergeComments, unmergeComment } from "./merge-comments.server";

export type CurationResult =
  | { ok: true; message: string; commentId: string }
  | { ok: false; status: number; message: string; errors: Record<string, string> };

const CommentId = z.string().min(1, "未选择意见").max(64).regex(/^[A-Za-z0-9_-]+$/, "意见编号无效");

function refused(status: number, message: string, errors: Record<string, string> = {}): CurationResult {
  return { ok: false, status, message, errors };
}

/** Runs one curation intent from a posted form. */
export async function curateComments(
  prisma: PrismaClient,
  { consultationId, userId, form }: { consultationId: string; userId: string; form: FormData },
): Promise<CurationResult> {
  const intent = form.get("intent");
  const commentId = CommentId.safeParse(form.get("commentId") ?? "");
  const target = commentId.success ? { consultationId, commentId: commentId.data, userId } : null;
  try {
    switch (intent) {
      case "hide": {
        const fields = HideFields.safeParse({ hiddenReason: form.get("hiddenReason") ?? "" });
        if (!fields.success) return refused(400, fieldErrors(fields.error).hiddenReason ?? "请填写隐藏的理由", fieldErrors(fields.error));
        if (!target) return refused(400, "未选择意见。");
        await hideComment(prisma, { ...target, reason: fields.data.hiddenReason });
        return { ok: true, message: "已隐藏该意见，理由已记录。", commentId: target.commentId };
      }
      case "unhide": {
        if (!target) return refused(400, "未选择意见。");
        await unhideComment(prisma, target);
        return { ok: true, message: "已恢复显示该意见。", commentId: target.commentId };
      }
      case "merge": {
        const fields = MergeFields.safeParse({ commentIds: form.getAll("commentIds") });
        if (!fields.success) return refused(400, fields.error.issues[0]?.message ?? "所选意见无效。");
        const merged = await mergeComments(prisma, { consultationId, commentIds: fields.data.commentIds, userId });
        return { ok: true, message: `已将 ${merged.merged + 1} 条意见合并为一条（${merged.supporterCount} 人提出）。`, commentId: merged.targetId };
      }
      case "unmerge": {
        if (!target) return refused(400, "未选择意见。");
        await unmergeComment(prisma, target);
        return { ok: true, message: "已取消合并，该意见恢复为单独一条。", commentId: target.commentId };
      }
      case "edit": {
        const fields = EditFields.safeParse({
          body: form.get("body") ?? undefined,
          suggestedText: form.get("suggestedText") ?? undefined,
          reason: form.get("reason") ?? undefined,
        });
        if (!fields.success) return refused(400, "请检查填写的内容。", fieldErrors(fields.error));
        if (!target) return refused(400, "未选择意见。");
        const edited = await editComment(prisma, { ...target, editorId: userId, ...fields.data });
        if (edited === null) return refused(404, "未找到该意见。");
        return { ok: true, message: edited === "edited" ? "已保存修改，原文已存入修改记录。" : "内容没有变化，未作修改。", commentId: target.commentId };
      }
      default:
        console.warn(`curation: unknown intent ${quoteForLog(intent)} on consultation ${consultationId}`);
        return refused(400, "无法识别的操作。");
    }
  } catch (error) {
    if (error instanceof CommentRefusedError) {
      console.warn(`curation ${quoteForLog(intent)} refused (${error.status}) on consultation ${consultationId}: ${error.message}`);
      return refused(error.status, error.userMessage);
    }
    throw error;
  }
}
