// The curation list's filters as GET parameters (so they work without JavaScript and can be bookmarked):
// clause (a citation such as 第十二条, or 总体意见), kind, source, status, page. Unknown values mean "all".
import type { CommentKind, CommentSource, CommentStatus } from "~/generated/prisma/enums";
import { COMMENT_KIND_LABELS, COMMENT_SOURCE_LABELS, COMMENT_STATUS_LABELS } from "./labels";

export interface CurationQuery {
  clause?: string;
  kind?: CommentKind;
  source?: CommentSource;
  status?: CommentStatus;
  page: number;
}

const MAX_PAGE = 10_000;

function oneOf<T extends string>(labels: Record<T, string>, value: string | null): T | undefined {
  return value !== null && Object.hasOwn(labels, value) ? (value as T) : undefined;
}

export function parseCurationQuery(params: URLSearchParams): CurationQuery {
  const clause = params.get("clause")?.replace(/\s/g, "").slice(0, 60) || undefined;
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    clause,
    kind: oneOf(COMMENT_KIND_LABELS, params.get("kind")),
    source: oneOf(COMMENT_SOURCE_LABELS, params.get("source")),
    status: oneOf(COMMENT_STATUS_LABELS, params.get("status")),
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The query string of a filter (page 1 left out), e.g. for pagination links and the redirect after an action. */
export function curationSearch(query: Partial<CurationQuery>): string {
  const params = new URLSearchParams();
  for (const key of ["clause", "kind", "source", "status"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The article each clause belongs to (its citation), for grouping comments under their article. */
export function articleCitations(rows: Array<{ id: string; parentId: string | null; kind: string; citation: string; label: string }>): Map<string, string> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, string>();
  for (const row of rows) {
    let at: typeof row | undefined = row;
    while (at && at.kind !== "article") at = at.parentId ? byId.get(at.parentId) : undefined;
    out.set(row.id, at?.citation || row.citation || row.label);
  }
  return out;
}
