// The source text of a version in a textarea with line numbers, the parser's warnings highlighted at their lines.
// A backdrop behind the (transparent) textarea holds the same text, line by line, wrapped exactly like the
// textarea's, and sizes the textarea: line numbers and highlights stay beside their lines however long they wrap.
import { forwardRef, memo, useImperativeHandle, useRef } from "react";
import type { WarningView } from "./parse-summary";

export interface SourceEditorHandle {
  /** Selects line `line` (1-based) in the textarea and scrolls it into view. */
  goToLine(line: number): void;
}

const BackdropLine = memo(function BackdropLine({ n, text, warning }: { n: number; text: string; warning?: string }) {
  return (
    <div className={warning ? "source-line warn" : "source-line"} data-line={n} title={warning}>
      {/* An empty line still takes a line's height, as in the textarea. */}
      {text === "" ? "\u200b" : text}
    </div>
  );
});

export interface SourceEditorProps {
  name: string;
  label: string;
  text: string;
  warnings: WarningView[];
  readOnly?: boolean;
  onChange?: (text: string) => void;
}

export const SourceEditor = forwardRef<SourceEditorHandle, SourceEditorProps>(function SourceEditor({ name, label, text, warnings, readOnly, onChange }, ref) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const scrollBox = useRef<HTMLDivElement>(null);
  const lines = text.split("\n");
  const byLine = new Map<number, string>();
  for (const w of warnings) byLine.set(w.line, byLine.has(w.line) ? `${byLine.get(w.line)} ${w.message}` : w.message);


  useImperativeHandle(ref, () => ({
    goToLine(line: number) {
      const area = textarea.current;
      if (!area) return;
      const all = area.value.split("\n");
      const index = Math.min(Math.max(line, 1), all.length) - 1;
      const start = all.slice(0, index).reduce((n, l) => n + l.length + 1, 0);
      area.focus({ preventScroll: true });
      area.setSelectionRange(start, start + all[index].length);
      // Scrolls the editor's own box to the line, then brings the box into view if the page hides it.
      const lineElement = backdrop.current?.querySelector<HTMLElement>(`[data-line="${index + 1}"]`);
      const scroller = scrollBox.current;
      if (lineElement && scroller) {
        scroller.scrollTop = lineElement.offsetTop - scroller.clientHeight / 3;
        scroller.scrollIntoView({ block: "nearest" });
      }
    },
  }));

  return (
    <div className="source-editor" ref={scrollBox}>
      <div className="source-sheet">
        <div className="source-backdrop" ref={backdrop} aria-hidden="true">
          {lines.map((l, i) => <BackdropLine key={i} n={i + 1} text={l} warning={byLine.get(i + 1)} />)}
        </div>
        <textarea
          ref={textarea}
          className="source-input"
          name={name}
          aria-label={label}
          value={text}
          readOnly={readOnly}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onChange?.(event.currentTarget.value)}
          // The textarea is as tall as the backdrop; should a new line scroll it inside itself before the backdrop
          // grows, it is put back, or its lines would slide away from their numbers.
          onScroll={(event) => {
            if (event.currentTarget.scrollTop !== 0) event.currentTarget.scrollTop = 0;
          }}
        />
      </div>
    </div>
  );
});
