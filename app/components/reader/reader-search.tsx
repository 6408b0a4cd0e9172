// Search in the draft: a GET form (?q=), so hits are marked by the server and it works without JavaScript. The
// other parameters of the page are kept. Below it: how many hits, and a link to each.
import { Form, useLocation } from "@remix-run/react";
import { MAX_QUERY_LENGTH } from "./marks";

export interface HitLink {
  n: number;
  where: string;
  before: string;
  match: string;
  after: string;
}

const LISTED_HITS = 50;

export function ReaderSearch({ query, total, hits }: { query: string; total: number; hits: HitLink[] }) {
  const location = useLocation();
  const kept = [...new URLSearchParams(location.search)].filter(([name]) => name !== "q");
  const clearHref = `${location.pathname}${kept.length ? `?${new URLSearchParams(kept)}` : ""}`;
  return (
    <div className="reader-search" id="reader-search">
      <Form method="get" action={`${location.pathname}#reader-search`} role="search" preventScrollReset>
        {kept.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor="reader-q" className="visually-hidden">在草案中搜索</label>
        <input id="reader-q" type="search" name="q" defaultValue={query} maxLength={MAX_QUERY_LENGTH} placeholder="在草案中搜索，如：维护保养" />
        <button type="submit" className="button">搜索</button>
      </Form>
      {query ? (
        <div className="search-summary" role="status">
          {total === 0 ? (
            <p>没有找到“{query}”。</p>
          ) : (
            <>
              <p>
                “{query}”共 <strong>{total}</strong> 处，已在条文中标出。<a href="#hit-1">跳到第 1 处</a>　<a href={clearHref}>清除搜索</a>
              </p>
              <ol className="hit-list">
                {hits.slice(0, LISTED_HITS).map((hit) => (
                  <li key={hit.n}>
                    <a href={`#hit-${hit.n}`}>
                      <span className="hit-where">{hit.where}</span>
                      {hit.before}
                      <mark className="search-hit">{hit.match}</mark>
                      {hit.after}
                    </a>
                  </li>
                ))}
              </ol>
              {total > LISTED_HITS ? <p className="muted small">只列出前 {LISTED_HITS} 处。</p> : null}
            </>
          )}
          {total === 0 ? <a href={clearHref}>清除搜索</a> : null}
        </div>
      ) : null}
    </div>
  );
}
