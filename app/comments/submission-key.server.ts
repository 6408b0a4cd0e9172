// One form, one comment: the public form carries a random key (rendered with the page), so that a second tap on a
// slow phone or a reload of the answer page (which posts again) gets the first answer back instead of storing the
// comment twice. Keys live in Redis for a day; a post without a key (an integration) is simply not deduplicated.
import crypto from "node:crypto";
import { getRedis, redisKey } from "~/utils/redis.server";

const KEY = /^[A-Za-z0-9_-]{16,64}$/;
const TTL_SECONDS = 24 * 3600;
const PENDING = "pending";
/** How long a repeated post waits for the first one to finish storing before saying it is still in progress. */
const WAIT_MS = 3000;

export function newSubmissionKey(): string {
  return crypto.randomBytes(16).toString("base64url");
}

function keyOf(submission: string) {
  return redisKey("public-submission", submission);
}

export type SubmissionClaim = { kind: "first" } | { kind: "repeat"; receiptNo: string } | { kind: "in-progress" } | { kind: "none" };

/** Claims the key for this post; a repeat gets the receipt number the first post was answered with. */
export async function claimSubmission(submission: string): Promise<SubmissionClaim> {
  if (!KEY.test(submission)) return { kind: "none" };
  const redis = getRedis();
  if ((await redis.set(keyOf(submission), PENDING, "EX", TTL_SECONDS, "NX")) === "OK") return { kind: "first" };
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await redis.get(keyOf(submission));
    if (value === null) return (await redis.set(keyOf(submission), PENDING, "EX", TTL_SECONDS, "NX")) === "OK" ? { kind: "first" } : { kind: "in-progress" };
    if (value !== PENDING) return { kind: "repeat", receiptNo: value };
    if (Date.now() > deadline) return { kind: "in-progress" };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function recordSubmission(submission: string, receiptNo: string): Promise<void> {
  await getRedis().set(keyOf(submission), receiptNo, "EX", TTL_SECONDS);
}

/** The post was refused (bad input): the same form may be posted again once corrected. */
export async function releaseSubmission(submission: string): Promise<void> {
  await getRedis().del(keyOf(submission));
}
