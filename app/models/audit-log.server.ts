import type { PrismaClient } from "~/utils/db.server";
import type { Prisma } from "~/generated/prisma/client";

/** Who did what to which record: kept for accountability (logins now; publishing, submissions, adoptions later). */
export async function recordAudit(
  prisma: Pick<PrismaClient, "auditLog">,
  entry: { userId: string | null; action: string; entityType: string; entityId?: string; detail?: Prisma.InputJsonValue },
): Promise<void> {
  await prisma.auditLog.create({ data: entry });
}
