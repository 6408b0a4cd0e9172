// Who the user is: every loader and action calls requireUser / requireUserWithRole first.
import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { getPrisma } from "./db.server";
import { clearSessionCookie, readSessionToken, serializeSessionToken, sessionTtlMs } from "./session.server";
import type { SessionUser } from "~/models/user.server";
import { createSession, deleteSession, getSessionUser } from "~/models/session.server";

// The root loader and the page's loader ask for the user of the same request: one session lookup serves both.
const usersOfRequests = new WeakMap<Request, Promise<SessionUser | null>>();

export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  let user = usersOfRequests.get(request);
  if (!user) {
    user = readSessionToken(request).then((token) => (token ? getSessionUser(getPrisma(), { token }) : null));
    usersOfRequests.set(request, user);
  }
  return user;
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
    throw new Response("您的账号无权访问此页面。", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

/** Logs the user in with a new session (never reusing the one the request carried) and redirects. */
export async function createUserSession(request: Request, userId: string, redirectTo: string) {
  const prisma = getPrisma();
  const previous = await readSessionToken(request);
  if (previous) await deleteSession(prisma, { token: previous });
  const { token } = await createSession(prisma, { userId, ttlMs: sessionTtlMs(), userAgent: request.headers.get("User-Agent") });
  return redirect(redirectTo, { headers: { "Set-Cookie": await serializeSessionToken(token) } });
}

export async function logout(request: Request) {
  const token = await readSessionToken(request);
  if (token) await deleteSession(getPrisma(), { token });
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookie() } });
}
