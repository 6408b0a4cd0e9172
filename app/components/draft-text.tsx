// Renders a draft version's clauses the way a regulation looks on paper:
// chapters as centred headings, 第X条 in bold at the start of each article, paragraphs indented, items on their own lines.
import type { ReactNode } from "react";

export interface DraftClause {
  id: string;
  parentId: string | null;
  kind: string;
  label: string;
  text: string;
}

type Tree = Map<string | null, DraftClause[]>;

function childrenByParent(clauses: DraftClause[]): Tree {
  const tree: Tree = new Map();
  for (const c of clauses) {
    const siblings = tree.get(c.parentId) ?? [];
    siblings.push(c);
    tree.set(c.parentId, siblings);
  }
  return tree;
}

const HEADING_KINDS = new Set(["part", "subpart", "chapter", "section", "supplementary", "annex"]);
const LABELLED_LINE_KINDS = new Set(["item", "subitem", "heading"]);

function withLabel(c: DraftClause): string {
  return c.text.startsWith(c.label) ? c.text : `${c.label}${c.text}`;
}

function renderNode(c: DraftClause, tree: Tree): ReactNode {
  const kids = tree.get(c.id) ?? [];
  if (c.kind === "title" || c.kind === "toc") return null;
  if (HEADING_KINDS.has(c.kind)) {
    const className = c.kind === "section" ? "section" : "chapter";
    return (
      <section key={c.id} id={`clause-${c.id}`}>
        <h3 className={className}>{[c.label, c.text].filter(Boolean).join("　")}</h3>
        {kids.map((k) => renderNode(k, tree))}
      </section>
    );
  }
  if (c.kind === "article") {
    const [first, ...rest] = kids;
    const firstIsParagraph = first?.kind === "paragraph";
    return (
      <div key={c.id} id={`clause-${c.id}`} className="article">
        <p>
          <span className="article-label">{c.label}</span>
          {firstIsParagraph ? first.text : kids.length === 0 ? c.text : null}
        </p>
        {firstIsParagraph ? (tree.get(first.id) ?? []).map((k) => renderNode(k, tree)) : null}
        {(firstIsParagraph ? rest : kids).map((k) => renderNode(k, tree))}
      </div>
    );
  }
  if (LABELLED_LINE_KINDS.has(c.kind)) {
    return (
      <div key={c.id}>
        <p className={c.kind === "subitem" ? "subitem" : "item"} id={`clause-${c.id}`}>{withLabel(c)}</p>
        {kids.map((k) => renderNode(k, tree))}
      </div>
    );
  }
  return (
    <div key={c.id}>
      {c.text ? <p className="paragraph" id={`clause-${c.id}`}>{c.text}</p> : null}
      {kids.map((k) => renderNode(k, tree))}
    </div>
  );
}

export function DraftText({ title, clauses }: { title: string; clauses: DraftClause[] }) {
  const tree = childrenByParent(clauses);
  return (
    <article className="draft">
      <h2 className="draft-title">{title}</h2>
      {clauses.length === 0 ? <p className="muted">本版本尚无条文。</p> : (tree.get(null) ?? []).map((c) => renderNode(c, tree))}
    </article>
  );
}
