// Server-side sessions: the cookie holds a random token, the database its SHA-256 (see the Session model).
import crypto from "node:crypto";
import type { PrismaClient } from "~/utils/db.server";
import type { TransactionClient } from "~/utils/transaction.server";
import { USER_FIELDS } from "./user.server";

type SessionStore = Pick<PrismaClient, "session"> | Pick<TransactionClient, "session">;

export function sessionIdOf(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Starts a session and returns the token for the cookie; expired sessions of the user are cleared meanwhile. */
export async function createSession(
  prisma: PrismaClient,
  { userId, ttlMs, userAgent }: { userId: string; ttlMs: number; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlMs);
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { userId, expiresAt: { lte: new Date() } } }),
    prisma.session.create({ data: { id: sessionIdOf(token), userId, expiresAt, userAgent: userAgent?.slice(0, 200) ?? null } }),
  ]);
  return { token, expiresAt };
}

/** The user of a live session, or null (unknown, deleted or expired). */
export async function getSessionUser(prisma: PrismaClient, { token }: { token: string }) {
  const session = await prisma.session.findFirst({
    where: { id: sessionIdOf(token), expiresAt: { gt: new Date() } },
    select: { user: { select: USER_FIELDS } },
  });
  return session?.user ?? null;
}

export async function deleteSession(prisma: SessionStore, { token }: { token: string }): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionIdOf(token) } });
}

/** Ends every session of a user (logged out everywhere); returns how many were live. */
export async function deleteUserSessions(prisma: SessionStore, { userId }: { userId: string }): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}
