// The compiled report as the committee will read it: the cover (contact point, draft and version, period, counts,
// summary), then the 意见建议汇总表 — 序号 / 条款 / 草案原文 / 修改意见 (with the red-line) / 理由 / 提出人. Long reports
// are previewed in part; the downloads hold everything. On phones each row becomes a card.
import { COMMENT_KIND_LABELS } from "~/comments/labels";
import { formatChinaDate, formatChinaTime } from "~/utils/china-time";
import type { ReportDocument, ReportItem } from "./report-document";
import { RedlineSegments } from "./redline-segments";

/** Most suggestions rendered in the page. */
export const PREVIEW_LIMIT = 200;

function previewItems(items: ReportItem[]): { items: ReportItem[]; shown: number } {
  const out: ReportItem[] = [];
  let shown = 0;
  for (const item of items) {
    if (shown >= PREVIEW_LIMIT) break;
    const suggestions = item.suggestions.slice(0, PREVIEW_LIMIT - shown);
    shown += suggestions.length;
    out.push({ ...item, suggestions });
  }
  return { items: out, shown };
}

export function ReportCover({ doc }: { doc: ReportDocument }) {
  return (
    <div className="report-cover">
      <p className="report-cover-title">《{doc.draft.title.replace(/^《|》$/g, "")}》{doc.version.label}</p>
      <p className="report-cover-sub">意见建议汇总表</p>
      <dl className="report-facts">
        <div><dt>联系点</dt><dd>{doc.contactPoint.name}</dd></div>
        <div><dt>征求意见期间</dt><dd>{formatChinaDate(doc.period.from)} 至 {formatChinaDate(doc.period.to)}</dd></div>
        <div><dt>汇总版本</dt><dd>第 {doc.reportVersion} 版，{formatChinaTime(doc.generatedAt)} 生成</dd></div>
        <div><dt>意见</dt><dd>{doc.counts.comments} 条，{doc.counts.people} 人提出，汇总为 {doc.counts.suggestions} 条建议</dd></div>
      </dl>
      {doc.summary ? <p className="report-summary">{doc.summary}</p> : null}
    </div>
  );
}

export function ReportTable({ doc }: { doc: ReportDocument }) {
  const { items, shown } = previewItems(doc.items);
  const total = doc.counts.suggestions;
  if (total === 0) return <p className="muted">本次汇总没有意见。</p>;
  return (
    <>
      {shown < total ? <p className="muted small">页面预览前 {shown} 条建议（共 {total} 条），完整内容请下载。</p> : null}
      <div className="report-table-wrap">
        <table className="report-table">
          <caption className="sr-only">意见建议汇总表</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">条款</th>
              <th scope="col">草案原文</th>
              <th scope="col">修改意见</th>
              <th scope="col">理由</th>
              <th scope="col">提出人</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) =>
              item.suggestions.map((s, i) => (
                <tr key={`${item.seq}-${i}`} className={i === 0 ? "item-first" : "item-more"}>
                  {i === 0 ? (
                    <>
                      <td rowSpan={item.suggestions.length} data-label="序号">{item.seq}</td>
                      <td rowSpan={item.suggestions.length} data-label="条款" className="report-citation">{item.citation}</td>
                      <td rowSpan={item.suggestions.length} data-label="草案原文" className="report-original">{item.originalText ?? "—"}</td>
                    </>
                  ) : null}
                  <td data-label="修改意见">
                    <span className="tag kind">{COMMENT_KIND_LABELS[s.kind]}</span>
                    <p className="report-opinion">{s.text}</p>
                    {s.suggestedText ? (
                      <div className="report-suggested">
                        <span className="muted small">建议修改为：</span>
                        {s.redline ? <RedlineSegments segments={s.redline} /> : <p className="redline">{s.suggestedText}</p>}
                      </div>
                    ) : null}
                  </td>
                  <td data-label="理由">{s.reasons.length ? s.reasons.map((r, j) => <p key={j}>{r}</p>) : <span className="muted">—</span>}</td>
                  <td data-label="提出人">
                    {s.sources.join("；")}
                    {s.supporters > 1 ? <span className="tag supporters">{s.supporters} 人提出</span> : null}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
