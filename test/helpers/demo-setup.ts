// What most HTTP tests need from the demo data: the demo draft's consultations and logged-in demo users.
import type { PrismaClient } from "../../app/utils/db.server";
import { login } from "./http";

/** The consultations of 前洲 and 洛社 on the demo draft, and the draft version they consult on. */
export async function demoConsultationIds(prisma: PrismaClient): Promise<{ qianzhou: string; luoshe: string; version: string }> {
  const consultations = await prisma.consultation.findMany({ select: { id: true, draftVersionId: true, contactPoint: { select: { name: true } } } });
  const qianzhou = consultations.find((c) => c.contactPoint.name === "惠山区前洲街道人大工委")!;
  const luoshe = consultations.find((c) => c.contactPoint.name === "洛社镇人大")!;
  return { qianzhou: qianzhou.id, luoshe: luoshe.id, version: qianzhou.draftVersionId };
}

/** Logs each demo user in through the login form; their session cookies by username. */
export async function loginDemoUsers(webUrl: string, usernames: string[]): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const username of usernames) {
    const result = await login(webUrl, username);
    if (result.status !== 302 || !result.cookie) throw new Error(`login ${username}: status ${result.status}`);
    cookies[username] = result.cookie;
  }
  return cookies;
}
