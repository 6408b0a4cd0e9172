import type { PrismaClient } from "~/utils/db.server";
import type { Prisma } from "~/generated/prisma/client";

/** Who did what to which record: kept for accountability (logins, session ends, role changes; later publishing, submissions, adoptions). */
export async function recordAudit(
  prisma: Pick<PrismaClient, "auditLog">,
  entry: { userId: string | null; action: string; entityType: string; entityId?: string; detail?: Prisma.InputJsonValue },
): Promise<void> {
  await prisma.auditLog.create({ data: entry });
}

/**
 * Failed logins are aggregated: one row per username and throttle window, its `failures` counting up, rather
 * than a row per attempt (the throttle bounds the attempts, this bounds the rows).
 */
export async function recordFailedLogin(
  prisma: Pick<PrismaClient, "auditLog">,
  { username, ip, failures, windowStart }: { username: string; ip: string; failures: number; windowStart: Date },
): Promise<void> {
  const existing =
    failures > 1
      ? await prisma.auditLog.findFirst({
          where: { action: "login.failed", createdAt: { gte: windowStart }, detail: { path: ["username"], equals: username } },
          orderBy: { createdAt: "desc" },
          select: { id: true },
        })
      : null;
  const detail = { username, ip, failures, lastAt: new Date().toISOString() };
  if (existing) await prisma.auditLog.update({ where: { id: existing.id }, data: { detail } });
  else await prisma.auditLog.create({ data: { userId: null, action: "login.failed", entityType: "User", detail } });
}
