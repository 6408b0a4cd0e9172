// Short-lived signed tokens that let one user open one collaborative document, read-only or read-write.
// Issued by the Remix app, checked by collab-server on the HTTP upgrade. Format: base64url(payload).base64url(hmac).
import crypto from "node:crypto";

export type CollabMode = "read" | "write";

export interface CollabGrant {
  userId: string;
  userName: string;
  docName: string;
  mode: CollabMode;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export const COLLAB_TOKEN_TTL_SECONDS = 10 * 60;

function sign(payload: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(payload).digest("base64url");
}

export function issueCollabToken(
  grant: Omit<CollabGrant, "exp">,
  secret: string,
  ttlSeconds = COLLAB_TOKEN_TTL_SECONDS,
  now = Date.now(),
): string {
  const payload = Buffer.from(JSON.stringify({ ...grant, exp: Math.floor(now / 1000) + ttlSeconds })).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

export type CollabTokenCheck = { ok: true; grant: CollabGrant } | { ok: false; reason: "malformed" | "signature" | "expired" };

export function verifyCollabToken(token: string, secret: string, now = Date.now()): CollabTokenCheck {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return { ok: false, reason: "signature" };
  let grant: CollabGrant;
  try {
    grant = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof grant.exp !== "number" || grant.exp * 1000 <= now) return { ok: false, reason: "expired" };
  if (grant.mode !== "read" && grant.mode !== "write") return { ok: false, reason: "malformed" };
  return { ok: true, grant };
}

/** The collaborative document holding a forum's minutes (座谈会记录). */
export function forumMinutesDocName(forumId: string): string {
  return `forum:${forumId}:minutes`;
}

/** The collaborative document holding a forum's capture board (意见卡片); schema in app/components/forum/board-doc.ts. */
export function forumBoardDocName(forumId: string): string {
  return `forum:${forumId}:board`;
}
