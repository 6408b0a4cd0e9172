// Login and role/scope guards, through the real built web app over HTTP.
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { get, login } from "./helpers/http";
import { loadDemoData } from "../seeds/load-demo-data";

let db: TestDatabase;
let platform: RunningPlatform;
const ids = { qianzhouConsultation: "", luosheConsultation: "", qianzhouForum: "", luosheForum: "", draft: "" };
const cookies: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  const consultations = await db.prisma.consultation.findMany({ select: { id: true, contactPoint: { select: { name: true } } } });
  ids.qianzhouConsultation = consultations.find((c) => c.contactPoint.name === "惠山区前洲街道人大工委")!.id;
  ids.luosheConsultation = consultations.find((c) => c.contactPoint.name === "洛社镇人大")!.id;
  ids.qianzhouForum = (await db.prisma.forum.findFirstOrThrow()).id;
  ids.luosheForum = (
    await db.prisma.forum.create({ data: { consultationId: ids.luosheConsultation, title: "洛社镇座谈会", heldAt: new Date(), location: "洛社镇" } })
  ).id;
  ids.draft = (await db.prisma.draft.findFirstOrThrow()).id;
  platform = await startPlatform(db.url, ["web"]);
  for (const username of ["admin", "fagongwei", "fagongwei_cz", "qianzhou", "daibiao", "xinxiyuan", "luoshe"]) {
    const result = await login(platform.webUrl, username);
    expect(result.status, `login ${username}`).toBe(302);
    cookies[username] = result.cookie!;
  }
}, 60_000);

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});

describe("login", () => {
  it("refuses a wrong password with a Chinese message and no session", async () => {
    const result = await login(platform.webUrl, "qianzhou", "wrong-password");
    expect(result.status).toBe(401);
    expect(result.cookie).toBeNull();
    expect(result.body).toContain("用户名或密码不正确");
    expect(await db.prisma.auditLog.count({ where: { action: "login.failed", detail: { path: ["username"], equals: "qianzhou" } } })).toBe(1);
  });

  it("answers an empty form with 400", async () => {
    const result = await login(platform.webUrl, "", "");
    expect(result.status).toBe(400);
    expect(result.body).toContain("请输入用户名");
  });

  it.each([
    ["admin", "/admin", "系统管理"],
    ["fagongwei", "/legislature", "无锡市人大常委会法制工作委员会"],
    ["qianzhou", "/staff", "惠山区前洲街道人大工委"],
    ["daibiao", "/deputy", "待审阅的法规草案"],
    ["xinxiyuan", "/collector", "惠山区前洲街道人大工委"],
  ])("sends %s to its home page %s", async (username, home, text) => {
    const result = await login(platform.webUrl, username);
    expect(result.location).toBe(home);
    const page = await get(platform.webUrl, home, result.cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(text);
  });

  it("sends anonymous visitors of a protected page to the login page", async () => {
    const response = await get(platform.webUrl, "/staff");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fstaff");
  });

  it.each(["//evil.example", "/\\evil.example", "/.//evil.example", "/..//evil.example", "/%2e//evil.example", "/a/..//evil.example"])("does not follow a redirectTo that leaves the site: %s", async (redirectTo) => {
    const response = await fetch(`${platform.webUrl}/login`, {
      method: "POST",
      body: new URLSearchParams({ username: "qianzhou", password: "lifa2026", redirectTo }),
      redirect: "manual",
    });
    expect(response.headers.get("location")).toBe("/staff");
  });
});

describe("role guards", () => {
  it.each([
    ["daibiao", "/legislature"],
    ["qianzhou", "/legislature"],
    ["daibiao", "/staff"],
    ["fagongwei", "/staff"],
    ["qianzhou", "/admin"],
    ["fagongwei", "/admin"],
  ])("%s gets 403 on %s", async (username, path) => {
    expect((await get(platform.webUrl, path, cookies[username])).status).toBe(403);
  });

  it("keeps a deputy out of the legislature's draft page", async () => {
    expect((await get(platform.webUrl, `/legislature/drafts/${ids.draft}`, cookies.daibiao)).status).toBe(403);
  });

  it("keeps forum minutes away from the legislature", async () => {
    expect((await get(platform.webUrl, `/forums/${ids.qianzhouForum}`, cookies.fagongwei)).status).toBe(403);
    expect((await get(platform.webUrl, `/forums/${ids.qianzhouForum}/collab-token`, cookies.fagongwei)).status).toBe(403);
  });
});

describe("contact point scope", () => {
  it("shows staff their own consultation and forum", async () => {
    const page = await get(platform.webUrl, `/consultations/${ids.qianzhouConsultation}`, cookies.qianzhou);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("某市电梯安全管理条例（草案）");
    expect(html).toContain("第一条");
    expect((await get(platform.webUrl, `/forums/${ids.qianzhouForum}`, cookies.qianzhou)).status).toBe(200);
  });

  it("gives staff of contact point A a 404 on B's consultation, forum and collab token", async () => {
    expect((await get(platform.webUrl, `/consultations/${ids.luosheConsultation}`, cookies.qianzhou)).status).toBe(404);
    expect((await get(platform.webUrl, `/forums/${ids.luosheForum}`, cookies.qianzhou)).status).toBe(404);
    expect((await get(platform.webUrl, `/forums/${ids.luosheForum}/collab-token`, cookies.qianzhou)).status).toBe(404);
    expect((await get(platform.webUrl, `/forums/${ids.qianzhouForum}`, cookies.luoshe)).status).toBe(404);
  });

  it("lists only the user's own contact point's consultations", async () => {
    const html = await (await get(platform.webUrl, "/staff", cookies.luoshe)).text();
    expect(html).toContain(ids.luosheConsultation);
    expect(html).not.toContain(ids.qianzhouConsultation);
  });

  it("gives another legislature a 404 on the draft and its consultations", async () => {
    expect((await get(platform.webUrl, `/legislature/drafts/${ids.draft}`, cookies.fagongwei)).status).toBe(200);
    expect((await get(platform.webUrl, `/legislature/drafts/${ids.draft}`, cookies.fagongwei_cz)).status).toBe(404);
    expect((await get(platform.webUrl, `/consultations/${ids.qianzhouConsultation}`, cookies.fagongwei_cz)).status).toBe(404);
  });

  it("gives a read-only collab token to collectors and a writable one to deputies", async () => {
    const decode = async (cookie: string) => {
      const { token } = await (await get(platform.webUrl, `/forums/${ids.qianzhouForum}/collab-token`, cookie)).json();
      return JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString());
    };
    expect((await decode(cookies.xinxiyuan)).mode).toBe("read");
    expect((await decode(cookies.daibiao)).mode).toBe("write");
  });
});

describe("public pages", () => {
  it("show the draft behind a consultation's public link without login", async () => {
    const { publicToken } = await db.prisma.consultation.findUniqueOrThrow({ where: { id: ids.qianzhouConsultation } });
    const page = await get(platform.webUrl, `/p/${publicToken}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("第四十条");
  });

  it("answer an unknown public link with 404 and a Chinese message", async () => {
    const response = await get(platform.webUrl, "/p/not-a-token");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("该征求意见链接无效或已失效");
  });

  it("answer an unknown page with 404 without internal details", async () => {
    const response = await get(platform.webUrl, "/no-such-page");
    expect(response.status).toBe(404);
    // What the page shows comes before the hydration scripts (which carry Remix's own error record).
    const visible = (await response.text()).split("<script")[0];
    expect(visible).toContain("页面不存在");
    expect(visible).not.toContain("No route matches");
  });
});
