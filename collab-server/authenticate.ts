// onAuthenticate: checks the signed token of an HTTP upgrade before any WebSocket is created.
// The stock y-websocket client connects to `${serverUrl}/${room}?token=...`; the room must be the token's docName.
import type { Duplex } from "node:stream";
import { verifyCollabToken, type CollabGrant } from "../app/utils/collab-token.server";

export type RefusalReason = "bad-request" | "no-token" | "bad-room" | "malformed" | "signature" | "expired" | "wrong-room";

export type UpgradeCheck = { ok: true; grant: CollabGrant } | { ok: false; reason: RefusalReason };

/** 400 for a request no client of ours sends, 401 for a missing or unacceptable token. */
export const REFUSAL_STATUS: Record<RefusalReason, 400 | 401> = {
  "bad-request": 400,
  "bad-room": 400,
  "no-token": 401,
  malformed: 401,
  signature: 401,
  expired: 401,
  "wrong-room": 401,
};

const MAX_ROOM_LENGTH = 512;

/** The URL of an origin-form request target (`/room?token=…`), or null for anything else. */
function parseRequestTarget(requestUrl: string | undefined): URL | null {
  // `//host…` and `/\host…` would be read as an authority, where URL throws on `[`, `a:b@`, a bad port…
  if (!requestUrl || !/^\/(?![/\\])/.test(requestUrl)) return null;
  try {
    return new URL(requestUrl, "http://collab.invalid");
  } catch {
    return null;
  }
}

/** Never throws: any request target, however malformed, gets an answer. */
export function authenticateUpgrade(requestUrl: string | undefined, secret: string, now = Date.now()): UpgradeCheck {
  const url = parseRequestTarget(requestUrl);
  if (!url) return { ok: false, reason: "bad-request" };
  const token = url.searchParams.get("token");
  if (!token) return { ok: false, reason: "no-token" };
  let room: string;
  try {
    room = decodeURIComponent(url.pathname.slice(1));
  } catch {
    return { ok: false, reason: "bad-room" };
  }
  // PostgreSQL refuses NUL in text: such a name, however signed, would fail every group commit it joined.
  if (room.length > MAX_ROOM_LENGTH || /[\u0000-\u001f\u007f]/.test(room)) return { ok: false, reason: "bad-room" };
  const check = verifyCollabToken(token, secret, now);
  if (!check.ok) return check;
  if (check.grant.docName !== room) return { ok: false, reason: "wrong-room" };
  return check;
}

const STATUS_TEXT = {
  400: "Bad Request",
  401: "Unauthorized",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
} as const;

export type RefusalStatus = keyof typeof STATUS_TEXT;

/** Answers the upgrade with a plain HTTP error; the client sees the connection refused. */
export function refuseUpgrade(socket: Duplex, status: RefusalStatus): void {
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
  socket.destroy();
}
