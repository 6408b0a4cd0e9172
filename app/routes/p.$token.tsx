// Public page behind a contact point's QR code: no login, large readable text.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { getReaderClauses } from "~/models/reader-clauses.server";
import { DraftReader } from "~/components/reader/draft-reader";
import { DeadlineTag, formatDate } from "~/components/consultation-list";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "征求意见"} · 征求意见` }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const prisma = getPrisma();
  const consultation = await prisma.consultation.findUnique({
    where: { publicToken: params.token ?? "" },
    select: {
      deadline: true,
      draftVersion: { select: { id: true, label: true, publishedAt: true, draft: { select: { title: true } } } },
      contactPoint: { select: { name: true } },
    },
  });
  invariantResponse(consultation, "该征求意见链接无效或已失效。");
  const clauses = await getReaderClauses(prisma, { draftVersionId: consultation.draftVersion.id, published: Boolean(consultation.draftVersion.publishedAt) });
  return json({
    title: consultation.draftVersion.draft.title,
    label: consultation.draftVersion.label,
    contactPoint: consultation.contactPoint.name,
    deadline: consultation.deadline,
    clauses,
    query: new URL(request.url).searchParams.get("q") ?? "",
  });
}

export default function PublicConsultation() {
  const data = useLoaderData<typeof loader>();
  return (
    <main style={{ fontSize: "1.1rem" }}>
      <div className="card">
        <strong>{data.contactPoint}</strong> 正在征求对以下法规草案（{data.label}）的意见。
        <div className="muted small">截止日期：{formatDate(data.deadline)} <DeadlineTag deadline={data.deadline} /></div>
      </div>
      <DraftReader title={data.title} clauses={data.clauses} query={data.query} />
    </main>
  );
}
