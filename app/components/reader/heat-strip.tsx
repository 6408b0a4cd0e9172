// Where opinions concentrate: one cell per article, darker for more comments, each a link to its article.
// A vertical bar beside the text on wide screens, a horizontal one above it on phones. The outline carries the
// same counts as text, so the strip is hidden from screen readers and kept out of the tab order.
import type { HeatCell } from "./outline";

export function HeatStrip({ cells }: { cells: HeatCell[] }) {
  if (cells.length === 0) return null;
  return (
    <div className="heat-strip" aria-hidden="true">
      <div className="heat-caption">意见分布：颜色越深，意见越多</div>
      <div className="heat-cells">
        {cells.map((cell) => (
          <a
            key={cell.href}
            href={cell.href}
            tabIndex={-1}
            className={`heat-cell heat-${cell.level}`}
            title={`${cell.label}：${cell.count} 条意见`}
            data-count={cell.count}
          >
            <span className="heat-label">{cell.label}</span>
          </a>
        ))}
      </div>
    </div>
  );
}
