import { decideThrottle, retryMessage } from "./login-throttle";

const limits = { maxAttemptsPerAccount: 5, maxAttemptsPerIp: 30 };
const counts = (account: number, ip: number, accountTtl = 600, ipTtl = 300) => ({
  account: { priorAttempts: account, retryInSeconds: accountTtl },
  ip: { priorAttempts: ip, retryInSeconds: ipTtl },
});

describe("decideThrottle", () => {
  it("allows attempts up to the limits", () => {
    expect(decideThrottle(counts(4, 29), limits)).toEqual({ allowed: true });
  });

  it("refuses past either limit, naming the one that lasts longer", () => {
    expect(decideThrottle(counts(5, 0), limits)).toEqual({ allowed: false, scope: "account", retryInSeconds: 600 });
    expect(decideThrottle(counts(0, 30), limits)).toEqual({ allowed: false, scope: "ip", retryInSeconds: 300 });
    expect(decideThrottle(counts(5, 30, 100, 400), limits)).toEqual({ allowed: false, scope: "ip", retryInSeconds: 400 });
  });

  it("never tells the user to wait zero seconds", () => {
    expect(decideThrottle(counts(5, 0, -1), limits)).toMatchObject({ retryInSeconds: 1 });
  });
});

describe("retryMessage", () => {
  it("says in how many minutes and from what time (Beijing time)", () => {
    expect(retryMessage(14 * 60 + 5, new Date("2026-11-30T02:00:00Z"))).toBe("登录失败次数过多，请在 15 分钟后（北京时间 10:14 之后）再试。");
  });
});
