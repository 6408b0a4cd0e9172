// A horizontal bar chart drawn with SVG bars beside real text: labels and numbers are HTML, so they are read aloud,
// wrap on phones and grow at 200 % text size; the bars only show the proportions.
export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ title, bars, unit, id }: { title: string; bars: Bar[]; unit: string; id: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="bar-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="bar-chart-title">{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted small">暂无数据</p>
      ) : (
        <ul className="bar-rows">
          {bars.map((bar) => (
            <li key={bar.label} className="bar-row">
              <span className="bar-label">{bar.label}</span>
              <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect x="0" y="0" width="100" height="10" className="bar-track" />
                <rect x="0" y="0" width={(bar.value / max) * 100} height="10" className="bar-fill" />
              </svg>
              <span className="bar-value">{bar.value} {unit}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
