import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { ROLE_HOME } from "~/utils/roles";
import { getConsultationForUser } from "~/models/consultation.server";
import { getClauses } from "~/models/draft.server";
import { DraftText } from "~/components/draft-text";
import { DeadlineTag, formatDate } from "~/components/consultation-list";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.consultation.draftVersion.draft.title ?? "征求意见"} · 立法意见征集平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["staff", "deputy", "collector", "legislature", "admin"]);
  const prisma = getPrisma();
  const consultation = await getConsultationForUser(prisma, { id: params.consultationId ?? "", user });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  const clauses = await getClauses(prisma, { draftVersionId: consultation.draftVersion.id });
  const canSeePublicLink = user.role === "staff" || user.role === "collector";
  return json({
    consultation: { ...consultation, publicToken: canSeePublicLink ? consultation.publicToken : null },
    clauses,
    home: ROLE_HOME[user.role],
  });
}

export default function ConsultationPage() {
  const { consultation, clauses, home } = useLoaderData<typeof loader>();
  const { draftVersion } = consultation;
  return (
    <main>
      <div className="breadcrumb"><Link to={home}>工作台</Link> / {draftVersion.draft.title}</div>
      <div className="card">
        <div>
          <strong>{consultation.contactPoint.name}</strong>
          <span className="tag">{draftVersion.label}</span>
        </div>
        <div className="muted small">
          截止日期：{formatDate(consultation.deadline)} <DeadlineTag deadline={consultation.deadline} /> · 已收到意见 {consultation._count.comments} 条
        </div>
        {consultation.publicToken ? (
          <div className="small">群众意见征集链接：<Link to={`/p/${consultation.publicToken}`}>/p/{consultation.publicToken}</Link></div>
        ) : null}
        <h2>座谈会</h2>
        {consultation.forums.length === 0 ? <p className="muted">尚未安排座谈会。</p> : (
          <ul>
            {consultation.forums.map((f) => (
              <li key={f.id}>
                <Link to={`/forums/${f.id}`}>{f.title}</Link>
                <span className="muted small">　{formatDate(f.heldAt)} · {f.location} · {f.attendeeCount} 人</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <DraftText title={draftVersion.draft.title} clauses={clauses} />
    </main>
  );
}
