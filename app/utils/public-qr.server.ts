// Loaders of the QR code files: a consultation's public link (staff and collectors of its contact point, admins) and
// a deputy's personal code (the deputy themself). PNG for printing shops and chat apps, SVG for posters.
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { getPrisma } from "./db.server";
import { requireUserWithRole } from "./auth.server";
import { invariantResponse } from "./http.server";
import { publicOrigin, qrPng, qrResponse, qrSvg } from "./qr.server";
import { deputyPath, getConsultationForPoster, publicPath } from "~/models/public-link.server";

const SIGNED_IN: Role[] = ["admin", "legislature", "staff", "deputy", "collector"];

async function qrFile(text: string, type: "png" | "svg", name: string): Promise<Response> {
  return qrResponse(type === "png" ? await qrPng(text) : await qrSvg(text), type, name);
}

export async function consultationQrFile({ request, params }: LoaderFunctionArgs, type: "png" | "svg"): Promise<Response> {
  // Signed-in users of any role get past the guard; who may print is decided with the scope (others: 404).
  const user = await requireUserWithRole(request, SIGNED_IN);
  const consultation = await getConsultationForPoster(getPrisma(), { id: params.consultationId ?? "", user });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  return qrFile(publicOrigin(request) + publicPath(consultation.publicToken), type, `征求意见二维码-${consultation.contactPoint.name}`);
}

export async function deputyQrFile({ request }: LoaderFunctionArgs, type: "png" | "svg"): Promise<Response> {
  const user = await requireUserWithRole(request, ["deputy"]);
  const deputy = await getPrisma().user.findUnique({ where: { id: user.id }, select: { qrToken: true, displayName: true } });
  invariantResponse(deputy?.qrToken, "您还没有个人二维码，请先在“我的二维码”页面生成。");
  return qrFile(publicOrigin(request) + deputyPath(deputy.qrToken), type, `代表二维码-${deputy.displayName}`);
}
