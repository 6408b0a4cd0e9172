import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getClauses, getDraftForLegislature } from "~/models/draft.server";
import { DraftText } from "~/components/draft-text";
import { formatDate } from "~/components/consultation-list";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.draft.title ?? "法规草案"} · 立法意见征集平台` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["legislature"]);
  const prisma = getPrisma();
  const draft = await getDraftForLegislature(prisma, { id: params.draftId ?? "", legislatureId: user.legislatureId ?? "-" });
  invariantResponse(draft, "未找到该法规草案，或您无权查看。");
  const versionId = new URL(request.url).searchParams.get("version");
  const version = draft.versions.find((v) => v.id === versionId) ?? draft.versions[0];
  invariantResponse(version, "该草案还没有文本");
  const clauses = await getClauses(prisma, { draftVersionId: version.id });
  return json({ draft, version, clauses });
}

export default function LegislatureDraft() {
  const { draft, version, clauses } = useLoaderData<typeof loader>();
  return (
    <main>
      <div className="breadcrumb"><Link to="/legislature">法规草案</Link> / {draft.title}</div>
      <div className="card">
        <strong>版本：</strong>
        {draft.versions.map((v) => (
          <Link key={v.id} to={`?version=${v.id}`} className={v.id === version.id ? "tag open" : "tag"}>{v.label}</Link>
        ))}
        <h2>征求意见的联系点（{version.consultations.length}）</h2>
        {version.consultations.length === 0 ? <p className="muted">该版本尚未发送征求意见。</p> : (
          <table className="list">
            <thead><tr><th>联系点</th><th>截止日期</th><th>意见</th></tr></thead>
            <tbody>
              {version.consultations.map((c) => (
                <tr key={c.id}><td>{c.contactPoint.name}</td><td>{formatDate(c.deadline)}</td><td>{c._count.comments} 条</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <DraftText title={draft.title} clauses={clauses} />
    </main>
  );
}
