// /consultations/<id>/poster: the printable A4 poster of a consultation's public page, for notice boards and forums.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { Role } from "~/generated/prisma/enums";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { loopbackWarning, publicOrigin, qrSvgDataUri } from "~/utils/qr.server";
import { getConsultationForPoster, publicPath } from "~/models/public-link.server";
import { formatDeadline } from "~/utils/china-time";
import { Poster } from "~/components/public/poster";

const SIGNED_IN: Role[] = ["admin", "legislature", "staff", "deputy", "collector"];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `海报 · ${data?.title ?? "征求意见"}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Any signed-in role passes the guard; the scope decides who may print (others: 404).
  const user = await requireUserWithRole(request, SIGNED_IN);
  const consultation = await getConsultationForPoster(getPrisma(), { id: params.consultationId ?? "", user });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  const url = publicOrigin(request) + publicPath(consultation.publicToken);
  return json({
    id: consultation.id,
    title: consultation.draftVersion.draft.title,
    versionLabel: consultation.draftVersion.label,
    contactPoint: consultation.contactPoint.name,
    address: consultation.contactPoint.address,
    deadline: consultation.deadline.toISOString(),
    url,
    qrSrc: await qrSvgDataUri(url),
    warning: loopbackWarning(url),
  });
}

export default function ConsultationPoster() {
  const data = useLoaderData<typeof loader>();
  const base = `/consultations/${data.id}`;
  return (
    <Poster
      kicker="法规草案征求意见 · 扫码提意见"
      title={data.title}
      subtitle={`${data.versionLabel}　${data.contactPoint}（基层立法联系点）诚邀您提出意见建议`}
      qrSrc={data.qrSrc}
      url={data.url}
      deadline={`截止时间：${formatDeadline(data.deadline)}`}
      steps={["用手机扫描二维码，打开草案全文，无需登录。", "逐条阅读，点“对本条提意见”写下意见和修改建议。", "提交后记下回执号，可随时查看办理情况和采纳反馈。"]}
      footer={[data.contactPoint, data.address].filter(Boolean).join("　")}
      downloads={[
        { href: `${base}/qr.png`, label: "下载二维码（PNG）" },
        { href: `${base}/qr.svg`, label: "下载二维码（SVG）" },
      ]}
      back={{ href: base, label: "返回征求意见任务" }}
      warning={data.warning}
    />
  );
}
