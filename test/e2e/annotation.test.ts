// A deputy annotates the draft in a real browser: words selected with the mouse, a suggestion whose live red-line
// shows the change, the highlight in the text; then by keyboard only (a whole-clause button, words selected with
// Shift+arrows in the clause's text); then staff find both comments in their list under the right article.
// Accessibility checked with axe; screenshots at desktop size and 390 px in test/e2e/artifacts/.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startPlatform, type RunningPlatform } from "../helpers/platform";
import { hasChromium, launchBrowser, loginAs, waitForHydration, watchPageErrors, OpenedContexts } from "../helpers/browser";
import { seriousAccessibilityViolations } from "../helpers/axe";
import { loadDemoData } from "../../seeds/load-demo-data";

const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)("annotating the draft in the browser (needs Debian's chromium)", () => {
  let db: TestDatabase;
  let platform: RunningPlatform;
  let browser: Browser;
  let consultationPath: string;
  const opened = new OpenedContexts();

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma);
    const consultation = await db.prisma.consultation.findFirstOrThrow({ where: { contactPoint: { name: "惠山区前洲街道人大工委" } } });
    consultationPath = `/consultations/${consultation.id}`;
    platform = await startPlatform(db.url, ["web"]);
    browser = await launchBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  });

  // Nobody may meet an error on the way: uncaught exceptions, console errors, 5xx answers.
  afterEach(async () => {
    expect(await opened.closeAll()).toEqual([]);
  });

  async function open(
    username: string,
    at: string,
    viewport = DESKTOP,
    { ignore = [], ...options }: { hasTouch?: boolean; isMobile?: boolean; ignore?: RegExp[] } = {},
  ): Promise<Page> {
    const context = await browser.newContext({ viewport, ...options });
    const errors = watchPageErrors(context, { ownOrigin: platform.webUrl, ignore });
    opened.add(context, errors);
    const page = await context.newPage();
    await loginAs(page, platform.webUrl, username, at.split("?")[0]);
    if (at.includes("?")) await page.goto(`${platform.webUrl}${at}`);
    await waitForHydration(page, errors);
    return page;
  }

  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(ARTIFACTS, `annotation-${name}.png`), fullPage });

  /** Drags the mouse over `words` inside the clause element whose text contains them, as a person selects text. */
  async function dragOver(page: Page, words: string) {
    const element = page.locator("[data-clause-id]", { hasText: words }).first();
    await element.scrollIntoViewIfNeeded();
    const box = await element.evaluate((el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const first = range.getBoundingClientRect();
        range.setStart(node, at + w.length - 1);
        range.setEnd(node, at + w.length);
        const last = range.getBoundingClientRect();
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }
      throw new Error(`"${w}" is not in one text node`);
    }, words);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 8 });
    await page.mouse.up();
  }

  it("a deputy selects words with the mouse, suggests new wording with a live red-line, and sees the highlight", async () => {
    const page = await open("daibiao", consultationPath);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot(page, "deputy-reader-desktop");

    await dragOver(page, "建筑工程");
    const button = page.getByRole("button", { name: "批注所选文字" });
    await button.waitFor();
    await shot(page, "deputy-selection-button");
    await button.click();

    const panel = page.locator(".annotation-panel");
    await expect.poll(() => panel.locator(".annotation-quote blockquote").innerText()).toBe("「建筑工程」");
    await expect.poll(() => page.locator("h2#annotation-heading").innerText()).toBe("对第五条第二款提意见");
    expect(await seriousAccessibilityViolations(page, ".annotation-panel")).toEqual([]);

    await panel.getByLabel("意见内容").fill("建议明确与“建筑主体工程”的衔接，删去笼统的“会同有关部门”。");
    const suggestion = panel.getByLabel(/建议修改为/);
    const original = await suggestion.inputValue();
    expect(original).toContain("住房城乡建设部门负责电梯安装工程与建筑工程的衔接管理");
    await suggestion.fill(original.replace("建筑工程", "建筑主体工程").replace("会同有关部门", ""));
    const redline = panel.locator(".redline-preview .redline");
    await expect.poll(() => redline.locator("ins").allInnerTexts()).toEqual(["主体"]);
    await expect.poll(() => redline.locator("del").allInnerTexts()).toEqual(["会同有关部门"]);
    await panel.getByLabel(/理由/).fill("表述更准确。");
    await shot(page, "deputy-form-desktop");

    await panel.getByRole("button", { name: "提交意见" }).click();
    await page.getByRole("status").filter({ hasText: "意见已提交" }).waitFor();
    await expect.poll(() => panel.count()).toBe(0);
    const highlight = page.locator("mark.anchor-highlight");
    await expect.poll(() => highlight.allInnerTexts()).toEqual(["建筑工程"]);
    const card = page.locator(".received-comments .comment-card").filter({ hasText: "建筑主体工程" });
    await expect.poll(() => card.locator("ins").allInnerTexts()).toEqual(["主体"]);
    await expect.poll(() => card.locator("del").allInnerTexts()).toEqual(["会同有关部门"]);
    await highlight.scrollIntoViewIfNeeded();
    await shot(page, "deputy-highlight-desktop");

    const stored = await db.prisma.comment.findFirstOrThrow({ where: { body: { startsWith: "建议明确与“建筑主体工程”" } }, include: { clause: true } });
    expect(stored.clause?.citation).toBe("第五条第二款");
    expect(stored.anchor).toMatchObject({ clauseId: "a5-p2", quote: { exact: "建筑工程" }, start: stored.clause!.text.indexOf("建筑工程") });
  }, 90_000);

  it("a deputy comments by keyboard alone: the whole-clause button, then words picked with Shift+arrows", async () => {
    const page = await open("daibiao", consultationPath);
    const clauseButton = page.getByRole("link", { name: /^批注本条\s*（第十二条）$/ });
    await clauseButton.focus();
    await page.keyboard.press("Enter");
    const panel = page.locator(".annotation-panel");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("annotation-heading");
    await expect.poll(() => page.locator("h2#annotation-heading").innerText()).toBe("对第十二条提意见");

    // Narrow it to some words of the clause: open the original text and select with the keyboard.
    await panel.getByText("只针对其中部分文字？").focus();
    await page.keyboard.press("Enter");
    const originalText = panel.getByLabel(/在原文中选中文字/);
    const text = await originalText.inputValue();
    const words = "每十五日至少进行一次";
    const at = text.indexOf(words);
    expect(at).toBeGreaterThan(0);
    await originalText.focus();
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < at; i++) await page.keyboard.press("ArrowRight");
    for (let i = 0; i < words.length; i++) await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("只针对所选文字「每十五日至少进行一次」");
    await page.keyboard.press("Enter");
    await expect.poll(() => panel.locator(".annotation-quote blockquote").innerText()).toBe(`「${words}」`);

    await panel.getByLabel("意见内容").focus();
    await page.keyboard.insertText("老旧电梯维护保养频次应当提高。");
    const suggestion = panel.getByLabel(/建议修改为/);
    await suggestion.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(text.replace("每十五日", "每七日"));
    await expect.poll(() => panel.locator(".redline-preview ins").allInnerTexts()).toEqual(["七日"]);
    await expect.poll(() => panel.locator(".redline-preview del").allInnerTexts()).toEqual(["十五日"]);
    await panel.getByRole("button", { name: "提交意见" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "意见已提交" }).waitFor();
    await expect.poll(() => page.locator("mark.anchor-highlight").allInnerTexts()).toContain(words);

    const stored = await db.prisma.comment.findFirstOrThrow({ where: { body: "老旧电梯维护保养频次应当提高。" }, include: { clause: true } });
    expect(stored.clause?.citation).toBe("第十二条");
    expect(stored.anchor).toMatchObject({ clauseId: "a12", quote: { exact: words }, start: at, end: at + words.length });
  }, 90_000);

  it("staff find both comments in their list under the right article", async () => {
    const page = await open("qianzhou", `${consultationPath}/comments`);
    const group = (article: string) => page.locator("section.curation-group").filter({ has: page.getByRole("heading", { name: article, exact: true }) });
    await expect.poll(() => group("第五条").locator(".comment-body").allInnerTexts()).toEqual(["建议明确与“建筑主体工程”的衔接，删去笼统的“会同有关部门”。"]);
    await expect.poll(() => group("第十二条").locator(".comment-body").allInnerTexts()).toEqual(["老旧电梯维护保养频次应当提高。"]);
    expect(await group("第五条").locator("ins").allInnerTexts()).toEqual(["主体"]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot(page, "staff-list-desktop", true);
  }, 60_000);

  it("works on a 390 px phone: the form opens as a bottom sheet from a clause's button", async () => {
    const page = await open("daibiao", consultationPath, PHONE, { hasTouch: true });
    await shot(page, "deputy-reader-phone");
    const clauseButton = page.getByRole("link", { name: /^批注本条\s*（第二十二条）$/ });
    await clauseButton.scrollIntoViewIfNeeded();
    await clauseButton.tap();
    const panel = page.locator(".annotation-panel");
    await panel.getByLabel("意见内容").fill("困人救援到场时间应缩短为十五分钟。");
    const box = await panel.boundingBox();
    expect(box!.width).toBe(PHONE.width);
    expect(box!.y + box!.height).toBeCloseTo(PHONE.height, 0);
    expect(await seriousAccessibilityViolations(page, ".annotation-panel")).toEqual([]);
    await shot(page, "deputy-form-phone");
    // Large text (200 %), as many elderly readers set it: the sheet still scrolls to its submit button.
    await page.evaluate(() => (document.documentElement.style.fontSize = "32px"));
    await panel.getByRole("button", { name: "提交意见" }).scrollIntoViewIfNeeded();
    await shot(page, "deputy-form-phone-200");

    const staff = await open("qianzhou", `${consultationPath}/comments`, PHONE);
    await shot(staff, "staff-list-phone", true);
  }, 60_000);

  it("on a touch screen, words selected with the phone's handles get a button below them that opens the form", async () => {
    const page = await open("xinxiyuan", consultationPath, PHONE, { hasTouch: true, isMobile: true });
    const words = "监护人应当教育和看护";
    const element = page.locator("[data-clause-id]", { hasText: words }).first();
    await element.scrollIntoViewIfNeeded();
    // What a long press and the selection handles leave behind: a selection inside the clause's text.
    await element.evaluate((el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(w);
        if (at >= 0) return void document.getSelection()!.setBaseAndExtent(node, at, node, at + w.length);
      }
    }, words);
    const button = page.getByRole("button", { name: "批注所选文字" });
    await button.waitFor();
    const [selection, placed] = [await element.boundingBox(), await button.boundingBox()];
    expect(placed!.x).toBeGreaterThanOrEqual(0);
    expect(placed!.x + placed!.width).toBeLessThanOrEqual(PHONE.width);
    expect(placed!.y).toBeGreaterThan(selection!.y);
    await shot(page, "collector-selection-phone");
    await button.tap();
    const panel = page.locator(".annotation-panel");
    await expect.poll(() => panel.locator(".annotation-quote blockquote").innerText()).toBe(`「${words}」`);
    // A collector enters what a resident said at a visit.
    await panel.getByLabel("意见来源").selectOption("visit");
    await panel.getByLabel("姓名（可不填）").fill("孙大妈");
    await panel.getByLabel(/已告知群众/).check();
    await panel.getByLabel("意见内容").fill("小区老人多，建议在电梯内张贴安全乘梯须知。");
    await shot(page, "collector-form-phone");
    await panel.getByRole("button", { name: "提交意见" }).tap();
    await page.getByRole("status").filter({ hasText: "意见已提交" }).waitFor();
    const card = page.locator(".received-comments .comment-card").filter({ hasText: "安全乘梯须知" });
    await expect.poll(() => card.locator(".comment-who").innerText()).toContain("群众 孙**");
    expect(await db.prisma.comment.findFirstOrThrow({ where: { body: "小区老人多，建议在电梯内张贴安全乘梯须知。" } })).toMatchObject({ source: "visit", submitterName: "孙大妈" });
  }, 60_000);

  it("when the deadline passes while a deputy types, the refusal says so and the text stays in the form", async () => {
    // The browser logs the refused post (409) in its console: expected here, and only here.
    const page = await open("daibiao", consultationPath, DESKTOP, { ignore: [/status of 409 \(Conflict\)/] });
    await page.getByRole("link", { name: /^批注本条\s*（第十九条）$/ }).click();
    const panel = page.locator(".annotation-panel");
    const typed = "定期检验申请应提前两个月提出。";
    await panel.getByLabel("意见内容").fill(typed);
    const consultation = await db.prisma.consultation.findFirstOrThrow({ where: { id: consultationPath.split("/").pop() } });
    await db.prisma.consultation.update({ where: { id: consultation.id }, data: { deadline: new Date(Date.now() - 1000) } });
    try {
      await panel.getByRole("button", { name: "提交意见" }).click();
      await expect.poll(() => panel.getByRole("alert").innerText()).toContain("本次征求意见已截止");
      expect(await panel.getByLabel("意见内容").inputValue()).toBe(typed);
      // The page has learnt the consultation is closed: the form cannot be sent again.
      await expect.poll(() => panel.getByRole("button", { name: "提交意见" }).isDisabled()).toBe(true);
      await shot(page, "deputy-deadline-passed");
      expect(await db.prisma.comment.count({ where: { body: typed } })).toBe(0);
    } finally {
      await db.prisma.consultation.update({ where: { id: consultation.id }, data: { deadline: consultation.deadline } });
    }
  }, 60_000);

  it("without JavaScript, a whole clause can still be picked and commented on", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    opened.add(context, watchPageErrors(context, { ownOrigin: platform.webUrl }));
    const page = await context.newPage();
    await loginAs(page, platform.webUrl, "daibiao2", consultationPath);
    await page.getByRole("link", { name: /^批注本条\s*（第三十条）$/ }).click();
    await page.waitForURL((url) => url.searchParams.has("clause"));
    const panel = page.locator(".annotation-panel");
    await panel.getByLabel("意见内容").fill("建议明确提取住房公积金的办理时限。");
    await Promise.all([page.waitForURL((url) => url.searchParams.has("saved")), panel.getByRole("button", { name: "提交意见" }).click()]);
    expect(await page.getByRole("status").innerText()).toContain("意见已提交");
    const stored = await db.prisma.comment.findFirstOrThrow({ where: { body: "建议明确提取住房公积金的办理时限。" }, include: { clause: true } });
    // The pre-filled wording came back untouched: it is not a suggestion.
    expect(stored).toMatchObject({ source: "deputy", suggestedText: null, anchor: null });
    expect(stored.clause?.citation).toBe("第三十条");
  }, 60_000);

  it("staff merge duplicates with the checkboxes, hide one with a reason, and correct a typo keeping the original", async () => {
    const page = await open("qianzhou", `${consultationPath}/comments`);
    const card = (text: string) => page.locator(".comment-card").filter({ hasText: text });
    for (const body of ["建议明确与“建筑主体工程”的衔接", "老旧电梯维护保养频次应当提高"]) await card(body).getByLabel("选择合并").check();
    await page.getByRole("button", { name: "合并所选意见" }).click();
    await page.getByRole("status").filter({ hasText: "合并为一条（2 人提出）" }).waitFor();
    await expect.poll(() => page.locator(".tag.supporters").allInnerTexts()).toEqual(["2 人提出"]);

    const visit = card("安全乘梯须知");
    await visit.getByText("隐藏", { exact: true }).click();
    await visit.getByLabel("隐藏理由").fill("重复录入");
    await visit.getByRole("button", { name: "确认隐藏" }).click();
    await page.getByRole("status").filter({ hasText: "已隐藏该意见" }).waitFor();
    await expect.poll(() => card("安全乘梯须知").locator(".comment-hidden-reason").innerText()).toBe("隐藏理由：重复录入");

    await card("建议明确提取住房公积金").getByRole("link", { name: /修改/ }).click();
    await page.waitForURL(/\/comments\/[^/?]+/);
    await waitForHydration(page, opened.lastErrors);
    await page.getByLabel("意见内容").fill("建议明确提取住房公积金的办理时限（十个工作日）。");
    await page.getByRole("button", { name: "保存修改" }).click();
    await page.getByRole("status").filter({ hasText: "已保存修改" }).waitFor();
    await expect.poll(() => page.locator(".revision-history").innerText()).toContain("建议明确提取住房公积金的办理时限。");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shot(page, "staff-comment-detail", true);
  }, 60_000);
});
