import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { ROLE_LABELS } from "~/utils/roles";

export const meta: MetaFunction = () => [{ title: "系统管理 · 立法意见征集平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithRole(request, ["admin"]);
  const prisma = getPrisma();
  const [legislatures, contactPoints, users] = await Promise.all([
    prisma.legislature.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, _count: { select: { contactPoints: true, drafts: true } } } }),
    prisma.contactPoint.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, region: true, legislatures: { select: { legislature: { select: { shortName: true } } } }, _count: { select: { users: true } } },
    }),
    prisma.user.groupBy({ by: ["role"], _count: { _all: true } }),
  ]);
  return json({ legislatures, contactPoints, users });
}

export default function AdminHome() {
  const { legislatures, contactPoints, users } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>系统管理</h1>
      <div className="card">
        <strong>账号：</strong>
        {users.map((u) => (
          <span key={u.role} className="tag">{ROLE_LABELS[u.role]} {u._count._all}</span>
        ))}
        <span className="small">　<Link to="/admin/users">账号管理（结束会话、重置密码、调整角色）</Link></span>
      </div>
      <h2>法工委</h2>
      <table className="list">
        <thead><tr><th>名称</th><th>基层立法联系点</th><th>法规草案</th></tr></thead>
        <tbody>
          {legislatures.map((l) => (
            <tr key={l.id}><td>{l.name}</td><td>{l._count.contactPoints} 个</td><td>{l._count.drafts} 件</td></tr>
          ))}
        </tbody>
      </table>
      <h2>基层立法联系点</h2>
      <table className="list">
        <thead><tr><th>名称</th><th>地区</th><th>设立单位</th><th>账号</th></tr></thead>
        <tbody>
          {contactPoints.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.region}</td>
              <td>{c.legislatures.map((l) => l.legislature.shortName).join("、")}</td>
              <td>{c._count.users} 个</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
