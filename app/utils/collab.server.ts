import type { SessionUser } from "~/models/user.server";
import { getEnv } from "./env.server";
import { issueCollabToken, type CollabMode } from "./collab-token.server";

/** Where the browser reaches collab-server: COLLAB_PUBLIC_URL, else the page's own host on COLLAB_PORT. */
export function collabServerUrl(request: Request): string {
  const env = getEnv();
  if (env.COLLAB_PUBLIC_URL) return env.COLLAB_PUBLIC_URL;
  const url = new URL(request.url);
  const forwardedProto = request.headers.get("X-Forwarded-Proto");
  const secure = (forwardedProto ?? url.protocol.replace(":", "")) === "https";
  return `${secure ? "wss" : "ws"}://${url.hostname}:${env.COLLAB_PORT}`;
}

export function collabTokenFor(user: SessionUser, docName: string, mode: CollabMode): string {
  return issueCollabToken({ userId: user.id, userName: user.displayName, docName, mode }, getEnv().COLLAB_SECRET);
}
