// Login attempts counted in Redis per account and per client address, in a fixed window (LOGIN_WINDOW_MINUTES).
// An attempt is counted before its password is checked, so concurrent guesses cannot all slip in before the first
// failure is recorded, and a refused attempt costs the server one Redis round trip and no hashing. A successful
// login takes its attempt back and clears the account's count.
import crypto from "node:crypto";
import { getEnv } from "./env.server";
import { getRedis, redisKey } from "./redis.server";
import { decideThrottle, type ThrottleDecision } from "./login-throttle";

function keys(username: string, ip: string) {
  // Hashed: keys stay short and usernames (personal data) do not sit in Redis in clear.
  const account = crypto.createHash("sha256").update(username.toLowerCase()).digest("hex").slice(0, 32);
  return { account: redisKey("login-attempts", "account", account), ip: redisKey("login-attempts", "ip", ip) };
}

export type LoginAttempt = ThrottleDecision & { accountAttempts: number };

/** Counts this attempt and decides whether its password may be checked. */
export async function reserveLoginAttempt(username: string, ip: string): Promise<LoginAttempt> {
  const env = getEnv();
  const k = keys(username, ip);
  const windowSeconds = env.LOGIN_WINDOW_MINUTES * 60;
  const results = (await getRedis()
    .multi()
    .incr(k.account)
    .expire(k.account, windowSeconds, "NX")
    .ttl(k.account)
    .incr(k.ip)
    .expire(k.ip, windowSeconds, "NX")
    .ttl(k.ip)
    .exec()) as Array<[Error | null, unknown]>;
  const [account, , accountTtl, byIp, , ipTtl] = results.map(([error, value]) => {
    if (error) throw error;
    return Number(value);
  });
  // This attempt is the n-th: it may proceed while n does not exceed the limit.
  const decision = decideThrottle(
    { account: { priorAttempts: account - 1, retryInSeconds: accountTtl }, ip: { priorAttempts: byIp - 1, retryInSeconds: ipTtl } },
    { maxAttemptsPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT, maxAttemptsPerIp: env.LOGIN_MAX_FAILURES_PER_IP },
  );
  return { ...decision, accountAttempts: account };
}

/** A successful login: the account starts afresh, and the address gets its attempt back. */
export async function releaseLoginAttempt(username: string, ip: string): Promise<void> {
  const k = keys(username, ip);
  await getRedis().multi().del(k.account).decr(k.ip).exec();
}
