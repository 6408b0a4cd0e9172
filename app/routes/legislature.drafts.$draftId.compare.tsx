// 修改对照表 for the committee: any two versions of its draft (the unpublished one too, to check a revision before
// publishing it), each row linking to the article in the draft page of its version.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getLegislatureComparison } from "~/models/draft-comparison.server";
import { countSuggestionsByArticle } from "~/models/suggestion-counts.server";
import { ComparisonPanel } from "~/components/legislature/comparison-panel";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `修改对照表 · ${data?.draft.title ?? "法规草案"} · 立法意见征集平台` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["legislature"]);
  const url = new URL(request.url);
  const comparison = await getLegislatureComparison(getPrisma(), {
    draftId: params.draftId ?? "",
    legislatureId: user.legislatureId ?? "-",
    fromId: url.searchParams.get("from"),
    toId: url.searchParams.get("to"),
  });
  invariantResponse(comparison, "未找到该法规草案或版本，或您无权查看。");
  const suggestionCounts = comparison.pair ? await countSuggestionsByArticle(getPrisma(), { draftVersionId: comparison.pair.fromId }) : undefined;
  return json({ ...comparison, suggestionCounts, showAll: url.searchParams.get("all") === "1" });
}

export default function LegislatureComparison() {
  const { draft, versions, pair, rows, showAll, suggestionCounts } = useLoaderData<typeof loader>();
  const base = `/legislature/drafts/${draft.id}`;
  const href = (versionId: string, citation: string) => `${base}?version=${versionId}#${encodeURIComponent(citation)}`;
  return (
    <main className="legislature-wide">
      <div className="breadcrumb"><Link to="/legislature">法规草案</Link> / <Link to={base}>{draft.title}</Link> / 修改对照表</div>
      <h1>《{draft.title}》修改对照表</h1>
      {pair ? (
        <div className="draft-actions">
          <a className="button secondary" href={`${base}/compare.docx?from=${encodeURIComponent(pair.fromId)}&to=${encodeURIComponent(pair.toId)}${showAll ? "&all=1" : ""}`} download>
            下载 Word（DOCX）
          </a>
        </div>
      ) : null}
      <ComparisonPanel versions={versions} pair={pair} rows={rows} showAll={showAll} hrefOld={href} hrefNew={href} suggestionCounts={suggestionCounts} />
    </main>
  );
}
