// A forum run end to end in real browsers: staff create it from the consultation page; staff and a deputy fill one
// capture-board card and the minutes at once (a peer's typing never moves the other's caret); the deputy goes offline,
// keeps writing, reloads while collab-server is still out of reach, comes back, and both end with the same text;
// closing the forum in the browser turns the cards into comments under the right articles, live on open pages; a
// deputy's new comment appears on a staff member's open consultation page without a reload. axe on the forum page;
// screenshots at desktop size and 390 px in test/e2e/artifacts/.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startPlatform, type RunningPlatform } from "../helpers/platform";
import { hasChromium, launchBrowser, loginAs, waitForHydration, watchPageErrors, OpenedContexts } from "../helpers/browser";
import { seriousAccessibilityViolations } from "../helpers/axe";
import { waitFor } from "../helpers/wait";
import { loadDemoData } from "../../seeds/load-demo-data";

const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const DESKTOP = { width: 1300, height: 900 };
const PHONE = { width: 390, height: 844 };
const BOARD_CONNECTED = '.forum-board .editor-status[data-state="connected"]';
const MINUTES_CONNECTED = '.forum-minutes .editor-status[data-state="connected"]';
// What a browser reports while its network is switched off, or its collab-server connection is refused on purpose:
// failed requests and sockets, and Remix's lazy route discovery failing to fetch the routes of links on the page.
const OFFLINE_NOISE = [/ERR_INTERNET_DISCONNECTED/, /WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/forum:/, /Failed to fetch manifest patches/];

describe.skipIf(!hasChromium)("the forum workspace in the browser (needs Debian's chromium)", () => {
  let db: TestDatabase;
  let platform: RunningPlatform;
  let browser: Browser;
  let consultationPath: string;
  let forumPath: string;
  const opened = new OpenedContexts();

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma);
    const consultation = await db.prisma.consultation.findFirstOrThrow({ where: { contactPoint: { name: "惠山区前洲街道人大工委" } } });
    consultationPath = `/consultations/${consultation.id}`;
    const deputy = await db.prisma.user.findUniqueOrThrow({ where: { username: "daibiao" } });
    const forum = await db.prisma.forum.create({
      data: {
        consultationId: consultation.id,
        title: "电梯条例立法征询座谈会（浏览器测试）",
        heldAt: new Date(Date.now() + 3_600_000),
        location: "前洲街道人大代表之家",
        attendeeCount: 8,
        attendees: { create: [{ userId: deputy.id, name: "王代表", occupation: "人大代表", position: 0 }, { name: "张三丰", occupation: "退休职工", position: 1 }] },
      },
    });
    forumPath = `/forums/${forum.id}`;
    platform = await startPlatform(db.url, ["web", "collab"]);
    browser = await launchBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  });

  afterEach(async () => {
    expect(await opened.closeAll()).toEqual([]);
  });

  async function signIn(
    username: string,
    at: string,
    { viewport = DESKTOP, ignore = [], prepare }: { viewport?: { width: number; height: number }; ignore?: RegExp[]; prepare?: (context: BrowserContext) => Promise<void> } = {},
  ) {
    const context = await browser.newContext({ viewport });
    const errors = watchPageErrors(context, { ownOrigin: platform.webUrl, ignore });
    opened.add(context, errors);
    // Routes take effect in pages opened after them.
    await prepare?.(context);
    const page = await context.newPage();
    await loginAs(page, platform.webUrl, username, at);
    await waitForHydration(page, errors);
    return { page, context, errors };
  }

  async function openForum(username: string, options: Parameters<typeof signIn>[2] = {}) {
    const session = await signIn(username, forumPath, options);
    await session.page.locator(BOARD_CONNECTED).waitFor();
    await session.page.locator(MINUTES_CONNECTED).waitFor();
    return session;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `forum-${name}.png`), fullPage: true });
  const field = (card: Locator, name: string) => card.locator(`[data-field="${name}"]`);
  const cardTexts = (page: Page) =>
    page.locator(".board-card").evaluateAll((cards) =>
      cards.map((card) => Object.fromEntries([...card.querySelectorAll<HTMLTextAreaElement>("[data-field]")].map((el) => [el.dataset.field, el.value]))),
    );
  const minutes = (page: Page) => page.locator(".forum-minutes .ProseMirror");
  /** The minutes' paragraphs, without the peers' carets (their name labels sit inside the text). */
  const minutesText = (page: Page) =>
    minutes(page).evaluate((root) => {
      const copy = root.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
      return [...copy.querySelectorAll("p")].map((p) => p.textContent ?? "").join("\n");
    });

  async function typeInMinutes(page: Page, text: string) {
    await minutes(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText(text);
  }

  it("staff organise a forum from the consultation page, with deputies and residents", async () => {
    const { page } = await signIn("qianzhou", consultationPath, { ignore: [/status of 400/] });
    await page.getByRole("link", { name: "组织座谈会" }).click();
    await page.getByLabel("召开地点").waitFor();
    await page.getByLabel("召开地点").fill("");
    await page.getByRole("button", { name: "保存并进入座谈会" }).click();
    await page.getByText("请填写召开地点").waitFor();
    await page.getByLabel("召开地点").fill("前洲街道议事厅");
    await page.getByLabel("召开时间（北京时间）").fill("2026-12-10T14:30");
    await page.getByLabel("王代表").check();
    await page.getByRole("button", { name: "增加一行" }).click();
    const names = page.locator('input[name="residentName"]');
    await names.nth(0).fill("李四");
    await page.locator('input[name="residentOccupation"]').nth(0).fill("物业公司经理");
    await expect.poll(() => names.count()).toBe(4);
    await shot(page, "new");
    await page.setViewportSize(PHONE);
    await shot(page, "new-phone");
    await page.setViewportSize(DESKTOP);
    await Promise.all([page.waitForURL(/\/forums\/[a-z0-9]+$/), page.getByRole("button", { name: "保存并进入座谈会" }).click()]);
    await page.locator(BOARD_CONNECTED).waitFor();
    await expect.poll(() => page.locator(".forum-facts").innerText()).toContain("李四（物业公司经理）");
    expect(await page.locator(".forum-facts").innerText()).toContain("2026年12月10日 14:30");
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { location: "前洲街道议事厅" }, include: { attendees: { orderBy: { position: "asc" } } } });
    expect(forum.attendees.map((a) => a.name)).toEqual(["王代表", "李四"]);
  }, 90_000);

  it("staff and a deputy fill one card and the minutes at once; a peer's typing never moves the other's caret", async () => {
    const staff = await openForum("qianzhou");
    const deputy = await openForum("daibiao");
    await staff.page.getByRole("button", { name: "＋ 添加意见卡片" }).click();
    const staffCard = staff.page.locator(".board-card").first();
    await staffCard.getByLabel("针对条款").selectOption("第十二条第二款");
    await staffCard.getByLabel("从参会人员中选择").selectOption({ label: "王代表（人大代表）" });
    await field(staffCard, "opinion").click();
    await staff.page.keyboard.insertText("按需维护保养的条件应当明确");

    const deputyCard = deputy.page.locator(".board-card").first();
    await expect.poll(() => field(deputyCard, "opinion").inputValue()).toBe("按需维护保养的条件应当明确");
    await expect.poll(() => deputyCard.getByLabel("针对条款").inputValue()).toBe("第十二条第二款");
    expect(await deputyCard.locator(".card-clause-text").innerText()).toContain("采用物联网等技术");
    await field(deputyCard, "suggestedText").fill("每十五日至少进行一次维护保养");

    // The staff member's caret sits after "按需维护保养" while the deputy writes at the start and at the end.
    await field(staffCard, "opinion").evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(6, 6));
    await field(deputyCard, "opinion").click();
    await deputy.page.keyboard.press("Control+Home");
    await deputy.page.keyboard.insertText("王代表认为：");
    await deputy.page.keyboard.press("Control+End");
    await deputy.page.keyboard.insertText("。");
    await expect.poll(() => field(staffCard, "opinion").inputValue()).toBe("王代表认为：按需维护保养的条件应当明确。");
    await field(staffCard, "opinion").focus();
    await staff.page.keyboard.insertText("（包括远程监测）");
    const merged = "王代表认为：按需维护保养（包括远程监测）的条件应当明确。";
    await expect.poll(() => field(deputyCard, "opinion").inputValue()).toBe(merged);
    expect(await field(staffCard, "opinion").inputValue()).toBe(merged);
    await expect.poll(() => field(staffCard, "suggestedText").inputValue()).toBe("每十五日至少进行一次维护保养");
    // Who is online, and in which card (the deputy's focus is in it).
    await expect.poll(() => staff.page.locator(".forum-board .editor-status").innerText()).toContain("王代表");
    await expect.poll(() => staffCard.locator(".card-peers").innerText()).toContain("王代表");

    await typeInMinutes(staff.page, "陈联络：座谈会现在开始。");
    await typeInMinutes(deputy.page, "王代表：建议明确按需维护保养的条件。");
    await expect.poll(() => staff.page.locator(".forum-minutes .ProseMirror").innerText()).toContain("王代表：建议明确");
    await expect.poll(() => deputy.page.locator(".forum-minutes .ProseMirror").innerText()).toContain("座谈会现在开始");
    await expect.poll(() => staff.page.locator(".forum-minutes .editor-status").innerText()).toContain("王代表");
    expect(await cardTexts(staff.page)).toEqual(await cardTexts(deputy.page));
    await shot(staff.page, "staff");

    expect(await seriousAccessibilityViolations(staff.page)).toEqual([]);
    await deputy.page.setViewportSize(PHONE);
    await shot(deputy.page, "deputy-phone");
    expect(await seriousAccessibilityViolations(deputy.page)).toEqual([]);
  }, 90_000);

  it("a deputy offline keeps writing, reloads while collab-server is out of reach, comes back, and both see the merged text", async () => {
    const staff = await openForum("qianzhou");
    let collabReachable = true;
    // The deputy's way to collab-server: while cut, new connections are refused.
    const deputy = await openForum("daibiao", {
      ignore: OFFLINE_NOISE,
      prepare: (context) => context.routeWebSocket(/\/forum:/, async (ws) => (collabReachable ? ws.connectToServer() : ws.close())),
    });

    await deputy.context.setOffline(true);
    await deputy.page.locator('.connection-banner[data-state="offline"]').waitFor();
    expect(await deputy.page.locator(".connection-banner").innerText()).toContain("修改已保存在本机");
    const deputyCard = deputy.page.locator(".board-card").first();
    await field(deputyCard, "reason").fill("离线时补充的理由：维护记录应当可查。");
    await deputy.page.getByRole("button", { name: "＋ 添加意见卡片" }).click();
    const offlineCard = deputy.page.locator(".board-card").nth(1);
    await offlineCard.getByLabel("发言人").fill("张三丰");
    await field(offlineCard, "opinion").fill("离线时记录：建议增加既有住宅加装电梯的规定。");
    await typeInMinutes(deputy.page, "（离线记录）张三丰：老旧小区加装电梯需求集中。");

    // Meanwhile the staff member, online, edits the same card and the minutes.
    const staffCard = staff.page.locator(".board-card").first();
    await field(staffCard, "opinion").click();
    await staff.page.keyboard.press("Control+End");
    await staff.page.keyboard.insertText("（联络员补记）");
    await typeInMinutes(staff.page, "陈联络：请继续发言。");
    await shot(deputy.page, "offline");

    // Back on the network, but collab-server still out of reach: the page loads, the local copy shows.
    collabReachable = false;
    await deputy.context.setOffline(false);
    await deputy.page.reload();
    await waitForHydration(deputy.page, deputy.errors);
    await deputy.page.locator('.connection-banner[data-state="reconnecting"]').waitFor();
    await expect.poll(() => field(deputy.page.locator(".board-card").nth(1), "opinion").inputValue()).toBe("离线时记录：建议增加既有住宅加装电梯的规定。");
    expect(await field(deputy.page.locator(".board-card").first(), "reason").inputValue()).toBe("离线时补充的理由：维护记录应当可查。");
    expect(await minutes(deputy.page).innerText()).toContain("老旧小区加装电梯需求集中");
    expect(await staff.page.locator(".board-card").count()).toBe(1);
    await shot(deputy.page, "reloaded-unreachable");

    collabReachable = true;
    await deputy.page.locator(BOARD_CONNECTED).waitFor({ timeout: 20_000 });
    await deputy.page.locator(MINUTES_CONNECTED).waitFor({ timeout: 20_000 });
    await expect.poll(() => staff.page.locator(".board-card").count()).toBe(2);
    await expect.poll(() => minutes(staff.page).innerText()).toContain("老旧小区加装电梯需求集中");
    await expect.poll(() => minutes(deputy.page).innerText()).toContain("陈联络：请继续发言。");
    await expect.poll(async () => JSON.stringify(await cardTexts(deputy.page))).toBe(JSON.stringify(await cardTexts(staff.page)));
    const [merged] = await cardTexts(staff.page);
    expect(merged.opinion).toBe("王代表认为：按需维护保养（包括远程监测）的条件应当明确。（联络员补记）");
    expect(merged.reason).toBe("离线时补充的理由：维护记录应当可查。");
    await expect.poll(() => minutesText(deputy.page)).toBe(await minutesText(staff.page));
  }, 120_000);

  it("a deputy's new comment appears on a staff member's open consultation page without a reload", async () => {
    const staff = await signIn("qianzhou", consultationPath);
    await staff.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const deputy = await signIn("daibiao", consultationPath);
    await deputy.page.getByRole("link", { name: "提出总体意见" }).click();
    await deputy.page.getByLabel("意见内容").fill("实时批注：建议规定电梯维护保养信息向业主公开。");
    await deputy.page.getByRole("button", { name: "提交意见" }).click();
    await deputy.page.getByText("意见已提交").waitFor();
    await staff.page.locator(".comment-card", { hasText: "建议规定电梯维护保养信息向业主公开" }).waitFor();
    expect(await staff.page.locator(".live-note").innerText()).toContain("刚刚收到 1 条新意见");
    expect(await staff.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  }, 90_000);

  it("staff close the forum: cards become comments under their articles, live on the open pages, and the forum turns read-only", async () => {
    const staff = await openForum("qianzhou");
    const deputy = await openForum("daibiao");
    const consultation = await signIn("daibiao2", consultationPath);
    await consultation.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    await staff.page.getByRole("button", { name: "结束座谈会…" }).click();
    await expect.poll(() => staff.page.locator(".close-forum").innerText()).toContain("2 张填写了意见的卡片");
    await Promise.all([staff.page.waitForURL(/\?closed=1$/), staff.page.getByRole("button", { name: "确认结束座谈会" }).click()]);
    await staff.page.locator(".forum-closed").waitFor();
    expect(await staff.page.locator(".forum-closed").innerText()).toContain("2 条意见");
    await staff.page.locator('.forum-board .editor-status[data-status="connected"]').waitFor();
    expect(await staff.page.locator('.board-card [data-field="opinion"]').first().getAttribute("readonly")).not.toBeNull();
    expect(await staff.page.getByRole("button", { name: "＋ 添加意见卡片" }).count()).toBe(0);

    // The deputy's open forum page learns it live, and reads only from then on.
    await deputy.page.locator(".forum-closed").waitFor();
    expect(await deputy.page.locator(".live-note").innerText()).toContain("座谈会已由联络员结束");
    expect(await minutes(deputy.page).getAttribute("contenteditable")).toBe("false");
    await shot(deputy.page, "closed");
    expect(await seriousAccessibilityViolations(deputy.page)).toEqual([]);

    // The other deputy's open consultation page shows the two new comments under their articles, without a reload.
    const first = consultation.page.locator(".comment-card", { hasText: "按需维护保养（包括远程监测）" });
    await first.waitFor();
    expect(await first.locator(".comment-citation").innerText()).toBe("第十二条第二款");
    expect(await first.locator(".comment-who").innerText()).toContain("王代表（人大代表）");
    expect(await first.innerText()).toContain("每十五日至少进行一次维护保养");
    const second = consultation.page.locator(".comment-card", { hasText: "建议增加既有住宅加装电梯的规定" });
    expect(await second.locator(".comment-citation").innerText()).toBe("总体意见");
    expect(await second.locator(".comment-who").innerText()).toContain("群众 张**");
    expect(await consultation.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    const comments = await db.prisma.comment.findMany({ where: { forum: { title: "电梯条例立法征询座谈会（浏览器测试）" } }, include: { clause: true } });
    expect(comments.map((c) => c.clause?.citation ?? "总体意见").sort()).toEqual(["总体意见", "第十二条第二款"]);
  }, 90_000);
});
