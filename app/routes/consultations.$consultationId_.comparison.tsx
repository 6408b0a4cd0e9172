// 修改对照表 for a contact point: once a draft has a new published version, everyone of a contact point consulted
// on the draft (any version) sees what changed — staff, deputies and collectors. Other contact points: 404.
// (`$consultationId_` keeps this page out of the consultation page's layout: it is a page of its own.)
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getConsultationComparison } from "~/models/draft-comparison.server";
import { ComparisonPanel } from "~/components/legislature/comparison-panel";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `修改对照表 · ${data?.draft.title ?? "法规草案"} · 立法意见征集平台` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["staff", "deputy", "collector", "legislature", "admin"]);
  const url = new URL(request.url);
  const comparison = await getConsultationComparison(getPrisma(), {
    consultationId: params.consultationId ?? "",
    user,
    fromId: url.searchParams.get("from"),
    toId: url.searchParams.get("to"),
  });
  invariantResponse(comparison, "未找到该征求意见任务或版本，或您无权查看。");
  return json({ ...comparison, showAll: url.searchParams.get("all") === "1" });
}

export default function ConsultationComparison() {
  const { consultation, draft, versions, pair, rows, showAll } = useLoaderData<typeof loader>();
  // A row links to the article in the contact point's own consultation on that version, when it was consulted on it.
  const href = (versionId: string, citation: string) => {
    const consultationId = versions.find((v) => v.id === versionId)?.consultationId;
    return consultationId ? `/consultations/${consultationId}#${encodeURIComponent(citation)}` : undefined;
  };
  return (
    <main className="legislature-wide">
      <div className="breadcrumb">
        <Link to={`/consultations/${consultation.id}`}>{draft.title}</Link> / 修改对照表
      </div>
      <h1>《{draft.title}》修改对照表</h1>
      {pair ? <p className="muted">{consultation.contactPointName}参与了该草案的征求意见。下表列出新旧版本条文的变化，供联系点了解意见的办理情况。</p> : null}
      <ComparisonPanel versions={versions} pair={pair} rows={rows} showAll={showAll} hrefOld={href} hrefNew={href} />
    </main>
  );
}
