import type { PrismaClient } from "~/utils/db.server";
import type { Role } from "~/generated/prisma/enums";
import { deleteUserSessions } from "~/models/session.server";
import { recordAudit } from "~/models/audit-log.server";

/** The roles a user of a contact point may hold; committee and admin accounts keep theirs. */
export const CONTACT_POINT_ROLES: Role[] = ["staff", "deputy", "collector"];

/**
 * Changes a contact-point user's role and ends their sessions, so the new rights apply from their next login and
 * no open page keeps the old ones. Returns false when the change is not allowed for this user.
 */
export async function changeUserRole(
  prisma: PrismaClient,
  { userId, role, byUserId }: { userId: string; role: Role; byUserId: string },
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, contactPointId: true } });
    if (!user || !user.contactPointId || !CONTACT_POINT_ROLES.includes(role) || !CONTACT_POINT_ROLES.includes(user.role)) return false;
    if (user.role === role) return true;
    await tx.user.update({ where: { id: userId }, data: { role } });
    const ended = await deleteUserSessions(tx, { userId });
    await recordAudit(tx, { userId: byUserId, action: "user.role-changed", entityType: "User", entityId: userId, detail: { from: user.role, to: role, sessionsEnded: ended } });
    return true;
  });
}
