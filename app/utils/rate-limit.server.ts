// Fixed-window counters in Redis for the public pages (comment submissions, receipt lookups). Each request is counted
// before any work is done (INCR, EXPIRE NX and TTL in one round trip per limit), so a flood costs a Redis call or two
// per request and concurrent requests cannot slip past the limit together.
import { getRedis, redisKey } from "./redis.server";

export interface RateLimit {
  /** Names the counter, e.g. ["public-comment", "ip", "127.0.0.1"]. */
  key: string[];
  max: number;
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; key: string[] };

/**
 * Counts one request against each limit in turn and stops at the first one exceeded: a request refused for its
 * address does not use up the consultation's allowance (one busy address cannot shut out everyone else).
 */
export async function hitRateLimits(limits: RateLimit[]): Promise<RateDecision> {
  for (const limit of limits) {
    const key = redisKey("rate", ...limit.key);
    const results = (await getRedis().multi().incr(key).expire(key, limit.windowSeconds, "NX").ttl(key).exec()) ?? [];
    const [[countError, count], , [ttlError, ttl]] = results as Array<[Error | null, unknown]>;
    if (countError || ttlError) throw countError ?? ttlError;
    if (Number(count) > limit.max) {
      return { allowed: false, key: limit.key, retryAfterSeconds: Math.max(1, Number(ttl) > 0 ? Number(ttl) : limit.windowSeconds) };
    }
  }
  return { allowed: true };
}

/** "请在 12 分钟后再试" in words people use. */
export function retryInWords(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒后` : `${Math.ceil(seconds / 60)} 分钟后`;
}
