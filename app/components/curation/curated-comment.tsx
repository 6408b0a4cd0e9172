// A comment in the curation list with what staff can do to it: edit (with its history), hide with a reason or show
// again, pick for merging, undo a merge. Each action is its own small form (works without JavaScript); merge
// checkboxes belong to the merge form elsewhere on the page through the form attribute.
import { Form, Link } from "@remix-run/react";
import type { CommentView } from "~/comments/present";
import { CommentCard } from "~/components/annotate/comment-card";

export const MERGE_FORM_ID = "merge-form";

export function CuratedComment({
  comment,
  original,
  revisionCount,
  detailHref,
  busy,
  mergeable = true,
}: {
  comment: CommentView;
  original?: string;
  revisionCount: number;
  detailHref: string;
  busy: boolean;
  /** Whether the page has the merge form the checkbox belongs to. */
  mergeable?: boolean;
}) {
  return (
    <CommentCard comment={comment} original={original} showStatus>
      <div className="curation-actions">
        {mergeable && comment.status === "active" ? (
          <label className="merge-pick">
            <input type="checkbox" name="commentIds" value={comment.id} form={MERGE_FORM_ID} /> 选择合并
          </label>
        ) : null}
        <Link to={detailHref}>修改{revisionCount > 0 ? `（已改 ${revisionCount} 次）` : ""}<span className="sr-only">此条意见</span></Link>
        {comment.status === "active" ? (
          <details className="hide-action">
            <summary>隐藏</summary>
            <Form method="post" className="inline-form" preventScrollReset>
              <input type="hidden" name="intent" value="hide" />
              <input type="hidden" name="commentId" value={comment.id} />
              <input name="hiddenReason" required maxLength={200} placeholder="隐藏理由，如：与草案无关" aria-label="隐藏理由" />
              <button type="submit" className="link-button" disabled={busy}>确认隐藏</button>
            </Form>
          </details>
        ) : null}
        {comment.status === "hidden" ? (
          <Form method="post" className="inline-form" preventScrollReset>
            <input type="hidden" name="intent" value="unhide" />
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" className="link-button" disabled={busy}>恢复显示</button>
          </Form>
        ) : null}
        {comment.status === "merged" && comment.mergedIntoId ? (
          <Form method="post" className="inline-form" preventScrollReset>
            <a href={`#comment-${comment.mergedIntoId}`}>已合并到另一条意见</a>
            <input type="hidden" name="intent" value="unmerge" />
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" className="link-button" disabled={busy}>取消合并</button>
          </Form>
        ) : null}
      </div>
    </CommentCard>
  );
}
