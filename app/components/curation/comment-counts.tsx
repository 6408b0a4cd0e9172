// How many opinions came in by each way (人大代表 5 · 群众（网上） 12 · 电话 2 …) and, for staff, where they stand.
import type { CommentSource, CommentStatus } from "~/generated/prisma/enums";
import { COMMENT_SOURCE_LABELS, COMMENT_STATUS_LABELS } from "~/comments/labels";

const SOURCES = Object.keys(COMMENT_SOURCE_LABELS) as CommentSource[];
const STATUSES = Object.keys(COMMENT_STATUS_LABELS) as CommentStatus[];

export function CommentCounts({
  bySource,
  byStatus,
}: {
  bySource: Partial<Record<CommentSource, number>>;
  byStatus?: Partial<Record<CommentStatus, number>> | null;
}) {
  const sources = SOURCES.filter((s) => bySource[s]);
  const total = sources.reduce((sum, s) => sum + (bySource[s] ?? 0), 0);
  const statuses = byStatus ? STATUSES.filter((s) => byStatus[s]) : [];
  return (
    <div className="comment-counts small">
      <p>
        已收到意见 <strong>{total}</strong> 条
        {sources.length > 0 ? "：" : ""}
        {sources.map((s, i) => (
          <span key={s} className="count-item">
            {i > 0 ? " · " : ""}
            {COMMENT_SOURCE_LABELS[s]} {bySource[s]}
          </span>
        ))}
      </p>
      {statuses.length > 0 ? (
        <p className="muted">
          状态：
          {statuses.map((s, i) => (
            <span key={s} className="count-item">
              {i > 0 ? " · " : ""}
              {COMMENT_STATUS_LABELS[s]} {byStatus![s]}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
