// 预览与修改: the source text (editable) beside the structure the parser finds in it, re-parsed in the browser a
// moment after each change, with counts (章 / 条 / 款 / 项) and the warnings to check. Without JavaScript the page
// shows the server's parse of the stored text and the textarea still posts.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { parseLegalText } from "~/legal/parse";
import type { ParsedDocument } from "~/legal/types";
import { countClauses, warningViews } from "./parse-summary";
import { ParsedPreview } from "./parsed-preview";
import { SourceEditor, type SourceEditorHandle } from "./source-editor";

/** Long enough to skip the parses of a word being typed, short enough to feel live (a 300-article text parses in ~20 ms). */
const PARSE_DELAY_MS = 250;

export function VersionWorkbench({ name, initialText, savedText, readOnly }: { name: string; initialText: string; savedText: string; readOnly?: boolean }) {
  const [text, setText] = useState(initialText);
  const [parsed, setParsed] = useState<{ text: string; doc: ParsedDocument }>(() => ({ text: initialText, doc: parseLegalText(initialText) }));
  const editor = useRef<SourceEditorHandle>(null);
  const preview = useRef<HTMLElement>(null);

  useEffect(() => {
    if (text === parsed.text) return;
    const timer = setTimeout(() => setParsed({ text, doc: parseLegalText(text) }), PARSE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, parsed.text]);

  const dirty = text.replace(/\r\n?/g, "\n") !== savedText;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const counts = useMemo(() => countClauses(parsed.doc), [parsed.doc]);
  const warnings = useMemo(() => warningViews(parsed.doc.warnings), [parsed.doc]);
  const warnLines = useMemo(() => new Set(warnings.map((w) => w.line)), [warnings]);
  const goToLine = useCallback((line: number) => {
    editor.current?.goToLine(line);
    // The clause at or just before that line, inside the preview's own scroll box (the page stays where it is).
    const candidates = [...(preview.current?.querySelectorAll<HTMLElement>("[data-line]") ?? [])];
    const target = candidates.filter((el) => Number(el.dataset.line) <= line).pop();
    if (target && preview.current) preview.current.scrollTop = target.offsetTop - 40;
  }, []);
  const pending = text !== parsed.text;

  return (
    <div className="workbench" data-parse-state={pending ? "pending" : "ready"}>
      <div className="workbench-status" aria-live="polite">
        <span className="count">章 <strong>{counts.chapters}</strong></span>
        {counts.sections ? <span className="count">节 <strong>{counts.sections}</strong></span> : null}
        <span className="count">条 <strong data-count="articles">{counts.articles}</strong></span>
        <span className="count">款 <strong>{counts.paragraphs}</strong></span>
        <span className="count">项 <strong>{counts.items}</strong></span>
        <span className={warnings.length ? "count warn" : "count ok"}>
          需检查 <strong data-count="warnings">{warnings.length}</strong> 处
        </span>
        {pending ? <span className="muted small">正在识别…</span> : null}
        {dirty && !readOnly ? <span className="tag warn">有未保存的修改</span> : null}
      </div>
      {counts.articles === 0 ? <p className="error" role="alert">没有识别出任何条文：每一条应以“第一条”“第二条”……开头。</p> : null}
      {warnings.length ? (
        <ul className="warning-list" aria-label="需要检查的地方">
          {warnings.map((w, i) => (
            <li key={i}>
              <button type="button" className="link-button" onClick={() => goToLine(w.line)}>第 {w.line} 行</button>
              <span>{w.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="workbench-columns">
        <section className="workbench-source" aria-labelledby="source-heading">
          <h2 id="source-heading">原文{readOnly ? "" : "（可直接修改）"}</h2>
          <SourceEditor ref={editor} name={name} label="草案原文" text={text} warnings={warnings} readOnly={readOnly} onChange={setText} />
        </section>
        <section className="workbench-structure" aria-labelledby="structure-heading">
          <h2 id="structure-heading">识别结果</h2>
          <ParsedPreview ref={preview} parsed={parsed.doc} warnLines={warnLines} onGoToLine={goToLine} />
        </section>
      </div>
    </div>
  );
}
