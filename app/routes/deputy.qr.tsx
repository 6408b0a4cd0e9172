// /deputy/qr: the deputy's personal QR code (代表二维码) as a printable card. Residents who scan it reach the open
// consultations of the deputy's contact point, and their comments record the deputy as receiver.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import crypto from "node:crypto";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { loopbackWarning, publicOrigin, qrSvgDataUri } from "~/utils/qr.server";
import { deputyPath } from "~/models/public-link.server";
import { recordAudit } from "~/models/audit-log.server";
import { Poster } from "~/components/public/poster";

export const meta: MetaFunction = () => [{ title: "我的二维码 · 立法意见征集平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["deputy"]);
  const deputy = await getPrisma().user.findUniqueOrThrow({ where: { id: user.id }, select: { qrToken: true, displayName: true } });
  const contactPoint = user.contactPoint?.name ?? "";
  if (!deputy.qrToken) return json({ code: null, name: deputy.displayName, contactPoint });
  const url = publicOrigin(request) + deputyPath(deputy.qrToken);
  return json({ code: { url, qrSrc: await qrSvgDataUri(url), warning: loopbackWarning(url) }, name: deputy.displayName, contactPoint });
}

/** 生成我的二维码: only for a deputy without one (an existing code is printed already and must keep working). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, ["deputy"]);
  const prisma = getPrisma();
  const updated = await prisma.user.updateMany({ where: { id: user.id, qrToken: null }, data: { qrToken: crypto.randomBytes(12).toString("base64url") } });
  if (updated.count > 0) await recordAudit(prisma, { userId: user.id, action: "deputy.qr-token.created", entityType: "User", entityId: user.id });
  return json({ ok: true });
}

export default function DeputyQr() {
  const data = useLoaderData<typeof loader>();
  if (!data.code) {
    return (
      <main>
        <div className="breadcrumb"><a href="/deputy">工作台</a> / 我的二维码</div>
        <section className="card">
          <h1>我的二维码</h1>
          <p>生成后，群众扫描您的二维码即可对本联系点正在征求意见的草案提意见，意见会同时记录为送达您本人。</p>
          <Form method="post">
            <button type="submit" className="button">生成我的二维码</button>
          </Form>
        </section>
      </main>
    );
  }
  return (
    <Poster
      kicker="扫码向人大代表提意见"
      title={`人大代表　${data.name}`}
      subtitle={`${data.contactPoint}`}
      qrSrc={data.code.qrSrc}
      url={data.code.url}
      steps={["用手机扫描二维码，查看正在征求意见的法规草案。", "逐条阅读，点“对本条提意见”写下意见和修改建议。", "您的意见会送达代表本人和联系点，凭回执号可查看反馈。"]}
      footer={`${data.contactPoint}　基层立法联系点`}
      downloads={[
        { href: "/deputy/qr.png", label: "下载二维码（PNG）" },
        { href: "/deputy/qr.svg", label: "下载二维码（SVG）" },
      ]}
      back={{ href: "/deputy", label: "返回工作台" }}
      warning={data.code.warning}
    />
  );
}
