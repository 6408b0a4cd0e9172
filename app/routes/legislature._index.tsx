import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { listDraftsForLegislature } from "~/models/draft.server";

export const meta: MetaFunction = () => [{ title: "法工委工作台 · 立法意见征集平台" }];

const STATUS_LABELS = { drafting: "起草中", consulting: "征求意见中", closed: "已结束" } as const;

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
      <h2>法规草案</h2>
      {drafts.length === 0 ? (
        <p className="muted">暂无法规草案。</p>
      ) : (
        <table className="list">
          <thead>
            <tr><th>草案</th><th>状态</th><th>最新版本</th><th>征求意见的联系点</th></tr>
          </thead>
          <tbody>
            {drafts.map((d) => (
              <tr key={d.id}>
                <td><Link to={`/legislature/drafts/${d.id}`}>{d.title}</Link></td>
                <td><span className={d.status === "consulting" ? "tag open" : "tag"}>{STATUS_LABELS[d.status]}</span></td>
                <td>{d.versions[0]?.label ?? "—"}</td>
                <td>{d.versions[0]?._count.consultations ?? 0} 个</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
