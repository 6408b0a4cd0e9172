import type { PrismaClient } from "~/utils/db.server";
import { deleteUserSessions } from "~/models/session.server";
import { recordAudit } from "~/models/audit-log.server";

/** An admin logs a user out everywhere (a lost phone, a shared computer). Returns how many sessions ended. */
export async function endUserSessions(prisma: PrismaClient, { userId, byUserId }: { userId: string; byUserId: string }): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const ended = await deleteUserSessions(tx, { userId });
    await recordAudit(tx, { userId: byUserId, action: "user.sessions-ended", entityType: "User", entityId: userId, detail: { ended } });
    return ended;
  });
}
