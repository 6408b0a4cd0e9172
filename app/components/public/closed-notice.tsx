import { formatDeadline } from "~/utils/china-time";

/** Shown instead of the form once the consultation has closed. */
export function ClosedNotice({ deadline }: { deadline: string }) {
  return (
    <section className="card closed-notice" role="status">
      <h2>已截止</h2>
      <p>本次征求意见已于 {formatDeadline(deadline)}（北京时间）截止，不再接收新的意见。感谢您的关注。</p>
      <p>已提交意见的，可凭回执号 <a href="/r">查看办理情况</a>。</p>
    </section>
  );
}
