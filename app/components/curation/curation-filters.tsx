// Filters of the curation list: a GET form (works without JavaScript; with it, a choice applies at once).
import { Form, Link, useSubmit } from "@remix-run/react";
import { COMMENT_KIND_LABELS, COMMENT_SOURCE_LABELS, COMMENT_STATUS_LABELS, GENERAL_CITATION } from "~/comments/labels";
import type { CurationQuery } from "~/comments/curation-query";

function Choice({ name, label, value, options }: { name: string; label: string; value?: string; options: Array<[string, string]> }) {
  const submit = useSubmit();
  return (
    <label className="filter">
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ""} onChange={(e) => submit(e.currentTarget.form, { preventScrollReset: true })}>
        <option value="">全部</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </label>
  );
}

export function CurationFilters({ query, articles, basePath }: { query: CurationQuery; articles: string[]; basePath: string }) {
  const clauses: Array<[string, string]> = [[GENERAL_CITATION, GENERAL_CITATION], ...articles.map((a): [string, string] => [a, a])];
  // A citation typed into the URL (第十二条第二款) is offered too, so the select shows what is filtered.
  if (query.clause && !clauses.some(([v]) => v === query.clause)) clauses.push([query.clause, query.clause]);
  const filtered = Boolean(query.clause || query.kind || query.source || query.status);
  return (
    <Form method="get" className="curation-filters" aria-label="筛选意见" key={JSON.stringify(query)}>
      <Choice name="clause" label="条款" value={query.clause} options={clauses} />
      <Choice name="kind" label="类型" value={query.kind} options={Object.entries(COMMENT_KIND_LABELS)} />
      <Choice name="source" label="来源" value={query.source} options={Object.entries(COMMENT_SOURCE_LABELS)} />
      <Choice name="status" label="状态" value={query.status} options={Object.entries(COMMENT_STATUS_LABELS)} />
      <button type="submit" className="button small-button">筛选</button>
      {filtered ? <Link to={basePath} className="small">清除筛选</Link> : null}
    </Form>
  );
}
