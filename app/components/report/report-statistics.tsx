// The report's statistics as charts: who took part, forums, opinions per chapter and per source.
import { COMMENT_SOURCE_LABELS } from "~/comments/labels";
import type { CommentSource } from "~/generated/prisma/enums";
import type { ReportDocument } from "./report-document";
import { BarChart } from "./bar-chart";

export function ReportStatistics({ doc }: { doc: ReportDocument }) {
  const { counts } = doc;
  const bySource = (Object.keys(COMMENT_SOURCE_LABELS) as CommentSource[])
    .filter((source) => (counts.bySource[source] ?? 0) > 0)
    .map((source) => ({ label: COMMENT_SOURCE_LABELS[source], value: counts.bySource[source] ?? 0 }));
  const byChapter = counts.byChapter.map((c) => ({ label: c.chapter, value: c.comments }));
  return (
    <section className="card report-statistics" aria-labelledby="statistics-heading">
      <h2 id="statistics-heading">统计</h2>
      <dl className="report-figures">
        <div><dt>意见</dt><dd>{counts.comments} 条</dd></div>
        <div><dt>参与人数</dt><dd>{counts.people} 人</dd></div>
        <div><dt>座谈会</dt><dd>{counts.forums} 场</dd></div>
        <div><dt>座谈会参加</dt><dd>{counts.forumAttendees} 人次</dd></div>
        <div><dt>汇总后建议</dt><dd>{counts.suggestions} 条</dd></div>
      </dl>
      <div className="chart-grid">
        <BarChart id="chart-chapters" title="各章意见数" bars={byChapter} unit="条" />
        <BarChart id="chart-sources" title="意见来源" bars={bySource} unit="条" />
      </div>
    </section>
  );
}
