// 座谈会: the contact point's forums, the latest first, open or closed; staff start a new one from a consultation.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { formatChinaTime } from "~/utils/china-time";
import { ROLE_HOME } from "~/utils/roles";
import { listForumsForUser } from "~/models/forum.server";
import { listConsultationsForUser } from "~/models/consultation.server";
import { isOpen } from "~/commands/submit-comment.server";

export const meta: MetaFunction = () => [{ title: "座谈会 · 立法意见征集平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["staff", "deputy", "collector"]);
  const prisma = getPrisma();
  const forums = await listForumsForUser(prisma, user);
  const staff = user.role === "staff";
  const consultations = staff ? (await listConsultationsForUser(prisma, user)).filter((c) => isOpen(c)) : [];
  return json({
    home: ROLE_HOME[user.role],
    staff,
    forums: forums.map((f) => ({
      id: f.id,
      title: f.title,
      heldAt: f.heldAt.toISOString(),
      location: f.location,
      people: f._count.attendees + f.attendeeCount,
      comments: f._count.comments,
      closed: f.closedAt !== null,
      draft: `${f.consultation.draftVersion.draft.title}（${f.consultation.draftVersion.label}）`,
    })),
    consultations: consultations.map((c) => ({ id: c.id, title: c.draftVersion.draft.title, label: c.draftVersion.label })),
  });
}

export default function ForumList() {
  const { home, staff, forums, consultations } = useLoaderData<typeof loader>();
  return (
    <main>
      <div className="breadcrumb"><Link to={home}>工作台</Link> / 座谈会</div>
      <h1>座谈会</h1>
      {staff && consultations.length > 0 ? (
        <div className="card forum-new-links">
          <h2>组织座谈会</h2>
          <ul>
            {consultations.map((c) => (
              <li key={c.id}>
                <Link to={`/consultations/${c.id}/forums/new`}>就《{c.title}》组织座谈会</Link><span className="tag">{c.label}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {forums.length === 0 ? <p className="muted">还没有座谈会。</p> : (
        <table className="list forum-list">
          <thead>
            <tr><th>座谈会</th><th>时间和地点</th><th>参会</th><th>状态</th></tr>
          </thead>
          <tbody>
            {forums.map((f) => (
              <tr key={f.id}>
                <td><Link to={`/forums/${f.id}`}>{f.title}</Link><div className="muted small">{f.draft}</div></td>
                <td>{formatChinaTime(f.heldAt)}<div className="muted small">{f.location}</div></td>
                <td>{f.people} 人</td>
                <td>{f.closed ? <span className="tag">已结束 · {f.comments} 条意见</span> : <span className="tag open">进行中</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
