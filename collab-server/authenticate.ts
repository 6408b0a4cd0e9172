// onAuthenticate: checks the signed token of an HTTP upgrade before any WebSocket is created.
// The stock y-websocket client connects to `${serverUrl}/${room}?token=...`; the room must be the token's docName.
import type { Duplex } from "node:stream";
import { verifyCollabToken, type CollabGrant } from "../app/utils/collab-token.server";

export type UpgradeCheck =
  | { ok: true; grant: CollabGrant }
  | { ok: false; reason: "no-token" | "bad-room" | "malformed" | "signature" | "expired" | "wrong-room" };

export function authenticateUpgrade(requestUrl: string | undefined, secret: string, now = Date.now()): UpgradeCheck {
  const url = new URL(requestUrl ?? "/", "http://collab.invalid");
  const token = url.searchParams.get("token");
  if (!token) return { ok: false, reason: "no-token" };
  let room: string;
  try {
    room = decodeURIComponent(url.pathname.slice(1));
  } catch {
    return { ok: false, reason: "bad-room" };
  }
  const check = verifyCollabToken(token, secret, now);
  if (!check.ok) return check;
  if (check.grant.docName !== room) return { ok: false, reason: "wrong-room" };
  return check;
}

const STATUS_TEXT = { 401: "Unauthorized", 503: "Service Unavailable" } as const;

/** Answers the upgrade with a plain HTTP error; the client sees the connection refused. */
export function refuseUpgrade(socket: Duplex, status: keyof typeof STATUS_TEXT): void {
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
  socket.destroy();
}
