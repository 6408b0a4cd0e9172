// The web process as an attacker meets it: sessions, login throttling, cross-site requests, headers and odd input.
// Through the real built app over HTTP, against real PostgreSQL and Redis.
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { get, login, postForm } from "./helpers/http";
import { loadDemoData } from "../seeds/load-demo-data";
import { DEMO_PASSWORD } from "../seeds/demo-data";
import { waitFor } from "./helpers/wait";

let db: TestDatabase;
let platform: RunningPlatform;
let forumId = "";

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  forumId = (await db.prisma.forum.findFirstOrThrow()).id;
  platform = await startPlatform(db.url, ["web"]);
}, 60_000);

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});

async function loggedIn(username: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await login(platform.webUrl, username, password);
  expect(result.status, `login ${username}`).toBe(302);
  return result.cookie!;
}

async function isLoggedIn(cookie: string, home = "/staff"): Promise<boolean> {
  const response = await get(platform.webUrl, home, cookie);
  if (response.status === 200) return true;
  expect(response.headers.get("location")).toMatch(/^\/login/);
  return false;
}

describe("sessions", () => {
  it("gives every login a new session and ends it on logout, so a copied cookie stops working", async () => {
    const first = await loggedIn("qianzhou");
    const second = await loggedIn("qianzhou");
    expect(first).not.toBe(second);
    const copied = second;
    expect(await isLoggedIn(copied)).toBe(true);
    expect((await postForm(platform.webUrl, "/logout", {}, { cookie: second })).status).toBe(302);
    expect(await isLoggedIn(copied)).toBe(false);
    expect(await isLoggedIn(first)).toBe(true);
  });

  it("replaces the session a login request carried (no fixation)", async () => {
    const before = await loggedIn("qianzhou");
    const response = await postForm(platform.webUrl, "/login", { username: "qianzhou", password: DEMO_PASSWORD }, { cookie: before });
    expect(response.status).toBe(302);
    const after = response.headers.get("set-cookie")!.split(";")[0];
    expect(after).not.toBe(before);
    expect(await isLoggedIn(before)).toBe(false);
    expect(await isLoggedIn(after)).toBe(true);
  });

  it("expires sessions on the server, whatever the cookie says", async () => {
    const cookie = await loggedIn("qianzhou");
    const { count } = await db.prisma.session.updateMany({
      where: { user: { username: "qianzhou" }, expiresAt: { gt: new Date() } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(count).toBeGreaterThan(0);
    expect(await isLoggedIn(cookie)).toBe(false);
  });

  it("stores only a hash of the session token", async () => {
    const cookie = await loggedIn("qianzhou");
    const rawValue = decodeURIComponent(cookie.split("=")[1]);
    const ids = (await db.prisma.session.findMany({ select: { id: true } })).map((s) => s.id);
    expect(ids.some((id) => rawValue.includes(id))).toBe(false);
  });

  it("lets an admin end a user's sessions, and only that user's", async () => {
    const admin = await loggedIn("admin");
    const deputy = await loggedIn("daibiao");
    const staff = await loggedIn("qianzhou");
    const { id } = await db.prisma.user.findUniqueOrThrow({ where: { username: "daibiao" } });
    const response = await postForm(platform.webUrl, "/admin/users?_data=routes%2Fadmin.users", { intent: "end-sessions", userId: id }, { cookie: admin });
    expect(response.status).toBe(200);
    expect((await response.json()).message).toContain("已结束");
    expect(await isLoggedIn(deputy, "/deputy")).toBe(false);
    expect(await isLoggedIn(staff)).toBe(true);
    expect(await db.prisma.auditLog.count({ where: { action: "user.sessions-ended", entityId: id } })).toBe(1);
  });

  it("ends a user's sessions when an admin changes their role or resets their password", async () => {
    const admin = await loggedIn("admin");
    const { id } = await db.prisma.user.findUniqueOrThrow({ where: { username: "daibiao2" } });
    const asDeputy = await loggedIn("daibiao2");
    const changed = await postForm(platform.webUrl, "/admin/users?_data=routes%2Fadmin.users", { intent: "change-role", userId: id, role: "collector" }, { cookie: admin });
    expect(changed.status).toBe(200);
    expect(await isLoggedIn(asDeputy, "/deputy")).toBe(false);
    const relogin = await login(platform.webUrl, "daibiao2");
    expect(relogin.location).toBe("/collector");

    const reset = await postForm(platform.webUrl, "/admin/users?_data=routes%2Fadmin.users", { intent: "reset-password", userId: id, password: "new-password-2026" }, { cookie: admin });
    expect(reset.status).toBe(200);
    expect(await isLoggedIn(relogin.cookie!, "/collector")).toBe(false);
    expect((await login(platform.webUrl, "daibiao2")).status).toBe(401);
    expect((await login(platform.webUrl, "daibiao2", "new-password-2026")).location).toBe("/collector");
  });

  it("refuses role changes that would move a user out of their kind of unit, and non-admins", async () => {
    const admin = await loggedIn("admin");
    const { id } = await db.prisma.user.findUniqueOrThrow({ where: { username: "fagongwei" } });
    const response = await postForm(platform.webUrl, "/admin/users?_data=routes%2Fadmin.users", { intent: "change-role", userId: id, role: "staff" }, { cookie: admin });
    expect(response.status).toBe(400);
    const staff = await loggedIn("qianzhou");
    expect((await postForm(platform.webUrl, "/admin/users", { intent: "end-sessions", userId: id }, { cookie: staff })).status).toBe(403);
  });
});

describe("cross-site requests", () => {
  it.each([
    ["a cross-site login form", "/login", { Origin: "http://evil.example" }],
    ["a cross-site login data request", "/login?_data=routes%2Flogin", { Origin: "http://evil.example" }],
    ["a login marked cross-site by the browser", "/login?_data=routes%2Flogin", { "Sec-Fetch-Site": "cross-site" }],
    ["a login from a foreign page without Origin", "/login", { Referer: "http://evil.example/form.html" }],
    ["a login from an opaque origin", "/login", { Origin: "null" }],
  ])("refuses %s without logging anyone in", async (_name, path, headers) => {
    const response = await postForm(platform.webUrl, path, { username: "qianzhou", password: DEMO_PASSWORD }, { origin: null, headers });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toContain("拒绝来自其他网站的提交");
  });

  it("refuses a cross-site logout and keeps the session", async () => {
    const cookie = await loggedIn("qianzhou");
    const response = await postForm(platform.webUrl, "/logout", {}, { cookie, origin: "http://evil.example" });
    expect(response.status).toBe(403);
    expect(await isLoggedIn(cookie)).toBe(true);
  });

  it("accepts the site's own forms and clients that send no browser headers", async () => {
    expect((await postForm(platform.webUrl, "/login", { username: "qianzhou", password: DEMO_PASSWORD })).status).toBe(302);
    expect((await postForm(platform.webUrl, "/login", { username: "qianzhou", password: DEMO_PASSWORD }, { origin: null })).status).toBe(302);
  });

  it("gives /logout a page that asks before logging out", async () => {
    const cookie = await loggedIn("qianzhou");
    const page = await get(platform.webUrl, "/logout", cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("确定要退出吗");
    expect(await isLoggedIn(cookie)).toBe(true);
  });
});

describe("headers", () => {
  it("forbid framing, sniffing and foreign scripts; the inline scripts carry the CSP nonce", async () => {
    const response = await get(platform.webUrl, "/login");
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await response.text();
    const inlineScripts = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const tag of inlineScripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = (await get(platform.webUrl, "/login")).headers.get("content-security-policy")!;
    expect(again).not.toContain(nonce);
  });

  it("keep the forum page, which embeds a collab token, out of every cache", async () => {
    const cookie = await loggedIn("qianzhou");
    const response = await get(platform.webUrl, `/forums/${forumId}`, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-security-policy")).toContain("connect-src 'self' ws://127.0.0.1:");
  });

  it("ignore X-Forwarded-Proto unless TRUST_PROXY is set", async () => {
    const cookie = await loggedIn("qianzhou");
    const html = await (await get(platform.webUrl, `/forums/${forumId}`, cookie, { "X-Forwarded-Proto": "https" })).text();
    expect(html).toContain('"serverUrl":"ws://127.0.0.1:');
    expect(html).not.toContain("wss://");
  });
});

describe("odd input", () => {
  it.each(["/p/ab%00c", "/forums/ab%00c", "/consultations/%00", "/p/%zz", "/login?redirectTo=%00"])("answers %s with 400 and no stack trace in the log", async (path) => {
    const before = platform.logs.length;
    const response = await get(platform.webUrl, path);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("请求地址无效");
    const logged = platform.logs.slice(before).join("\n");
    expect(logged).not.toMatch(/prisma|\n\s+at /i);
  });

  it("answers a username with a NUL byte with 400 and a Chinese message", async () => {
    const response = await postForm(platform.webUrl, "/login?_data=routes%2Flogin", { username: "qian\u0000zhou", password: "x" });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("用户名含有无效字符");
  });

  it("refuses a body of unknown length, which could be endless, and one over the size limit", async () => {
    const { request } = await import("node:http");
    const send = (headers: Record<string, string>, body: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(platform.webUrl);
        const req = request({ host: url.hostname, port: url.port, path: "/login", method: "POST", headers, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end(body);
      });
    expect(await send({ "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" }, "username=a&password=b")).toBe(411);
    expect(await send({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(21 * 1024 * 1024) }, "")).toBe(413);
  });

  it("refuses a forged Host header", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(platform.webUrl);
      request({ host: url.hostname, port: url.port, path: "/login", headers: { Host: 'evil.example"><script>' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on("error", reject).end();
    });
    expect(status).toBe(400);
  });

  it("refuses a username with a line break, and logs a failed username quoted, so neither can forge log entries", async () => {
    const before = platform.logs.length;
    expect((await login(platform.webUrl, "nobody\n[web] login ok for admin", "wrong")).status).toBe(400);
    const spoof = 'nobody" from "10.0.0.1';
    expect((await login(platform.webUrl, spoof, "wrong")).status).toBe(401);
    await waitFor(() => platform.logs.some((line) => line.includes(JSON.stringify(spoof))), { what: "the quoted log line" });
    const logged = platform.logs.slice(before);
    expect(logged.some((line) => line.startsWith("[web] [web]"))).toBe(false);
    expect(logged.some((line) => line.includes('username "nobody" from "10.0.0.1"'))).toBe(false);
  });
});

describe("login throttling", () => {
  let throttled: RunningPlatform;
  // Behind a proxy (TRUST_PROXY), each test comes from its own address.
  let nextAddress = 1;
  const fromAddress = () => ({ "X-Forwarded-For": `198.51.100.${nextAddress++}` });

  beforeAll(async () => {
    throttled = await startPlatform(db.url, ["web"], { TRUST_PROXY: "true", LOGIN_MAX_FAILURES_PER_ACCOUNT: "3", LOGIN_MAX_FAILURES_PER_IP: "6" });
  }, 60_000);

  afterAll(async () => {
    await throttled?.stop();
  });

  const attempt = (username: string, password: string, headers: Record<string, string>) =>
    postForm(throttled.webUrl, "/login?_data=routes%2Flogin", { username, password }, { origin: null, headers });

  it("locks an account after its failures with a Chinese message saying when to retry, even for the right password", async () => {
    const address = fromAddress();
    for (let i = 0; i < 3; i++) expect((await attempt("luoshe", "wrong", address)).status).toBe(401);
    const refused = await attempt("luoshe", DEMO_PASSWORD, fromAddress());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatch(/登录失败次数过多，请在 \d+ 分钟后（北京时间 \d\d:\d\d 之后）再试/);
    const audit = await db.prisma.auditLog.findMany({ where: { action: "login.failed", detail: { path: ["username"], equals: "luoshe" } } });
    expect(audit).toHaveLength(1);
    expect((audit[0].detail as { failures: number }).failures).toBe(3);
  });

  it("does not let concurrent guesses slip past the limit", async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, () => attempt("zhonglou", "wrong", fromAddress()).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it("limits one address trying many accounts", async () => {
    const address = fromAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attempt(`nobody${i}`, "wrong", address)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });

  it("clears an account's count on success", async () => {
    const address = fromAddress();
    for (let i = 0; i < 2; i++) expect((await attempt("tianning", "wrong", address)).status).toBe(401);
    expect((await attempt("tianning", DEMO_PASSWORD, address)).status).toBe(204);
    for (let i = 0; i < 3; i++) expect((await attempt("tianning", "wrong", address)).status).toBe(401);
  });

  it("answers a flood of password checks with 'busy' rather than queueing without end, and keeps serving pages", async () => {
    const flood = Array.from({ length: 40 }, (_, i) => attempt(`flood${i}`, "wrong", fromAddress()));
    const page = await get(throttled.webUrl, "/login");
    expect(page.status).toBe(200);
    const responses = await Promise.all(flood);
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
    expect(statuses).toContain(503);
    const busy = responses.find((r) => r.status === 503)!;
    expect((await busy.json()).error).toContain("登录的人较多");
  });
});

describe("collab-server", () => {
  it("starts without SESSION_SECRET, which only the web app needs", async () => {
    const collab = await startPlatform(db.url, ["collab"], { SESSION_SECRET: undefined });
    try {
      const response = await fetch(`${collab.collabUrl.replace("ws:", "http:")}/healthz`);
      expect(response.status).toBe(200);
    } finally {
      await collab.stop();
    }
  });
});
