// Login throttling, the pure part: given the attempts already counted in the current window for the account and for the
// client's address, may this attempt be checked at all? Counting lives in login-throttle.server.ts (Redis).

export interface ThrottleLimits {
  maxAttemptsPerAccount: number;
  maxAttemptsPerIp: number;
}

export interface AttemptCounts {
  account: { priorAttempts: number; retryInSeconds: number };
  ip: { priorAttempts: number; retryInSeconds: number };
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryInSeconds: number; scope: "account" | "ip" };

export function decideThrottle(counts: AttemptCounts, limits: ThrottleLimits): ThrottleDecision {
  const blocked: Array<{ scope: "account" | "ip"; retryInSeconds: number }> = [];
  if (counts.account.priorAttempts >= limits.maxAttemptsPerAccount) blocked.push({ scope: "account", retryInSeconds: counts.account.retryInSeconds });
  if (counts.ip.priorAttempts >= limits.maxAttemptsPerIp) blocked.push({ scope: "ip", retryInSeconds: counts.ip.retryInSeconds });
  if (blocked.length === 0) return { allowed: true };
  const longest = blocked.reduce((a, b) => (b.retryInSeconds > a.retryInSeconds ? b : a));
  return { allowed: false, scope: longest.scope, retryInSeconds: Math.max(1, longest.retryInSeconds) };
}

/** "请在 12 分钟后（10:42 之后）再试" — when the user may try again, in their words. */
export function retryMessage(retryInSeconds: number, now = new Date()): string {
  const minutes = Math.ceil(retryInSeconds / 60);
  const at = new Date(now.getTime() + retryInSeconds * 1000);
  const clock = at.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });
  return `登录失败次数过多，请在 ${minutes} 分钟后（北京时间 ${clock} 之后）再试。`;
}
