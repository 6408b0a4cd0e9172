// Who may print a consultation's QR code and poster: its contact point's staff and collectors, and admins. Anyone
// else gets null (answered 404, so other contact points' consultations do not show they exist).
import type { PrismaClient } from "~/utils/db.server";
import type { Role } from "~/generated/prisma/enums";
import type { SessionUser } from "./user.server";
import { consultationScope } from "./consultation.server";

export const QR_ROLES: Role[] = ["staff", "collector", "admin"];

export async function getConsultationForPoster(prisma: PrismaClient, { id, user }: { id: string; user: SessionUser }) {
  if (!QR_ROLES.includes(user.role)) return null;
  return prisma.consultation.findFirst({
    where: { id, ...consultationScope(user) },
    select: {
      id: true,
      publicToken: true,
      deadline: true,
      status: true,
      contactPoint: { select: { name: true, address: true } },
      draftVersion: { select: { label: true, draft: { select: { title: true } } } },
    },
  });
}

/** The public page's path of a consultation. */
export function publicPath(publicToken: string): string {
  return `/p/${publicToken}`;
}

/** The path a deputy's personal QR code opens. */
export function deputyPath(qrToken: string): string {
  return `/d/${qrToken}`;
}
