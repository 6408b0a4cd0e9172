// The report workflow in a real browser, end to end: staff compile the report and watch the progress bar move (the
// job waits in the queue until a worker starts, then runs stage by stage), download the DOCX, review and submit it;
// the committee receives it, downloads the aggregate, publishes the next version through the publishing pages, and
// answers suggestions (one, then several at once); the resident opens /r/<回执号> on a phone, reads the answer and
// rates it. No page error anywhere, axe clean on every page of the flow, screenshots at desktop size and 390 px.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import mammoth from "mammoth";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startPlatform, type RunningPlatform } from "../helpers/platform";
import { hasChromium, launchBrowser, loginAs, waitForHydration, watchPageErrors, type PageErrors } from "../helpers/browser";
import { seriousAccessibilityViolations } from "../helpers/axe";
import { loadDemoData } from "../../seeds/load-demo-data";
import { submitComment } from "~/commands/submit-comment.server";

const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const RESIDENT_OPINION = "制造单位应当在合理期限内提供技术资料。";
const QUEUE_PREFIX = `lifa-e2e-report-${crypto.randomBytes(4).toString("hex")}`;
// Each compile stage lingers, so that a person (and this test) can see the bar move.
const STAGE_DELAY_MS = "600";

interface Actor {
  context: BrowserContext;
  page: Page;
  errors: PageErrors;
}

describe.skipIf(!hasChromium)("compile, submit, receive, answer and rate in the browser (needs Debian's chromium)", () => {
  let db: TestDatabase;
  let web: RunningPlatform;
  let worker: RunningPlatform | null = null;
  let browser: Browser;
  let staff: Actor;
  let committee: Actor;
  const ids = { consultation: "", draft: "", receiptNo: "" };

  async function actor(username: string, home: string): Promise<Actor> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN", acceptDownloads: true });
    const errors = watchPageErrors(context, { ownOrigin: web.webUrl });
    const page = await context.newPage();
    await loginAs(page, web.webUrl, username, home);
    return { context, page, errors };
  }

  /** Desktop and 390 px screenshots of the page as it is now. */
  async function screenshots(page: Page, name: string) {
    await page.screenshot({ path: path.join(ARTIFACTS, `report-${name}.png`), fullPage: true });
    const size = page.viewportSize()!;
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(ARTIFACTS, `report-${name}-phone.png`), fullPage: true });
    await page.setViewportSize(size);
  }

  async function expectAccessible(page: Page) {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  async function goto(a: Actor, url: string) {
    await a.page.goto(`${web.webUrl}${url}`);
    await waitForHydration(a.page, a.errors);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma);
    const consultation = await db.prisma.consultation.findFirstOrThrow({
      where: { contactPoint: { name: "惠山区前洲街道人大工委" } },
      select: { id: true, draftVersionId: true, deadline: true, status: true, draftVersion: { select: { draftId: true } } },
    });
    ids.consultation = consultation.id;
    ids.draft = consultation.draftVersion.draftId;
    const deputy = await db.prisma.user.findUniqueOrThrow({ where: { username: "daibiao" } });
    const resident = await submitComment(db.prisma, {
      consultation,
      announce: false,
      source: "public",
      citation: "第八条",
      kind: "amend",
      body: RESIDENT_OPINION,
      submitter: { name: "张三丰", phone: "13812341234", consentAt: new Date() },
      issueReceipt: true,
    });
    ids.receiptNo = resident.receiptNo!;
    await submitComment(db.prisma, { consultation, announce: false, source: "deputy", authorId: deputy.id, citation: "第二十五条", kind: "amend", body: "维修资金筹集方式应当更加明确。" });
    await submitComment(db.prisma, { consultation, announce: false, source: "public", citation: "第七条", kind: "delete", body: "行业协会的规定可以删去。" });
    await submitComment(db.prisma, { consultation, announce: false, source: "deputy", authorId: deputy.id, kind: "principle", body: "建议增加既有住宅加装电梯的相关规定。", reason: "老旧小区居民需求集中。" });
    // The web process only: the compile job waits in the queue until the test starts a worker.
    web = await startPlatform(db.url, ["web"], { QUEUE_PREFIX, REPORT_COMPILE_STAGE_DELAY_MS: STAGE_DELAY_MS });
    browser = await launchBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    staff = await actor("qianzhou", "/staff");
    committee = await actor("fagongwei", "/legislature");
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await web?.stop();
    await db?.drop();
  });

  afterEach(() => {
    expect(staff.errors()).toEqual([]);
    expect(committee.errors()).toEqual([]);
  });

  it("compiles with a progress bar that moves from the queue to the finished report", async () => {
    const { page } = staff;
    await goto(staff, `/consultations/${ids.consultation}/report`);
    await expectAccessible(page);
    // Every state the bar shows is recorded as it appears, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
      const record = () => {
        const bar = document.querySelector(".compile-progress");
        const state = bar && `${bar.getAttribute("data-percent")}|${bar.getAttribute("data-stage")}`;
        if (state && seen[seen.length - 1] !== state) seen.push(state);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-percent", "data-stage"] });
    });
    await page.getByRole("button", { name: "汇总意见（生成第 1 版）" }).click();
    await page.locator('.compile-progress[data-stage="排队等待"]').waitFor();
    await screenshots(page, "1-queued");

    worker = await startPlatform(db.url, ["worker"], { QUEUE_PREFIX, REPORT_COMPILE_STAGE_DELAY_MS: STAGE_DELAY_MS });
    await page.locator("table.report-table").waitFor({ timeout: 30_000 });
    const seen = await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
    const percents = seen.map((s) => Number(s.split("|")[0]));
    expect(seen[0]).toBe("0|排队等待");
    // It moved: at least one state between the queue and the end was shown.
    expect(percents.some((p) => p > 0 && p < 100), `seen: ${seen.join(", ")}`).toBe(true);
    expect(await page.locator(".compile-progress").count()).toBe(0);
    const report = await db.prisma.feedbackReport.findFirstOrThrow({ where: { consultationId: ids.consultation } });
    expect(report.status).toBe("compiled");
    await expect.poll(() => page.locator(".report-submit .report-hash").innerText()).toBe(report.fileSha256);
    expect(await page.locator(".bar-chart").count()).toBe(2);
    expect(await page.locator("table.report-table").innerText()).toContain("张**");
    await expectAccessible(page);
    await screenshots(page, "2-compiled");
  }, 90_000);

  it("downloads the compiled report as a Word file", async () => {
    const { page } = staff;
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".report-submit").getByRole("link", { name: "Word（DOCX）" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const { value } = await mammoth.extractRawText({ path: file });
    expect(value).toContain("意见建议汇总表");
    expect(value).toContain(RESIDENT_OPINION);
    expect(value).toContain("张**");
  });

  it("reviews and submits the report; the hash is the one recorded", async () => {
    const { page, errors } = staff;
    await page.getByRole("link", { name: "核对并报送第 1 版" }).click();
    await page.waitForURL(/\/report\/submit$/);
    await waitForHydration(page, errors);
    await expectAccessible(page);
    await screenshots(page, "3-submit");
    await Promise.all([page.waitForURL(/\?submitted=1/), page.getByRole("button", { name: "确认报送" }).click()]);
    await page.getByText("第 1 版汇总报告已报送法工委").waitFor();
    const report = await db.prisma.feedbackReport.findFirstOrThrow({ where: { consultationId: ids.consultation } });
    expect(report.status).toBe("submitted");
    expect(await page.locator(".report-submit .report-hash").innerText()).toBe(report.fileSha256);
    expect(await page.getByRole("link", { name: /核对并报送/ }).count()).toBe(0);
    await expectAccessible(page);
  }, 60_000);

  it("lets the committee receive the report and download the aggregate", async () => {
    const { page } = committee;
    await goto(committee, `/legislature/drafts/${ids.draft}/reports`);
    const row = page.locator("table.incoming-reports tr", { hasText: "惠山区前洲街道人大工委" });
    expect(await row.locator("[data-report-status]").innerText()).toBe("已报送");
    const report = await db.prisma.feedbackReport.findFirstOrThrow({ where: { consultationId: ids.consultation } });
    expect(await row.locator(".report-hash").innerText()).toBe(report.fileSha256);
    await expectAccessible(page);
    await row.getByRole("button", { name: /标记已接收/ }).click();
    await page.getByText("已接收惠山区前洲街道人大工委第 1 版汇总报告").waitFor();
    await expect.poll(() => row.locator("[data-report-status]").innerText()).toBe("已接收");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("list", { name: /意见汇总/ }).getByRole("link", { name: "Word（DOCX）" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const { value } = await mammoth.extractRawText({ path: await download.path() });
    expect(value).toContain("惠山区前洲街道人大工委");
    expect(value).toContain(RESIDENT_OPINION);
    expect(value).not.toContain("张三丰");
    await expectAccessible(page);
    await screenshots(page, "4-incoming");
  }, 60_000);

  it("publishes the next version through the publishing pages", async () => {
    const { page, errors } = committee;
    await goto(committee, `/legislature/drafts/${ids.draft}`);
    await page.getByRole("link", { name: /添加新版本/ }).click();
    await page.waitForURL(/\/versions\/new$/);
    await waitForHydration(page, errors);
    await page.getByLabel("或粘贴草案文本").fill(fs.readFileSync(path.join(import.meta.dirname, "../../seeds/drafts/elevator-v2.txt"), "utf8"));
    await Promise.all([page.waitForURL(/\/edit$/), page.getByRole("button", { name: "导入并预览" }).click()]);
    await waitForHydration(page, errors);
    await Promise.all([page.waitForURL(/\/publish$/), page.getByRole("button", { name: "保存并选择联系点发布" }).click()]);
    await waitForHydration(page, errors);
    await Promise.all([page.waitForURL(/published=1/), page.getByRole("button", { name: "发布", exact: true }).click()]);
    await waitForHydration(page, errors);
    expect(await db.prisma.draftVersion.count({ where: { draftId: ids.draft, publishedAt: { not: null } } })).toBe(2);
  }, 90_000);

  it("answers a suggestion re-anchored on the new version, then several at once", async () => {
    const { page, errors } = committee;
    await page.getByRole("link", { name: "采纳情况" }).click();
    await page.waitForURL(/\/adoption$/);
    await waitForHydration(page, errors);
    const card = page.locator("article.suggestion-answer", { hasText: RESIDENT_OPINION });
    expect(await card.locator("[data-anchor-status]").innerText()).toBe("原文未变");
    expect(await card.getByLabel(/对应.*条款/).inputValue()).toBe("第八条");
    await expectAccessible(page);
    await screenshots(page, "5-adoption");

    await card.getByLabel("采纳", { exact: true }).check();
    await card.getByLabel(/说明/).fill("已在二次审议稿第八条明确提供技术资料的期限。");
    await card.getByRole("button", { name: /保存答复/ }).click();
    await page.getByText("已答复该条意见：采纳。").waitFor();
    await card.locator(".current-answer").waitFor();

    for (const text of ["维修资金筹集方式应当更加明确。", "行业协会的规定可以删去。"]) {
      await page.locator("article.suggestion-answer", { hasText: text }).getByRole("checkbox").check();
    }
    const bulk = page.locator(".bulk-answer");
    await bulk.locator("summary").click();
    await bulk.getByLabel("未采纳", { exact: true }).check();
    await bulk.getByLabel(/说明/).fill("经研究，暂不采纳。");
    await bulk.getByRole("button", { name: "答复所选意见" }).click();
    await page.getByText("已答复 2 条意见：未采纳。").waitFor();
    const adoptions = await db.prisma.adoption.findMany({ include: { comment: { select: { body: true } }, newClause: { select: { citation: true } } } });
    expect(adoptions.map((a) => [a.comment.body, a.decision, a.newClause?.citation ?? null]).sort()).toEqual([
      ["制造单位应当在合理期限内提供技术资料。", "adopted", "第八条"],
      ["维修资金筹集方式应当更加明确。", "declined", "第二十六条"],
      ["行业协会的规定可以删去。", "declined", null],
    ]);
    await expectAccessible(page);
    await screenshots(page, "6-answered");
  }, 90_000);

  it("shows the resident the answer at /r/<回执号> on a phone and takes a rating", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "zh-CN", isMobile: true, hasTouch: true });
    const errors = watchPageErrors(context, { ownOrigin: web.webUrl });
    const page = await context.newPage();
    await page.goto(`${web.webUrl}/r/${ids.receiptNo}`);
    await waitForHydration(page, errors);
    const answer = await page.locator(".receipt-card", { hasText: "采纳情况" }).innerText();
    expect(answer).toContain("已在二次审议稿第八条明确提供技术资料的期限。");
    expect(answer).toContain("对应二审稿第八条");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel("满意", { exact: true }).check();
    await Promise.all([page.waitForURL(/rated=1/), page.getByRole("button", { name: "提交评价" }).click()]);
    await page.getByText("感谢您的评价。").waitFor();
    expect((await db.prisma.comment.findUniqueOrThrow({ where: { receiptNo: ids.receiptNo } })).satisfaction).toBe("satisfied");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "report-7-receipt-rated-phone.png"), fullPage: true });
    expect(errors()).toEqual([]);
    await context.close();

    // The contact point sees the answer and the rating.
    await goto(staff, `/consultations/${ids.consultation}/report`);
    expect(await staff.page.locator("#adoption").innerText()).toContain("满意 1");
  }, 60_000);
});
