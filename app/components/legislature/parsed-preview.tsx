// The parsed structure of a text being corrected, drawn as the regulation will look (chapters centred, 第X条 bold,
// items on their own lines), each article with its source line to jump to; clauses at a warning's line are marked.
// Elements carry data-line (their source line) so the workbench can show the clause of a line it jumps to.
import { forwardRef, memo, type ReactNode } from "react";
import type { LegalNode, ParsedDocument } from "~/legal/types";

const HEADING_KINDS = new Set(["part", "subpart", "chapter", "section", "supplementary", "annex"]);

interface Context {
  warnLines: Set<number>;
  onGoToLine?: (line: number) => void;
}

function LineButton({ line, context }: { line: number; context: Context }) {
  if (!context.onGoToLine) return <span className="preview-line muted">第 {line} 行</span>;
  return (
    <button type="button" className="preview-line link-button" onClick={() => context.onGoToLine?.(line)} aria-label={`转到原文第 ${line} 行`}>
      第 {line} 行
    </button>
  );
}

function marked(node: LegalNode, context: Context, base: string): string {
  return context.warnLines.has(node.line) ? `${base} has-warning` : base;
}

function renderNode(node: LegalNode, context: Context, key: string): ReactNode {
  const children = (nodes: LegalNode[]) => nodes.map((child, i) => renderNode(child, context, `${key}.${i}`));
  if (node.kind === "title" || node.kind === "toc" || node.kind === "document") return null;
  if (HEADING_KINDS.has(node.kind)) {
    return (
      <section key={key}>
        <h3 className={marked(node, context, node.kind === "section" ? "section" : "chapter")} data-line={node.line}>{[node.label, node.text].filter(Boolean).join("　")}</h3>
        {children(node.children)}
      </section>
    );
  }
  if (node.kind === "article") {
    const [first, ...rest] = node.children;
    const firstIsParagraph = first?.kind === "paragraph";
    return (
      <div key={key} className={marked(node, context, "article")} data-line={node.line}>
        <p>
          <span className="article-label">{node.label}</span>
          {firstIsParagraph ? first.text : null}
          <LineButton line={node.line} context={context} />
        </p>
        {firstIsParagraph ? children(first.children) : null}
        {children(firstIsParagraph ? rest : node.children)}
      </div>
    );
  }
  if (node.kind === "item" || node.kind === "subitem" || node.kind === "heading") {
    return (
      <div key={key}>
        <p className={marked(node, context, node.kind === "subitem" ? "subitem" : "item")} data-line={node.line}>{node.label}{node.text}</p>
        {children(node.children)}
      </div>
    );
  }
  return (
    <div key={key}>
      {node.label && node.kind === "preamble" ? <p className="chapter">{node.label}</p> : null}
      {node.text ? <p className={marked(node, context, "paragraph")} data-line={node.line}>{node.text}</p> : null}
      {children(node.children)}
    </div>
  );
}

/** Memoised: a keystroke in the source must not redraw a 300-article preview; only a new parse does. */
export const ParsedPreview = memo(forwardRef<HTMLElement, { parsed: ParsedDocument; warnLines: Set<number>; onGoToLine?: (line: number) => void }>(function ParsedPreview(
  { parsed, warnLines, onGoToLine },
  ref,
) {
  const context: Context = { warnLines, onGoToLine };
  return (
    <article ref={ref} className="draft parsed-preview" aria-label="识别出的条文结构">
      {(parsed.titleLines?.length ? parsed.titleLines : [parsed.title]).filter(Boolean).map((line, i) => (
        <h2 key={i} className="draft-title">{line}</h2>
      ))}
      {parsed.notes?.map((note, i) => <p key={i} className="preview-note muted">{note.text}</p>)}
      {parsed.nodes.map((node, i) => renderNode(node, context, String(i)))}
    </article>
  );
}));
