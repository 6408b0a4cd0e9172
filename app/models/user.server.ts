import type { PrismaClient } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";

export const USER_FIELDS = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  legislatureId: true,
  contactPointId: true,
  legislature: { select: { id: true, name: true, shortName: true } },
  contactPoint: { select: { id: true, name: true } },
} as const;

export async function getUserById(prisma: PrismaClient, { id }: { id: string }) {
  return prisma.user.findUnique({ where: { id }, select: USER_FIELDS });
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getUserById>>>;

// A real hash of a random string: checking it costs the same time as checking a real user's password.
const DUMMY_HASH = "$2b$10$KiNVI5YezMgQykPGLpvp7Oq79Mp9e0Vto4W/CAe0hOVz/IOGxeRAO";

export async function verifyLogin(prisma: PrismaClient, { username, password }: { username: string; password: string }) {
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true, passwordHash: true } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  return ok && user ? getUserById(prisma, { id: user.id }) : null;
}
