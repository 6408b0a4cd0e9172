// The draft reader, for every role and the public: the text laid out like a regulation (章 centred, 第X条 bold,
// paragraphs indented, items on their own lines), an outline, search with hits marked, comment counts with a heat
// strip, and comment highlights. Works without JavaScript and at 200 % text size.
//
// DOM contract (the annotation layer maps a browser selection to an anchor with it): every element showing a
// clause's own text carries data-clause-id (Clause row id) and data-anchor-offset (offset in anchorText(clause) of
// its first character, negative when a label such as 第十二条　 or （一） is written before the text); articles,
// paragraphs and items have their citation as id (#第十二条第二款); highlights are <mark class="anchor-highlight"
// data-comment-id> inside those elements. renderClauseActions is called for each article (its result goes to the
// article's footer) and for each paragraph, item and subitem line (after the line).
import { useMemo, type ReactNode } from "react";
import { layoutDraft, type ReaderClause, type ReaderHighlight, type ReaderLine } from "./reader-model";
import { excerpt, highlightsByLine, hitsByLine, displayText } from "./marks";
import { buildOutline, heatCells, subtreeCounts } from "./outline";
import { ReaderLineText } from "./reader-line";
import { ReaderOutline, ToOutlineButton } from "./reader-outline";
import { HeatStrip } from "./heat-strip";
import { ReaderSearch, type HitLink } from "./reader-search";

export type { ReaderClause, ReaderHighlight } from "./reader-model";

export interface DraftReaderProps {
  title: string;
  /** One version, in reading order. */
  clauses: ReaderClause[];
  /** Clause row id -> comments on that clause itself; key "general" for 总体意见. */
  counts?: Record<string, number>;
  highlights?: ReaderHighlight[];
  /** Search term: hits are marked on the server. */
  query?: string;
  /** A link per article, e.g. the public page's 对本条提意见. */
  clauseHref?: (c: ReaderClause) => string | undefined;
  renderClauseActions?: (c: ReaderClause) => ReactNode;
}

const HEADING_TAGS = { 1: "h3", 2: "h3", 3: "h3", 4: "h4" } as const;
const OWN_COUNT_WORD: Record<string, string> = { paragraph: "本款", item: "本项", subitem: "本目" };

export function DraftReader({ title, clauses, counts, highlights, query = "", clauseHref, renderClauseActions }: DraftReaderProps) {
  const layout = useMemo(() => layoutDraft(clauses), [clauses]);
  const totals = useMemo(() => subtreeCounts(layout, counts), [layout, counts]);
  const outline = useMemo(() => buildOutline(layout, totals), [layout, totals]);
  const marked = useMemo(() => highlightsByLine(layout, highlights), [layout, highlights]);
  const search = useMemo(() => hitsByLine(layout.lines, query), [layout, query]);
  const showCounts = counts !== undefined;
  const articleCount = layout.blocks.filter((b) => b.type === "article").length;

  const hitLinks: HitLink[] = [];
  for (const [line, hits] of search.byLine) {
    // A hit in a heading shows the heading itself; elsewhere, which article (or clause) it is in.
    const where = line.article?.label ?? (line.role === "heading" ? "" : line.clause.citation || line.clause.label);
    for (const hit of hits) hitLinks.push({ n: hit.n, where, ...excerpt(displayText(line), hit) });
  }

  /** A paragraph, item or subitem line; its own count is shown when the article has several lines. */
  const lineView = (line: ReaderLine, article: ReaderClause | undefined, linesInArticle: number) => {
    const own = counts?.[line.clause.id] ?? 0;
    const isArticleItself = article !== undefined && line.clause.id === article.id;
    const actions = !isArticleItself && renderClauseActions ? renderClauseActions(line.clause) : null;
    const word = OWN_COUNT_WORD[line.clause.kind];
    const ownCount = showCounts && own > 0 && word && linesInArticle > 1 ? <span className="line-count">{word} {own} 条意见</span> : null;
    return (
      <div className="line-row" key={line.clause.id + line.prefix}>
        <ReaderLineText line={line} hits={search.byLine.get(line)} highlights={marked.get(line)} />
        {actions || ownCount ? (
          <div className="line-actions">
            {ownCount}
            {actions}
          </div>
        ) : null}
      </div>
    );
  };

  return (
    <div className={showCounts ? "reader with-heat" : "reader"}>
      <aside className="reader-side">
        <ReaderOutline entries={outline} articleCount={articleCount} showCounts={showCounts} />
      </aside>
      <div className="reader-top">
        <ReaderSearch query={query.trim()} total={search.total} hits={hitLinks} />
        {showCounts ? (
          <p className="reader-counts small muted">
            共 {sumTop(layout, totals) + (counts?.general ?? 0)} 条意见{counts?.general ? `，其中总体意见 ${counts.general} 条` : ""}
          </p>
        ) : null}
      </div>
      {showCounts ? <HeatStrip cells={heatCells(layout, totals)} /> : null}
      <article className="draft reader-text">
        <h2 className="draft-title">{title}</h2>
        {layout.blocks.length === 0 ? <p className="muted">本版本尚无条文。</p> : null}
        {layout.blocks.map((block) => {
          if (block.type === "heading") {
            const Tag = HEADING_TAGS[Math.min(4, block.level) as 1 | 2 | 3 | 4];
            return (
              <div key={block.clause.id} id={block.anchorId} className={`reader-heading level-${block.level}`}>
                <ReaderLineText line={block.line} hits={search.byLine.get(block.line)} highlights={marked.get(block.line)} as={Tag} />
              </div>
            );
          }
          if (block.type === "lines") {
            return (
              <div key={`${block.clause.id}-${block.lines[0]?.clause.id}`} className="reader-lines">
                {block.lines.map((line) => lineView(line, undefined, block.lines.length))}
              </div>
            );
          }
          const count = totals.get(block.clause.id) ?? 0;
          const href = clauseHref?.(block.clause);
          const actions = renderClauseActions?.(block.clause);
          return (
            <section key={block.clause.id} id={block.anchorId} className="article" data-article-id={block.clause.id}>
              {block.lines.map((line) => lineView(line, block.clause, block.lines.length))}
              {(showCounts && count > 0) || href || actions ? (
                <div className="article-tools">
                  {showCounts && count > 0 ? <span className="article-count">{count} 条意见</span> : null}
                  {href ? (
                    <a className="comment-link" href={href}>
                      对本条提意见<span className="visually-hidden">（{block.clause.label}）</span>
                    </a>
                  ) : null}
                  {actions}
                </div>
              ) : null}
            </section>
          );
        })}
      </article>
      <ToOutlineButton />
    </div>
  );
}

/** Comments on the whole text: the sum over the top-level clauses. */
function sumTop(layout: ReturnType<typeof layoutDraft>, totals: Map<string, number>): number {
  return (layout.children.get(null) ?? []).reduce((sum, c) => sum + (totals.get(c.id) ?? 0), 0);
}
