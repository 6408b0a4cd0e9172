import type { SessionUser } from "~/models/user.server";
import { getEnv, type Env } from "./env.server";
import { issueCollabToken, type CollabMode } from "./collab-token.server";

/**
 * Where the browser reaches collab-server: COLLAB_PUBLIC_URL, else the page's own host on COLLAB_PORT (so a phone
 * on the LAN reaches it at the address it used for the page). `pageUrl` is the request's URL as the web server
 * built it: its scheme honours X-Forwarded-Proto only under TRUST_PROXY, its host is a validated Host header, or
 * PUBLIC_URL's when that is set.
 */
export function collabServerUrlFor(pageUrl: URL, env: Pick<Env, "COLLAB_PUBLIC_URL" | "COLLAB_PORT" | "PUBLIC_URL">): string {
  if (env.COLLAB_PUBLIC_URL) return env.COLLAB_PUBLIC_URL;
  const site = env.PUBLIC_URL ? new URL(env.PUBLIC_URL) : pageUrl;
  return `${site.protocol === "https:" ? "wss" : "ws"}://${site.hostname}:${env.COLLAB_PORT}`;
}

export function collabServerUrl(request: Request): string {
  return collabServerUrlFor(new URL(request.url), getEnv());
}

export function collabTokenFor(user: SessionUser, docName: string, mode: CollabMode): string {
  return issueCollabToken({ userId: user.id, userName: user.displayName, docName, mode }, getEnv().COLLAB_SECRET);
}
