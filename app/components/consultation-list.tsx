import { Link } from "@remix-run/react";
import { daysLeft, daysLeftText, formatChinaDate } from "~/utils/china-time";

export interface ConsultationListRow {
  id: string;
  deadline: string;
  status: string;
  contactPoint: { name: string };
  draftVersion: { label: string; draft: { title: string } };
  _count: { comments: number; forums: number };
}

/** Dates are shown as the China calendar date, wherever the server runs. */
export const formatDate = formatChinaDate;
export { daysLeft };

export function DeadlineTag({ deadline }: { deadline: string }) {
  const left = daysLeft(deadline);
  if (left < 0) return <span className="tag">已截止</span>;
  return <span className={left <= 7 ? "tag warn" : "tag open"}>{daysLeftText(deadline)}</span>;
}

/** Consultations as a table; `showContactPoint` for users who see several contact points. */
export function ConsultationList({ rows, showContactPoint = false }: { rows: ConsultationListRow[]; showContactPoint?: boolean }) {
  if (rows.length === 0) return <p className="muted">暂无征求意见任务。</p>;
  return (
    <table className="list">
      <thead>
        <tr>
          <th>法规草案</th>
          {showContactPoint ? <th>联系点</th> : null}
          <th>截止日期</th>
          <th>座谈会</th>
          <th>意见</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/consultations/${c.id}`}>{c.draftVersion.draft.title}</Link>
              <span className="tag">{c.draftVersion.label}</span>
            </td>
            {showContactPoint ? <td>{c.contactPoint.name}</td> : null}
            <td>
              {formatDate(c.deadline)}
              <DeadlineTag deadline={c.deadline} />
            </td>
            <td>{c._count.forums} 场</td>
            <td>{c._count.comments} 条</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
