// One comment as it is read beside the draft and in curation: clause, type, who said it, the words it is about,
// the opinion, the suggested wording red-lined against the clause, the reason, how many people raised it.
import type { ReactNode } from "react";
import { COMMENT_KIND_LABELS, COMMENT_SOURCE_LABELS, COMMENT_STATUS_LABELS } from "~/comments/labels";
import type { CommentView } from "~/comments/present";
import { RedlineText } from "./redline-text";

/** In China time wherever server and browser are, so the server's HTML and the browser's render agree. */
export function formatTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function CommentCard({
  comment,
  original,
  showStatus = false,
  citationHref,
  children,
}: {
  comment: CommentView;
  /** The clause's text, for the red-line of the suggested wording. */
  original?: string;
  showStatus?: boolean;
  citationHref?: string;
  /** Staff's actions under the comment. */
  children?: ReactNode;
}) {
  return (
    <article className={`comment-card status-${comment.status}`} id={`comment-${comment.id}`} tabIndex={-1} aria-labelledby={`comment-${comment.id}-who`}>
      <header className="comment-meta">
        {citationHref ? <a href={citationHref} className="comment-citation">{comment.citation}</a> : <span className="comment-citation">{comment.citation}</span>}
        <span className="tag kind">{COMMENT_KIND_LABELS[comment.kind]}</span>
        <span className="tag">{COMMENT_SOURCE_LABELS[comment.source]}</span>
        {showStatus && comment.status !== "active" ? <span className={`tag status ${comment.status}`}>{COMMENT_STATUS_LABELS[comment.status]}</span> : null}
        {comment.supporterCount > 1 ? <span className="tag supporters">{comment.supporterCount} 人提出</span> : null}
      </header>
      <p className="comment-who" id={`comment-${comment.id}-who`}>
        {comment.who}
        {comment.enteredBy ? <span className="muted small"> · {comment.enteredBy}录入</span> : null}
        {comment.receivedBy ? <span className="muted small"> · 经{comment.receivedBy}代表二维码</span> : null}
        <span className="muted small"> · <time dateTime={comment.createdAt}>{formatTime(comment.createdAt)}</time></span>
      </p>
      {comment.quote ? <blockquote className="comment-quote">「{comment.quote.text}」</blockquote> : null}
      <p className="comment-body">{comment.body}</p>
      {comment.suggestedText ? (
        <div className="comment-suggestion">
          <span className="muted small">建议修改为：</span>
          {original ? <RedlineText original={original} suggested={comment.suggestedText} /> : <p className="redline">{comment.suggestedText}</p>}
        </div>
      ) : null}
      {comment.reason ? <p className="comment-reason"><span className="muted small">理由：</span>{comment.reason}</p> : null}
      {comment.status === "hidden" && comment.hiddenReason ? <p className="comment-hidden-reason small">隐藏理由：{comment.hiddenReason}</p> : null}
      {children}
    </article>
  );
}
