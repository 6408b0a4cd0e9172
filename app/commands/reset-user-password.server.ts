import type { PrismaClient } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { deleteUserSessions } from "~/models/session.server";
import { recordAudit } from "~/models/audit-log.server";

/** Sets a new password and ends every session of the user: whoever knew the old one is logged out. */
export async function resetUserPassword(
  prisma: PrismaClient,
  { userId, password, byUserId }: { userId: string; password: string; byUserId: string },
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const ended = await deleteUserSessions(tx, { userId });
    await recordAudit(tx, { userId: byUserId, action: "user.password-reset", entityType: "User", entityId: userId, detail: { sessionsEnded: ended } });
  });
}
