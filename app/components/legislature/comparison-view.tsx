// The 修改对照表 as a page shows it: old text and new text in two aligned columns, deletions struck in the old,
// insertions underlined in the new, and the 说明 column. On phones each row becomes a card (原条文 / 修改后 / 说明).
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import type { DiffSegment } from "~/legal/types";
import { countForLabel } from "~/components/adoption/suggestion-count";

export interface ComparisonRowView {
  kind: string;
  status: string;
  old: { label: string; text: string } | null;
  new: { label: string; text: string } | null;
  segments: DiffSegment[];
  note: string;
}

const HEADING_KINDS = new Set(["part", "subpart", "chapter", "section", "supplementary"]);

/** Rows that say something: changed, added, deleted, moved, or renumbered. */
export function isChangedRow(row: ComparisonRowView): boolean {
  return row.status !== "unchanged" || row.note !== "";
}

export interface ComparisonCounts {
  modified: number;
  added: number;
  deleted: number;
  moved: number;
  renumbered: number;
}

/** Counts of the clause rows (heading rows are not counted: a renamed chapter is not a changed article). */
export function countChanges(rows: ComparisonRowView[]): ComparisonCounts {
  const counts: ComparisonCounts = { modified: 0, added: 0, deleted: 0, moved: 0, renumbered: 0 };
  for (const row of rows) {
    if (HEADING_KINDS.has(row.kind)) continue;
    if (row.status === "modified" || row.status === "split" || row.status === "merged") counts.modified += 1;
    else if (row.status === "added") counts.added += 1;
    else if (row.status === "deleted") counts.deleted += 1;
    else if (row.status === "moved") counts.moved += 1;
    else if (row.note) counts.renumbered += 1;
  }
  return counts;
}

/** One side's text: equal segments plain, the side's own changes marked. */
function sideText(segments: DiffSegment[], side: "old" | "new"): ReactNode[] {
  const own = side === "old" ? "delete" : "insert";
  const other = side === "old" ? "insert" : "delete";
  return segments
    .filter((s) => s.op !== other)
    .map((s, i) => (s.op === own ? (side === "old" ? <del key={i}>{s.text}</del> : <ins key={i}>{s.text}</ins>) : s.text));
}

/** The first citation of a side's label ("第五条、第六条" for a split row): where its link points. */
export function firstCitation(label: string): string {
  return label.split("、")[0];
}

function Side({ row, side, href, label }: { row: ComparisonRowView; side: "old" | "new"; href?: string; label: string }) {
  const content = row[side];
  if (!content) return <td className="comparison-side empty" data-label={label}><span className="muted">{side === "old" ? "（新增）" : "（删除）"}</span></td>;
  const heading = HEADING_KINDS.has(row.kind);
  const title = href ? <Link to={href}>{content.label}</Link> : content.label;
  return (
    <td className="comparison-side" data-label={label}>
      <div className={heading ? "comparison-text heading" : "comparison-text"}>
        <span className="comparison-label">{title}</span>
        {heading ? "　" : " "}
        {sideText(row.segments, side)}
      </div>
    </td>
  );
}

export interface ComparisonViewProps {
  rows: ComparisonRowView[];
  fromLabel: string;
  toLabel: string;
  showAll: boolean;
  /** Where a side's article can be read, by its citation (第十二条); undefined when there is no such page. */
  hrefOld?: (citation: string) => string | undefined;
  hrefNew?: (citation: string) => string | undefined;
  /** For the committee: suggestions received per article of the old version (a 收到意见 column). */
  suggestionCounts?: Record<string, number>;
}

export function ComparisonView({ rows, fromLabel, toLabel, showAll, hrefOld, hrefNew, suggestionCounts }: ComparisonViewProps) {
  const shown = showAll ? rows : rows.filter(isChangedRow);
  const link = (row: ComparisonRowView, side: "old" | "new") => {
    const content = row[side];
    if (!content || HEADING_KINDS.has(row.kind)) return undefined;
    return (side === "old" ? hrefOld : hrefNew)?.(firstCitation(content.label));
  };
  if (shown.length === 0) return <p className="muted">两个版本的条文没有变化。</p>;
  return (
    <table className="comparison">
      <caption className="comparison-caption">修改对照表：{fromLabel}与{toLabel}</caption>
      <thead>
        <tr>
          <th scope="col">{fromLabel}</th>
          <th scope="col">{toLabel}</th>
          <th scope="col" className="comparison-note-head">说明</th>
          {suggestionCounts ? <th scope="col" className="comparison-count-head">收到意见</th> : null}
        </tr>
      </thead>
      <tbody>
        {shown.map((row, i) => (
          <tr key={i} className={`comparison-row ${row.status}${HEADING_KINDS.has(row.kind) ? " heading-row" : ""}`}>
            <Side row={row} side="old" href={link(row, "old")} label={fromLabel} />
            <Side row={row} side="new" href={link(row, "new")} label={toLabel} />
            <td className="comparison-note" data-label="说明">{row.note || <span className="muted">未修改</span>}</td>
            {suggestionCounts ? (
              <td className="comparison-count" data-label="收到意见">{HEADING_KINDS.has(row.kind) || !row.old ? "" : `${countForLabel(suggestionCounts, row.old.label)} 条`}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
