// Fixed-window counters in Redis for the public pages (comment submissions, receipt lookups). Each request is counted
// before any work is done, in one round trip (INCR, EXPIRE NX, TTL for every key), so a flood costs one Redis call
// per request and concurrent requests cannot slip past the limit together.
import { getRedis, redisKey } from "./redis.server";

export interface RateLimit {
  /** Names the counter, e.g. ["public-comment", "ip", "127.0.0.1"]. */
  key: string[];
  max: number;
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; key: string[] };

/** Counts one request against every limit; refused when any of them is exceeded (the longest wait is reported). */
export async function hitRateLimits(limits: RateLimit[]): Promise<RateDecision> {
  const multi = getRedis().multi();
  for (const limit of limits) {
    const key = redisKey("rate", ...limit.key);
    multi.incr(key).expire(key, limit.windowSeconds, "NX").ttl(key);
  }
  const results = (await multi.exec()) ?? [];
  let refused: { retryAfterSeconds: number; key: string[] } | null = null;
  limits.forEach((limit, i) => {
    const [countResult, , ttlResult] = results.slice(i * 3, i * 3 + 3);
    if (countResult[0] || ttlResult[0]) throw countResult[0] ?? ttlResult[0];
    const count = Number(countResult[1]);
    const ttl = Number(ttlResult[1]);
    if (count > limit.max) {
      const retryAfterSeconds = Math.max(1, ttl > 0 ? ttl : limit.windowSeconds);
      if (!refused || retryAfterSeconds > refused.retryAfterSeconds) refused = { retryAfterSeconds, key: limit.key };
    }
  });
  return refused ? { allowed: false, ...(refused as { retryAfterSeconds: number; key: string[] }) } : { allowed: true };
}

/** "请在 12 分钟后再试" in words people use. */
export function retryInWords(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒后` : `${Math.ceil(seconds / 60)} 分钟后`;
}
