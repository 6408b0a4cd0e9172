// /d/<qrToken>: what a deputy's personal QR code (代表二维码) opens, without an account: the open consultations of
// the deputy's contact point, each linking to its public page with the deputy carried along as receiver (checked
// again on the server when the comment is posted).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { daysLeftText, formatDeadline } from "~/utils/china-time";

const NOT_FOUND = "这个代表二维码无效或已停用。请核对二维码，或直接扫描联系点张贴的征求意见二维码。";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `向人大代表${data?.deputy ?? ""}提意见 · 立法意见征集平台` }];

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.qrToken ?? "";
  invariantResponse(/^[A-Za-z0-9_-]{8,64}$/.test(token), NOT_FOUND);
  const now = new Date();
  const deputy = await getPrisma().user.findFirst({
    where: { qrToken: token, role: "deputy", contactPointId: { not: null } },
    select: {
      displayName: true,
      contactPoint: {
        select: {
          name: true,
          consultations: {
            where: { status: "open", deadline: { gt: now } },
            orderBy: { deadline: "asc" },
            select: { publicToken: true, deadline: true, draftVersion: { select: { label: true, draft: { select: { title: true } } } } },
          },
        },
      },
    },
  });
  invariantResponse(deputy?.contactPoint, NOT_FOUND);
  return json({
    deputy: deputy.displayName,
    contactPoint: deputy.contactPoint.name,
    consultations: deputy.contactPoint.consultations.map((c) => ({
      href: `/p/${c.publicToken}?${new URLSearchParams({ via: token })}`,
      title: c.draftVersion.draft.title,
      versionLabel: c.draftVersion.label,
      deadline: c.deadline.toISOString(),
    })),
  });
}

export default function DeputyLanding() {
  const data = useLoaderData<typeof loader>();
  return (
    <main className="public">
      <section className="card public-header" aria-labelledby="deputy-title">
        <p className="public-asker">{data.contactPoint}（基层立法联系点）</p>
        <h1 id="deputy-title" className="public-title">向人大代表 {data.deputy} 提意见</h1>
        <p>以下法规草案正在征求意见。选择一部草案，逐条阅读并提出您的意见，意见会送达人大代表{data.deputy}和联系点。</p>
      </section>
      {data.consultations.length === 0 ? (
        <section className="card">
          <p>目前没有正在征求意见的草案。感谢您的关注。</p>
          <p>已提交过意见的，可凭回执号 <a href="/r">查看办理情况</a>。</p>
        </section>
      ) : (
        <ul className="deputy-consultations">
          {data.consultations.map((c) => (
            <li key={c.href} className="card">
              <a href={c.href} className="deputy-consultation-link">
                <span className="deputy-consultation-title">{c.title}</span>
                <span className="tag">{c.versionLabel}</span>
              </a>
              <p className="muted small">
                截止时间：{formatDeadline(c.deadline)}（北京时间）　{daysLeftText(c.deadline)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
