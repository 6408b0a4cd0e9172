// Who the user is: every loader and action calls requireUser / requireUserWithRole first.
import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { getPrisma } from "./db.server";
import { getSession, getSessionStorage } from "./session.server";
import { getUserById, type SessionUser } from "~/models/user.server";

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request);
  const userId = session.get("userId");
  if (typeof userId !== "string") return null;
  return getUserById(getPrisma(), { id: userId });
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  return user;
}

export async function requireUserWithRole(request: Request, roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw new Response("无权访问此页面", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

export async function createUserSession(request: Request, userId: string, redirectTo: string) {
  const storage = getSessionStorage();
  const session = await getSession(request);
  session.set("userId", userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": await storage.commitSession(session) } });
}

export async function logout(request: Request) {
  const storage = getSessionStorage();
  const session = await getSession(request);
  return redirect("/login", { headers: { "Set-Cookie": await storage.destroySession(session) } });
}
