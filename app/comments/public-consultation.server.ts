// What the public pages need of a consultation behind its public link, and of the deputy whose QR code a resident
// scanned. Everything here is reachable without an account: only public facts are selected.
//
// Every submission reads the consultation: its deadline and status are read each time (one flat query), while the
// facts that never change once a consultation exists (draft title, version label, contact point name) are kept in
// memory for a few minutes (a renamed contact point shows after that) — a query joining them costs the web process
// about three times as much CPU as the flat one.
import type { PrismaClient } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { RateLimit } from "~/utils/rate-limit.server";

interface StaticFacts {
  title: string;
  versionLabel: string;
  contactPoint: string;
}

const CACHED_FACTS = 512;
const FACTS_TTL_MS = 5 * 60_000;
const facts = new Map<string, { loading: Promise<StaticFacts | null>; until: number }>();

function staticFacts(prisma: PrismaClient, consultationId: string): Promise<StaticFacts | null> {
  const hit = facts.get(consultationId);
  if (hit && hit.until > Date.now()) return hit.loading;
  const loading = prisma.consultation
    .findUnique({
      where: { id: consultationId },
      select: { contactPoint: { select: { name: true } }, draftVersion: { select: { label: true, draft: { select: { title: true } } } } },
    })
    .then((c) => c && { title: c.draftVersion.draft.title, versionLabel: c.draftVersion.label, contactPoint: c.contactPoint.name });
  facts.delete(consultationId);
  facts.set(consultationId, { loading, until: Date.now() + FACTS_TTL_MS });
  loading.then((value) => value ?? facts.delete(consultationId), () => facts.delete(consultationId));
  while (facts.size > CACHED_FACTS) facts.delete(facts.keys().next().value!);
  return loading;
}

const TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

export async function findPublicConsultation(prisma: PrismaClient, token: string | undefined) {
  // Tokens are base64url; anything else cannot match and is not worth a query.
  if (!token || !TOKEN.test(token)) return null;
  const consultation = await prisma.consultation.findUnique({
    where: { publicToken: token },
    select: { id: true, publicToken: true, draftVersionId: true, contactPointId: true, deadline: true, status: true },
  });
  if (!consultation) return null;
  const known = await staticFacts(prisma, consultation.id);
  return known && { ...consultation, ...known };
}

export type PublicConsultation = NonNullable<Awaited<ReturnType<typeof findPublicConsultation>>>;

/** The deputy behind a 代表二维码 token, only when they belong to the consultation's contact point. */
export async function findReceiver(prisma: PrismaClient, { via, contactPointId }: { via: string; contactPointId: string }) {
  if (!via || !TOKEN.test(via)) return null;
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
    title: consultation.title,
    versionLabel: consultation.versionLabel,
    contactPoint: consultation.contactPoint,
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
