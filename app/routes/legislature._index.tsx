import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { listDraftsForLegislature } from "~/models/draft.server";
import { DRAFT_STATUS_LABELS } from "~/components/legislature/labels";

export const meta: MetaFunction = () => [{ title: "法工委工作台 · 立法意见征集平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["legislature"]);
  const drafts = await listDraftsForLegislature(getPrisma(), { legislatureId: user.legislatureId ?? "-" });
  return json({ legislatureName: user.legislature?.name ?? "", drafts });
}

export default function LegislatureHome() {
  const { legislatureName, drafts } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{legislatureName}</h1>
      <div className="section-head">
        <h2>法规草案</h2>
        <Link className="button" to="/legislature/drafts/new">新建法规草案</Link>
      </div>
      {drafts.length === 0 ? (
        <p className="muted">暂无法规草案。点击“新建法规草案”，上传 Word 文件或粘贴文本即可发布征求意见。</p>
      ) : (
        <table className="list">
          <thead>
            <tr><th>草案</th><th>状态</th><th>最新版本</th><th>征求意见的联系点</th></tr>
          </thead>
          <tbody>
            {drafts.map((d) => {
              const latest = d.versions[0];
              const latestPublished = d.versions.find((v) => v.publishedAt);
              return (
                <tr key={d.id}>
                  <td><Link to={`/legislature/drafts/${d.id}`}>{d.title}</Link></td>
                  <td><span className={d.status === "consulting" ? "tag open" : "tag"}>{DRAFT_STATUS_LABELS[d.status]}</span></td>
                  <td>
                    {latest?.label ?? "—"}
                    {latest && !latest.publishedAt ? <span className="tag warn">未发布</span> : null}
                  </td>
                  <td>{latestPublished?._count.consultations ?? 0} 个</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
