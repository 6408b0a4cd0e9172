// A 修改对照表 page's body: which two versions (a GET form, works without JavaScript), counts of the changes,
// all rows or only the changed ones, and the table. "尚无新版本" while the draft has a single version.
import { Form, Link } from "@remix-run/react";
import { ComparisonView, countChanges, type ComparisonRowView } from "./comparison-view";

export interface ComparedVersion {
  id: string;
  label: string;
  versionNo: number;
  publishedAt: string | null;
}

export interface ComparisonPanelProps {
  versions: ComparedVersion[];
  pair: { fromId: string; toId: string } | null;
  rows: ComparisonRowView[];
  showAll: boolean;
  hrefOld?: (versionId: string, citation: string) => string | undefined;
  hrefNew?: (versionId: string, citation: string) => string | undefined;
  /** Suggestions received per article of the old version (the committee's 收到意见 column). */
  suggestionCounts?: Record<string, number>;
}

export function versionName(v: ComparedVersion): string {
  return `${v.label}（第 ${v.versionNo} 版${v.publishedAt ? "" : "，未发布"}）`;
}

export function ComparisonPanel({ versions, pair, rows, showAll, hrefOld, hrefNew, suggestionCounts }: ComparisonPanelProps) {
  if (!pair) {
    return (
      <div className="card">
        <p><strong>尚无新版本。</strong></p>
        <p className="muted">该草案目前只有一个版本。发布新版本（如二审稿）后，这里将显示新旧条文的修改对照表。</p>
      </div>
    );
  }
  const from = versions.find((v) => v.id === pair.fromId)!;
  const to = versions.find((v) => v.id === pair.toId)!;
  const counts = countChanges(rows);
  const query = (all: boolean) => `?from=${encodeURIComponent(pair.fromId)}&to=${encodeURIComponent(pair.toId)}${all ? "&all=1" : ""}`;
  return (
    <>
      <Form method="get" className="card comparison-controls">
        <label>
          <span>原版本</span>
          <select name="from" defaultValue={pair.fromId}>
            {versions.map((v) => <option key={v.id} value={v.id}>{versionName(v)}</option>)}
          </select>
        </label>
        <label>
          <span>新版本</span>
          <select name="to" defaultValue={pair.toId}>
            {versions.map((v) => <option key={v.id} value={v.id}>{versionName(v)}</option>)}
          </select>
        </label>
        {showAll ? <input type="hidden" name="all" value="1" /> : null}
        <button type="submit" className="button secondary">比较</button>
      </Form>
      <p className="comparison-summary" aria-live="polite">
        {from.label} → {to.label}：修改 {counts.modified} 条，新增 {counts.added} 条，删除 {counts.deleted} 条
        {counts.moved ? `，移动 ${counts.moved} 条` : ""}
        {counts.renumbered ? `，仅条序调整 ${counts.renumbered} 条` : ""}。
        {" "}
        {showAll ? <Link to={query(false)}>只看修改的条文</Link> : <Link to={query(true)}>显示全部条文</Link>}
      </p>
      <p className="muted small comparison-legend">
        <del>删除的文字</del> 在原条文中划去，<ins>增加的文字</ins> 在修改后的条文中加下划线。
      </p>
      <ComparisonView
        rows={rows}
        fromLabel={from.label}
        toLabel={to.label}
        showAll={showAll}
        hrefOld={hrefOld && ((citation) => hrefOld(from.id, citation))}
        hrefNew={hrefNew && ((citation) => hrefNew(to.id, citation))}
        suggestionCounts={suggestionCounts}
      />
    </>
  );
}
