// The session cookie: a signed random token naming a server-side Session row (app/models/session.server.ts).
// Logging out deletes the row, so a copied cookie stops working; the server enforces the expiry too.
import { createCookie, type Cookie } from "@remix-run/node";
import { getEnv, getSessionSecret } from "./env.server";

let cookie: Cookie | undefined;

export function sessionTtlMs(): number {
  return getEnv().SESSION_TTL_HOURS * 60 * 60 * 1000;
}

export function getSessionCookie(): Cookie {
  if (!cookie) {
    cookie = createCookie("__lifa_session", {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secrets: [getSessionSecret()],
      secure: getEnv().COOKIE_SECURE,
      maxAge: sessionTtlMs() / 1000,
    });
  }
  return cookie;
}

/** The session token the request carries, if its signature is valid. */
export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await getSessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 && value.length <= 100 ? value : null;
}

export function serializeSessionToken(token: string): Promise<string> {
  return getSessionCookie().serialize(token);
}

export function clearSessionCookie(): Promise<string> {
  return getSessionCookie().serialize("", { maxAge: 0 });
}
