// What the public pages need of a consultation behind its public link, and of the deputy whose QR code a resident
// scanned. Everything here is reachable without an account: only public facts are selected.
import type { PrismaClient } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { RateLimit } from "~/utils/rate-limit.server";

export async function findPublicConsultation(prisma: PrismaClient, token: string | undefined) {
  // Tokens are base64url; anything else cannot match and is not worth a query.
  if (!token || !/^[A-Za-z0-9_-]{8,64}$/.test(token)) return null;
  return prisma.consultation.findUnique({
    where: { publicToken: token },
    select: {
      id: true,
      publicToken: true,
      draftVersionId: true,
      contactPointId: true,
      deadline: true,
      status: true,
      contactPoint: { select: { name: true } },
      draftVersion: { select: { label: true, publishedAt: true, draft: { select: { title: true } } } },
    },
  });
}

export type PublicConsultation = NonNullable<Awaited<ReturnType<typeof findPublicConsultation>>>;

/** The deputy behind a 代表二维码 token, only when they belong to the consultation's contact point. */
export async function findReceiver(prisma: PrismaClient, { via, contactPointId }: { via: string; contactPointId: string }) {
  if (!via || !/^[A-Za-z0-9_-]{8,64}$/.test(via)) return null;
  return prisma.user.findFirst({ where: { qrToken: via, role: "deputy", contactPointId }, select: { id: true, displayName: true } });
}

/** What the page header shows, as plain JSON. */
export interface PublicHeader {
  token: string;
  title: string;
  versionLabel: string;
  contactPoint: string;
  deadline: string;
  open: boolean;
  /** The deputy reached through their QR code, and the token carried in links and forms. */
  deputy: { name: string; via: string } | null;
}

export function publicHeader(consultation: PublicConsultation, open: boolean, deputy: { displayName: string; via: string } | null): PublicHeader {
  return {
    token: consultation.publicToken,
    title: consultation.draftVersion.draft.title,
    versionLabel: consultation.draftVersion.label,
    contactPoint: consultation.contactPoint.name,
    deadline: consultation.deadline.toISOString(),
    open,
    deputy: deputy ? { name: deputy.displayName, via: deputy.via } : null,
  };
}

/** Limits on public comment posts: per client address (all consultations) and per consultation. */
export function publicCommentLimits(clientIp: string, consultationId: string): RateLimit[] {
  const env = getEnv();
  const windowSeconds = env.PUBLIC_COMMENT_WINDOW_MINUTES * 60;
  return [
    { key: ["public-comment", "ip", clientIp], max: env.PUBLIC_COMMENT_LIMIT_PER_IP, windowSeconds },
    { key: ["public-comment", "consultation", consultationId], max: env.PUBLIC_COMMENT_LIMIT_PER_CONSULTATION, windowSeconds },
  ];
}
