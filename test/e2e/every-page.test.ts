// Every page, as every demo role opens it, in a real browser: no uncaught error, no console error, no NUL byte in
// the server's HTML. Screenshots go to test/e2e/artifacts/ for a person to look at.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startPlatform, type RunningPlatform } from "../helpers/platform";
import { hasChromium, launchBrowser, loginAs, waitForHydration, watchPageErrors, type PageErrors } from "../helpers/browser";
import { loadDemoData } from "../../seeds/load-demo-data";
import { DEMO_FORUM, USERS } from "../../seeds/demo-data";
import { ROLE_HOME } from "~/utils/roles";

const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const ROUTES = path.join(import.meta.dirname, "../../app/routes");

/** Ids of the demo data the paths point at (the demo staff, deputy and collector share one contact point). */
interface Seeded {
  consultationId: string;
  forumId: string;
  draftId: string;
  /** The demo draft's published version. */
  draftVersionId: string;
  publicToken: string;
  /** The demo deputy's personal QR code, and a public comment's receipt number. */
  deputyQrToken: string;
  receiptNo: string;
}

const SIGNED_IN = ["admin", "fagongwei", "qianzhou", "daibiao", "xinxiyuan"] as const;
type Visitor = "anonymous" | (typeof SIGNED_IN)[number];

interface Visit {
  visitor: Visitor;
  /** Names the screenshot: artifacts/<role>-<name>.png. */
  name: string;
  path: (s: Seeded) => string;
  /** The app/routes module that renders it (the last test checks every page route is visited). */
  route?: string;
  status?: number;
  /** Shown once the page works: links the role navigates by, or the live editor. */
  ready?: (s: Seeded) => string;
  /** Pages people open on their phones get a phone-sized window. */
  viewport?: { width: number; height: number };
}

const DESKTOP = { width: 1100, height: 800 };
const PHONE = { width: 390, height: 844 };
const DRAFT_READY = ".draft .article";
const MINUTES_READY = '.editor-status[data-status="connected"][data-synced="yes"] ~ .minutes-editor .ProseMirror';

/** The same page for every signed-in visitor. */
function forEverySignedIn(visit: Omit<Visit, "visitor">): Visit[] {
  return SIGNED_IN.map((visitor) => ({ visitor, ...visit }));
}

// Add a row when you add a page (the last test lists page routes without one). Paths are built from the demo data.
const VISITS: Visit[] = [
  { visitor: "anonymous", name: "root", path: () => "/", route: "login" },
  { visitor: "anonymous", name: "login", path: () => "/login", route: "login" },
  { visitor: "anonymous", name: "public", path: (s) => `/p/${s.publicToken}`, route: "p.$token", ready: () => DRAFT_READY, viewport: PHONE },
  { visitor: "anonymous", name: "staff-home-signed-out", path: () => "/staff", route: "login", ready: () => 'input[name="username"]' },
  { visitor: "anonymous", name: "public-unknown-token", path: () => "/p/no-such-token", status: 404, viewport: PHONE },
  { visitor: "anonymous", name: "public-clause-form", path: (s) => `/p/${s.publicToken}?clause=${encodeURIComponent("第十二条")}`, route: "p.$token", ready: () => 'textarea[name="body"]', viewport: PHONE },
  { visitor: "anonymous", name: "receipt-lookup", path: () => "/r", route: "r._index", ready: () => 'input[name="no"]', viewport: PHONE },
  { visitor: "anonymous", name: "receipt", path: (s) => `/r/${s.receiptNo}`, route: "r.$receiptNo", ready: () => ".receipt-card", viewport: PHONE },
  { visitor: "anonymous", name: "receipt-unknown", path: () => "/r/ABCDEFGHJKMN", status: 404, viewport: PHONE },
  { visitor: "anonymous", name: "deputy-landing", path: (s) => `/d/${s.deputyQrToken}`, route: "d.$qrToken", ready: (s) => `a[href^="/p/${s.publicToken}?via="]`, viewport: PHONE },
  { visitor: "anonymous", name: "deputy-landing-unknown", path: () => "/d/no-such-deputy-token", status: 404, viewport: PHONE },
  { visitor: "anonymous", name: "not-found", path: () => "/no-such-page", status: 404 },

  { visitor: "admin", name: "home", path: () => "/admin", route: "admin._index" },
  { visitor: "admin", name: "users", path: () => "/admin/users", route: "admin.users" },
  { visitor: "admin", name: "consultation", path: (s) => `/consultations/${s.consultationId}`, route: "consultations.$consultationId" },

  { visitor: "fagongwei", name: "home", path: () => "/legislature", route: "legislature._index", ready: (s) => `a[href="/legislature/drafts/${s.draftId}"]` },
  { visitor: "fagongwei", name: "draft", path: (s) => `/legislature/drafts/${s.draftId}`, route: "legislature.drafts.$draftId._index", ready: () => DRAFT_READY },
  { visitor: "fagongwei", name: "draft-new", path: () => "/legislature/drafts/new", route: "legislature.drafts.new", ready: () => ".rich-text-editor .ProseMirror" },
  { visitor: "fagongwei", name: "draft-new-version", path: (s) => `/legislature/drafts/${s.draftId}/versions/new`, route: "legislature.drafts.$draftId.versions.new", ready: () => 'input[type="file"]' },
  { visitor: "fagongwei", name: "version-source", path: (s) => `/legislature/drafts/${s.draftId}/versions/${s.draftVersionId}/edit`, route: "legislature.drafts.$draftId.versions.$versionId.edit", ready: () => '.workbench[data-parse-state="ready"] .parsed-preview .article' },
  { visitor: "fagongwei", name: "version-publish", path: (s) => `/legislature/drafts/${s.draftId}/versions/${s.draftVersionId}/publish`, route: "legislature.drafts.$draftId.versions.$versionId.publish" },
  { visitor: "fagongwei", name: "draft-compare", path: (s) => `/legislature/drafts/${s.draftId}/compare`, route: "legislature.drafts.$draftId.compare" },
  { visitor: "fagongwei", name: "draft-compare-unknown-version", path: (s) => `/legislature/drafts/${s.draftId}/compare?to=no-such-version`, status: 404 },
  { visitor: "fagongwei", name: "consultation", path: (s) => `/consultations/${s.consultationId}`, route: "consultations.$consultationId" },
  { visitor: "fagongwei", name: "draft-reports", path: (s) => `/legislature/drafts/${s.draftId}/reports`, route: "legislature.drafts.$draftId.reports", ready: () => "table.incoming-reports" },
  { visitor: "fagongwei", name: "draft-adoption", path: (s) => `/legislature/drafts/${s.draftId}/adoption`, route: "legislature.drafts.$draftId.adoption" },
  { visitor: "fagongwei", name: "report-forbidden", path: (s) => `/consultations/${s.consultationId}/report`, status: 403 },
  { visitor: "fagongwei", name: "forum-forbidden", path: (s) => `/forums/${s.forumId}`, status: 403 },

  { visitor: "qianzhou", name: "home", path: () => "/staff", route: "staff._index", ready: (s) => `a[href="/consultations/${s.consultationId}"]` },
  { visitor: "qianzhou", name: "consultation", path: (s) => `/consultations/${s.consultationId}`, route: "consultations.$consultationId", ready: (s) => `a[href="/p/${s.publicToken}"]` },
  { visitor: "qianzhou", name: "forum", path: (s) => `/forums/${s.forumId}`, route: "forums.$forumId", ready: () => MINUTES_READY },
  { visitor: "qianzhou", name: "forum-phone", path: (s) => `/forums/${s.forumId}`, route: "forums.$forumId", ready: () => MINUTES_READY, viewport: PHONE },
  { visitor: "qianzhou", name: "forums", path: () => "/forums", route: "forums._index", ready: (s) => `a[href="/forums/${s.forumId}"]` },
  { visitor: "qianzhou", name: "forum-new", path: (s) => `/consultations/${s.consultationId}/forums/new`, route: "consultations.$consultationId_.forums.new", ready: () => 'input[name="deputyId"]' },
  { visitor: "qianzhou", name: "forum-new-phone", path: (s) => `/consultations/${s.consultationId}/forums/new`, route: "consultations.$consultationId_.forums.new", ready: () => 'input[name="residentName"]', viewport: PHONE },
  { visitor: "qianzhou", name: "forum-edit", path: (s) => `/forums/${s.forumId}/edit`, route: "forums.$forumId_.edit", ready: () => 'input[name="title"]' },
  { visitor: "qianzhou", name: "forum-edit-unknown", path: () => "/forums/no-such-forum/edit", status: 404 },
  { visitor: "qianzhou", name: "consultation-unknown", path: () => "/consultations/no-such-consultation", status: 404 },
  { visitor: "qianzhou", name: "poster", path: (s) => `/consultations/${s.consultationId}/poster`, route: "consultations.$consultationId_.poster", ready: () => ".poster img" },
  { visitor: "qianzhou", name: "comparison", path: (s) => `/consultations/${s.consultationId}/comparison`, route: "consultations.$consultationId_.comparison", viewport: PHONE },
  { visitor: "qianzhou", name: "comparison-unknown", path: () => "/consultations/no-such-consultation/comparison", status: 404 },
  { visitor: "qianzhou", name: "comments", path: (s) => `/consultations/${s.consultationId}/comments`, route: "consultations.$consultationId_.comments", ready: () => ".curation-filters select" },
  { visitor: "qianzhou", name: "comments-phone", path: (s) => `/consultations/${s.consultationId}/comments?status=active`, route: "consultations.$consultationId_.comments", ready: () => ".curation-filters select", viewport: PHONE },
  { visitor: "qianzhou", name: "report", path: (s) => `/consultations/${s.consultationId}/report`, route: "consultations.$consultationId_.report", ready: () => ".compile-form button" },
  { visitor: "qianzhou", name: "report-phone", path: (s) => `/consultations/${s.consultationId}/report`, route: "consultations.$consultationId_.report", ready: () => ".compile-form button", viewport: PHONE },
  { visitor: "qianzhou", name: "report-submit", path: (s) => `/consultations/${s.consultationId}/report/submit`, route: "consultations.$consultationId_.report_.submit" },
  { visitor: "qianzhou", name: "comment-unknown", path: (s) => `/consultations/${s.consultationId}/comments/no-such-comment`, route: "consultations.$consultationId_.comments_.$commentId", status: 404 },

  { visitor: "daibiao", name: "home", path: () => "/deputy", route: "deputy._index", ready: (s) => `a[href="/consultations/${s.consultationId}"]` },
  { visitor: "daibiao", name: "consultation", path: (s) => `/consultations/${s.consultationId}`, route: "consultations.$consultationId", ready: (s) => `a[href="/forums/${s.forumId}"]` },
  { visitor: "daibiao", name: "comparison", path: (s) => `/consultations/${s.consultationId}/comparison`, route: "consultations.$consultationId_.comparison" },
  { visitor: "daibiao", name: "forum", path: (s) => `/forums/${s.forumId}`, route: "forums.$forumId", ready: () => MINUTES_READY },
  { visitor: "daibiao", name: "forums", path: () => "/forums", route: "forums._index", ready: (s) => `a[href="/forums/${s.forumId}"]`, viewport: PHONE },
  { visitor: "daibiao", name: "forum-new-forbidden", path: (s) => `/consultations/${s.consultationId}/forums/new`, status: 403 },
  { visitor: "daibiao", name: "comments-forbidden", path: (s) => `/consultations/${s.consultationId}/comments`, status: 403 },
  { visitor: "daibiao", name: "report", path: (s) => `/consultations/${s.consultationId}/report`, route: "consultations.$consultationId_.report", viewport: PHONE },
  { visitor: "daibiao", name: "report-submit-forbidden", path: (s) => `/consultations/${s.consultationId}/report/submit`, status: 403 },
  { visitor: "daibiao", name: "qr", path: () => "/deputy/qr", route: "deputy.qr", ready: () => ".poster img" },
  { visitor: "daibiao", name: "poster-not-found", path: (s) => `/consultations/${s.consultationId}/poster`, status: 404 },

  { visitor: "xinxiyuan", name: "home", path: () => "/collector", route: "collector._index", ready: (s) => `a[href="/consultations/${s.consultationId}"]` },
  { visitor: "xinxiyuan", name: "consultation", path: (s) => `/consultations/${s.consultationId}`, route: "consultations.$consultationId", ready: (s) => `a[href="/p/${s.publicToken}"]` },
  { visitor: "xinxiyuan", name: "forum", path: (s) => `/forums/${s.forumId}`, route: "forums.$forumId", ready: () => MINUTES_READY },

  ...forEverySignedIn({ name: "logout", path: () => "/logout", route: "logout" }),
  ...forEverySignedIn({ name: "not-found", path: () => "/no-such-page", status: 404 }),
];

function roleOf(visitor: Visitor): string {
  return visitor === "anonymous" ? "anonymous" : USERS.find((u) => u.username === visitor)!.role;
}

/** Offsets of NUL bytes in a response body (React 18.3's streaming renderer once put them before 2 KB boundaries). */
function nulOffsets(body: Buffer): number[] {
  const offsets: number[] = [];
  for (let i = body.indexOf(0); i !== -1; i = body.indexOf(0, i + 1)) offsets.push(i);
  return offsets;
}

/** app/routes modules that render a page (have a default export), by route id. */
function pageRoutes(): string[] {
  return fs
    .readdirSync(ROUTES, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isFile()) return [{ id: entry.name.replace(/\.(tsx?|jsx?)$/, ""), file: path.join(ROUTES, entry.name) }];
      const file = ["route.tsx", "route.ts"].map((name) => path.join(ROUTES, entry.name, name)).find((f) => fs.existsSync(f));
      return file ? [{ id: entry.name, file }] : [];
    })
    .filter(({ file }) => /^export default /m.test(fs.readFileSync(file, "utf8")))
    .map(({ id }) => id)
    .sort();
}

describe.skipIf(!hasChromium)("every page in the browser (needs Debian's chromium)", () => {
  let db: TestDatabase;
  let platform: RunningPlatform;
  let browser: Browser;
  let seeded: Seeded;
  const contexts = new Map<Visitor, BrowserContext>();

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma);
    const forum = await db.prisma.forum.findFirstOrThrow({
      where: { title: DEMO_FORUM.title },
      select: { id: true, consultation: { select: { id: true, publicToken: true, draftVersion: { select: { id: true, draftId: true } } } } },
    });
    const deputy = await db.prisma.user.findUniqueOrThrow({ where: { username: "daibiao" }, select: { qrToken: true } });
    const receipt = await db.prisma.comment.create({ data: { consultationId: forum.consultation.id, source: "public", body: "建议增加既有住宅加装电梯的规定。", receiptNo: "DEMQRECEPT23" } });
    seeded = {
      consultationId: forum.consultation.id,
      forumId: forum.id,
      draftId: forum.consultation.draftVersion.draftId,
      draftVersionId: forum.consultation.draftVersion.id,
      publicToken: forum.consultation.publicToken,
      deputyQrToken: deputy.qrToken!,
      receiptNo: receipt.receiptNo!,
    };
    platform = await startPlatform(db.url, ["web", "collab"]);
    browser = await launchBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  });

  /** One browser per visitor, signed in through the login form (the form itself must work without errors too). */
  async function contextOf(visitor: Visitor): Promise<BrowserContext> {
    const existing = contexts.get(visitor);
    if (existing) return existing;
    const context = await browser.newContext({ viewport: DESKTOP });
    contexts.set(visitor, context);
    if (visitor !== "anonymous") {
      const page = await context.newPage();
      const errors = watchPageErrors(page, { ownOrigin: platform.webUrl });
      await loginAs(page, platform.webUrl, visitor, ROLE_HOME[USERS.find((u) => u.username === visitor)!.role]);
      await waitForHydration(page, errors);
      expect(errors(), `errors while ${visitor} logged in`).toEqual([]);
      await page.close();
    }
    return context;
  }

  async function openPage(visitor: Visitor, visit: Visit): Promise<{ page: Page; errors: PageErrors }> {
    const page = await (await contextOf(visitor)).newPage();
    if (visit.viewport) await page.setViewportSize(visit.viewport);
    const status = visit.status ?? 200;
    const errors = watchPageErrors(page, {
      ownOrigin: platform.webUrl,
      ignore: status >= 400 ? [new RegExp(`Failed to load resource: the server responded with a status of ${status}`)] : [],
    });
    const response = await page.goto(`${platform.webUrl}${visit.path(seeded)}`);
    expect(response?.status()).toBe(status);
    await waitForHydration(page, errors);
    return { page, errors };
  }

  it.each(VISITS.map((v) => [`${v.visitor} opens ${v.name}`, v] as const))("%s", async (_, visit) => {
    const { page, errors } = await openPage(visit.visitor, visit);
    try {
      const screenshot = path.join(ARTIFACTS, `${roleOf(visit.visitor)}-${visit.name}.png`);
      const notReady = visit.ready
        ? await page.locator(visit.ready(seeded)).first().waitFor({ timeout: 20_000 }).then(
            () => [],
            () => [`${visit.ready!(seeded)} did not appear (see ${path.relative(process.cwd(), screenshot)}); last platform log lines:`, ...platform.logs.slice(-15)],
          )
        : [];
      await page.screenshot({ path: screenshot, fullPage: true });
      expect([...errors(), ...notReady]).toEqual([]);

      const raw = await page.request.get(`${platform.webUrl}${visit.path(seeded)}`);
      expect(raw.status()).toBe(visit.status ?? 200);
      expect(nulOffsets(await raw.body()), "NUL bytes in the server's HTML at these offsets").toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it.each(SIGNED_IN)("%s logs out with the 退出 button", async (visitor) => {
    const home = ROLE_HOME[USERS.find((u) => u.username === visitor)!.role];
    const { page, errors } = await openPage(visitor, { visitor, name: "home", path: () => home });
    await Promise.all([page.waitForURL((url) => url.pathname === "/login"), page.getByRole("button", { name: "退出", exact: true }).click()]);
    await waitForHydration(page, errors);
    expect(errors()).toEqual([]);
    expect((await page.request.get(`${platform.webUrl}${home}`, { maxRedirects: 0 })).status()).toBe(302);
    await page.close();
  });

  it("visits every page route in app/routes", () => {
    const visited = new Set(VISITS.map((v) => v.route));
    const missing = pageRoutes().filter((route) => !visited.has(route));
    expect(missing, "add a row for these routes to VISITS in test/e2e/every-page.test.ts").toEqual([]);
  });
});
