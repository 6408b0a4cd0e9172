// The outline (目录) of 编/章/节/条 with comment counts: a sidebar on wide screens, a drawer on phones. It is a
// <details> element, so it opens and closes without JavaScript; with JavaScript it starts open on wide screens and
// closes after a jump on narrow ones.
import { useEffect, useRef } from "react";
import type { OutlineEntry } from "./outline";

/** Wide enough for the sidebar beside the text (the same width as in reader.css). */
export const SIDEBAR_MEDIA = "(min-width: 960px)";

function countLabel(count: number) {
  return count > 0 ? (
    <span className="outline-count">
      {count}
      <span className="visually-hidden"> 条意见</span>
    </span>
  ) : null;
}

function Entries({ entries, showCounts }: { entries: OutlineEntry[]; showCounts: boolean }) {
  return (
    <ol>
      {entries.map((entry) => (
        <li key={entry.href} className={entry.kind === "heading" ? "outline-heading" : "outline-article"}>
          <a href={entry.href}>
            <span className="outline-label">{entry.label}</span>
            {entry.excerpt ? <span className="outline-excerpt">{entry.excerpt}</span> : null}
            {showCounts ? countLabel(entry.count) : null}
          </a>
          {entry.children.length ? <Entries entries={entry.children} showCounts={showCounts} /> : null}
        </li>
      ))}
    </ol>
  );
}

export function ReaderOutline({ entries, articleCount, showCounts }: { entries: OutlineEntry[]; articleCount: number; showCounts: boolean }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (details && window.matchMedia(SIDEBAR_MEDIA).matches) details.open = true;
  }, []);
  const closeOnPhone = (event: React.MouseEvent) => {
    if ((event.target as HTMLElement).closest("a") && ref.current && !window.matchMedia(SIDEBAR_MEDIA).matches) ref.current.open = false;
  };
  return (
    <details className="reader-outline" id="reader-outline" ref={ref}>
      <summary>
        目录<span className="muted small">（共 {articleCount} 条）</span>
      </summary>
      <nav aria-label="草案目录" onClick={closeOnPhone}>
        <Entries entries={entries} showCounts={showCounts} />
      </nav>
    </details>
  );
}

/** On phones, a small button back to the outline. */
export function ToOutlineButton() {
  const open = (event: React.MouseEvent<HTMLAnchorElement>) => {
    const details = document.getElementById("reader-outline") as HTMLDetailsElement | null;
    if (!details) return;
    event.preventDefault();
    details.open = true;
    details.scrollIntoView({ block: "start" });
    details.querySelector("summary")?.focus();
  };
  return (
    <a href="#reader-outline" className="to-outline" onClick={open}>
      目录
    </a>
  );
}
