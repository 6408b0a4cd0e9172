import { createCookieSessionStorage } from "@remix-run/node";
import { getEnv } from "./env.server";

interface SessionData {
  userId: string;
}

let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined;

export function getSessionStorage() {
  if (!storage) {
    const env = getEnv();
    storage = createCookieSessionStorage<SessionData>({
      cookie: {
        name: "__lifa_session",
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secrets: [env.SESSION_SECRET],
        secure: env.COOKIE_SECURE === "true",
        maxAge: 60 * 60 * 12,
      },
    });
  }
  return storage;
}

export async function getSession(request: Request) {
  return getSessionStorage().getSession(request.headers.get("Cookie"));
}
