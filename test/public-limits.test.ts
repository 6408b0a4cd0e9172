// Rate limits of the public pages, kept in Redis: comment posts per client address and per consultation, receipt
// lookups per address. Small limits through their settings; TRUST_PROXY lets the test speak from several addresses.
// The same platform has PUBLIC_URL set, so the QR codes' address is checked here too.
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPlatform, type RunningPlatform } from "./helpers/platform";
import { get, login, postForm } from "./helpers/http";
import { loadDemoData } from "../seeds/load-demo-data";

let db: TestDatabase;
let platform: RunningPlatform;
let token = "";
let otherToken = "";

const PER_IP = 3;
const PER_CONSULTATION = 5;
const LOOKUPS = 4;
const PUBLIC_URL = "https://lifa.example.org";

function post(path: string, form: Record<string, string>, ip: string) {
  return postForm(platform.webUrl, path, form, { origin: null, headers: { "X-Forwarded-For": ip } });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  const consultations = await db.prisma.consultation.findMany({ orderBy: { createdAt: "asc" }, select: { publicToken: true } });
  [token, otherToken] = consultations.map((c) => c.publicToken);
  platform = await startPlatform(db.url, ["web"], {
    TRUST_PROXY: "true",
    PUBLIC_COMMENT_LIMIT_PER_IP: String(PER_IP),
    PUBLIC_COMMENT_LIMIT_PER_CONSULTATION: String(PER_CONSULTATION),
    RECEIPT_LOOKUP_LIMIT_PER_IP: String(LOOKUPS),
    PUBLIC_URL,
  });
}, 60_000);

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});

describe("public comment limits", () => {
  it("answers 429 with Retry-After and a Chinese message once an address used its posts, keeping the text and storing nothing", async () => {
    const ip = "203.0.113.10";
    for (let i = 0; i < PER_IP; i++) expect((await post(`/p/${token}`, { citation: "", body: `按地址限流-${i}` }, ip)).status).toBe(200);
    const refused = await post(`/p/${token}`, { citation: "", body: "按地址限流-多出的一条" }, ip);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const html = await refused.text();
    expect(html).toContain("提交过于频繁");
    expect(html).toContain("按地址限流-多出的一条</textarea>");
    expect(await db.prisma.comment.count({ where: { body: { startsWith: "按地址限流" } } })).toBe(PER_IP);
    // The same address is refused on another consultation too; another address is not.
    expect((await post(`/p/${otherToken}`, { citation: "", body: "按地址限流-另一个征求意见" }, ip)).status).toBe(429);
    expect((await post(`/p/${otherToken}`, { citation: "", body: "另一个地址" }, "203.0.113.11")).status).toBe(200);
  });

  it("caps all posts to one consultation, whatever the address", async () => {
    const before = await db.prisma.comment.count();
    const statuses: number[] = [];
    // The consultation already has PER_IP posts from the test above.
    for (let i = 0; i < PER_CONSULTATION; i++) statuses.push((await post(`/p/${token}`, { citation: "", body: `按征求意见限流-${i}` }, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    expect(await db.prisma.comment.count()).toBe(before + 2);
  });
});

describe("receipt lookup limits", () => {
  it("answers 429 in Chinese after too many lookups from one address", async () => {
    const ip = "192.0.2.50";
    const lookup = () => get(platform.webUrl, "/r/ABCDEFGHJKMN", null, { "X-Forwarded-For": ip });
    for (let i = 0; i < LOOKUPS; i++) expect((await lookup()).status).toBe(404);
    const refused = await lookup();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("查询次数过多");
    expect((await get(platform.webUrl, "/r/ABCDEFGHJKMN", null, { "X-Forwarded-For": "192.0.2.51" })).status).toBe(404);
  });
});

describe("QR codes with PUBLIC_URL set", () => {
  it("encode the public origin, whatever address the poster was opened at", async () => {
    const consultation = await db.prisma.consultation.findFirstOrThrow({ where: { publicToken: token } });
    const staff = await db.prisma.user.findFirstOrThrow({ where: { role: "staff", contactPointId: consultation.contactPointId } });
    const cookie = (await login(platform.webUrl, staff.username)).cookie;
    const poster = await get(platform.webUrl, `/consultations/${consultation.id}/poster`, cookie, { "X-Forwarded-For": "192.0.2.99" });
    expect(poster.status).toBe(200);
    const html = await poster.text();
    expect(html).toContain(`${PUBLIC_URL}/p/${token}`);
    expect(html).not.toContain("手机扫码后打不开");
  });
});
