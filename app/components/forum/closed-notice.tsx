// What a closed forum says at the top: closed by whom and when, read-only, and where its comments went.
import { Link } from "@remix-run/react";
import { formatChinaTime } from "~/utils/china-time";

export function ClosedNotice({
  forum,
  consultationId,
  staff,
  justClosed,
}: {
  forum: { closedAt: string | null; closedBy: string | null; commentCount: number };
  consultationId: string;
  staff: boolean;
  justClosed: boolean;
}) {
  const comments = staff ? `/consultations/${consultationId}/comments?source=forum` : `/consultations/${consultationId}#received-heading`;
  return (
    <div className="notice forum-closed" role="status">
      <strong>座谈会已结束</strong>
      {forum.closedAt ? `（${forum.closedBy ?? ""}于 ${formatChinaTime(forum.closedAt)} 结束）` : null}。记录和意见卡片已变为只读。
      {forum.commentCount > 0 ? (
        <>
          {justClosed ? "意见卡片已转为" : "已转为"} <Link to={comments}>{forum.commentCount} 条意见</Link>。
        </>
      ) : (
        "没有填写了意见的卡片，未生成意见。"
      )}
    </div>
  );
}
