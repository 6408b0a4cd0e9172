// The committee publishes a draft from a Word file in a real browser: 起草说明 written in the rich-text editor, the
// .docx (generated here, laid out like a real draft, with one deliberate numbering slip) uploaded, the slip shown at
// its line in the preview and corrected in the textarea (the warning disappears as they type), the text published to
// two contact points and rendered as a regulation; then a 二审稿 and its 修改对照表, as a contact point sees it on a
// phone. Screenshots of every step go to test/e2e/artifacts/legislature-*.png.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startPlatform, type RunningPlatform } from "../helpers/platform";
import { hasChromium, launchBrowser, loginAs, waitForHydration, watchPageErrors, type PageErrors } from "../helpers/browser";
import { seriousAccessibilityViolations } from "../helpers/axe";
import { draftDocx, sampleChapters } from "../helpers/draft-docx";
import { loadDemoData } from "../../seeds/load-demo-data";
import { dateValue } from "~/utils/deadline-date";

const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const TITLE = "某市城市绿化条例（草案）";
const inDays = (days: number) => dateValue(new Date(Date.now() + days * 86_400_000));

describe.skipIf(!hasChromium)("the committee publishes a Word draft in the browser (needs Debian's chromium)", () => {
  let db: TestDatabase;
  let platform: RunningPlatform;
  let browser: Browser;
  let committee: { context: BrowserContext; page: Page; errors: PageErrors };
  let draftId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma);
    platform = await startPlatform(db.url, ["web"]);
    browser = await launchBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchPageErrors(context, { ownOrigin: platform.webUrl });
    await loginAs(page, platform.webUrl, "fagongwei", "/legislature");
    committee = { context, page, errors };
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  });

  afterEach(() => expect(committee.errors()).toEqual([]));

  /** Desktop and phone screenshots of the page as it is now. */
  async function screenshots(page: Page, name: string) {
    await page.screenshot({ path: path.join(ARTIFACTS, `legislature-${name}.png`), fullPage: true });
    const size = page.viewportSize()!;
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(ARTIFACTS, `legislature-${name}-phone.png`), fullPage: true });
    await page.setViewportSize(size);
  }

  async function expectAccessible(page: Page) {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  it("writes the 起草说明 with the toolbar and the keyboard, and uploads the Word file", async () => {
    const { page, errors } = committee;
    await waitForHydration(page, errors);
    await page.getByRole("link", { name: "新建法规草案" }).click();
    await page.waitForURL((url) => url.pathname === "/legislature/drafts/new");
    await waitForHydration(page, errors);
    await page.locator(".rich-text-editor .ProseMirror").waitFor();

    await page.getByLabel("草案名称").fill(TITLE);
    const editor = page.getByRole("textbox", { name: "起草说明" });
    await editor.click();
    await page.getByRole("button", { name: "标题" }).click();
    await page.keyboard.type("一、起草背景");
    await page.keyboard.press("Enter");
    await page.keyboard.type("近年来本市绿化");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("成效显著");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("，但仍存在以下问题：");
    await page.keyboard.press("Enter");
    // The toolbar works from the keyboard: its buttons take the focus, Enter applies, the caret returns to the text.
    await page.getByRole("button", { name: "列表", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
    await page.keyboard.type("绿地被侵占");
    await page.keyboard.press("Enter");
    await page.keyboard.type("古树名木保护不力");
    await expect.poll(() => editor.innerHTML()).toMatch(/<h3>一、起草背景<\/h3><p>近年来本市绿化<strong>成效显著<\/strong>，但仍存在以下问题：<\/p><ul><li><p>绿地被侵占<\/p><\/li><li><p>古树名木保护不力<\/p><\/li><\/ul>/);
    expect(await page.getByRole("button", { name: "列表", exact: true }).getAttribute("aria-pressed")).toBe("true");

    await page.getByLabel("征求意见截止日期").fill(inDays(30));
    const docx = await draftDocx({ title: TITLE, chapters: sampleChapters({ gapAt: 6 }) });
    await page.getByLabel("上传文件").setInputFiles({ name: "某市城市绿化条例（草案）征求意见稿.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx });
    await expectAccessible(page);
    await screenshots(page, "1-new-draft");

    await Promise.all([page.waitForURL(/\/versions\/[^/]+\/edit$/), page.getByRole("button", { name: "导入并预览" }).click()]);
    draftId = /\/drafts\/([^/]+)\//.exec(page.url())![1];
    const draft = await db.prisma.draft.findUniqueOrThrow({ where: { id: draftId } });
    expect(JSON.stringify(draft.explanation)).toContain("成效显著");
  }, 90_000);

  it("shows the numbering slip at its line, and the warning disappears as the committee corrects it", async () => {
    const { page, errors } = committee;
    await waitForHydration(page, errors);
    const workbench = page.locator('.workbench[data-parse-state="ready"]');
    await workbench.waitFor();
    expect(await page.locator('[data-count="articles"]').innerText()).toBe("7");
    expect(await page.locator('[data-count="warnings"]').innerText()).toBe("1");
    const warned = page.locator(".source-line.warn");
    expect(await warned.count()).toBe(1);
    const line = Number(await warned.getAttribute("data-line"));
    expect(await warned.innerText()).toContain("第九条　本条例自");
    await expect.poll(() => page.locator(".warning-list").innerText()).toContain("第九条紧接在第六条之后");
    await expect.poll(() => page.locator(".parsed-preview .has-warning").count()).toBe(1);
    // The preview reads like the regulation: the chapter heading and the bold article label the parser found.
    await expect.poll(() => page.locator(".parsed-preview .chapter").first().innerText()).toBe("第一章　总则");
    await expectAccessible(page);
    await screenshots(page, "2-preview-with-warning");

    await page.locator(".warning-list").getByRole("button", { name: `第 ${line} 行` }).click();
    expect(await page.evaluate(() => {
      const area = document.activeElement as HTMLTextAreaElement;
      return area.value.slice(area.selectionStart, area.selectionEnd);
    })).toBe("第九条　本条例自　　年　　月　　日起施行。");
    await page.keyboard.press("Home");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.type("第七条");
    await expect.poll(() => page.locator('[data-count="warnings"]').innerText()).toBe("0");
    expect(await page.locator(".source-line.warn").count()).toBe(0);
    expect(await page.locator(".warning-list").count()).toBe(0);
    expect(await page.locator(".parsed-preview .article .article-label").allInnerTexts()).toEqual(["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条"]);
    await page.getByText("有未保存的修改").waitFor();
    await screenshots(page, "3-preview-corrected");
  }, 90_000);

  it("publishes to two of the three contact points, each with its deadline", async () => {
    const { page, errors } = committee;
    await Promise.all([page.waitForURL(/\/publish$/), page.getByRole("button", { name: "保存并选择联系点发布" }).click()]);
    await waitForHydration(page, errors);
    await page.getByRole("checkbox", { name: /阳山镇安阳山村/ }).uncheck();
    await page.getByLabel("洛社镇人大的截止日期").fill(inDays(45));
    await page.getByLabel("惠山区前洲街道人大工委的截止日期").fill(inDays(20));
    await expectAccessible(page);
    await screenshots(page, "4-publish");
    await Promise.all([page.waitForURL(/published=1/), page.getByRole("button", { name: "发布", exact: true }).click()]);
    await waitForHydration(page, errors);

    const version = await db.prisma.draftVersion.findFirstOrThrow({ where: { draftId }, include: { consultations: { include: { contactPoint: true } } } });
    expect(version.publishedAt).not.toBeNull();
    expect(version.sourceText).toContain("第七条　本条例自");
    expect(version.consultations.map((c) => [c.contactPoint.name, dateValue(c.deadline)]).sort()).toEqual([
      ["惠山区前洲街道人大工委", inDays(20)],
      ["洛社镇人大", inDays(45)],
    ]);
    await page.getByText("征求意见稿已发布，已向 2 个联系点征求意见。").waitFor();
  }, 90_000);

  it("renders the published draft as a regulation: chapters centred, 第X条 bold, items on their own lines", async () => {
    const { page } = committee;
    const text = page.locator("article.draft");
    await expect.poll(() => text.locator(".draft-title").innerText()).toBe(TITLE);
    const chapter = text.locator(".reader-heading").first();
    expect(await chapter.innerText()).toContain("第一章");
    expect(await chapter.locator("h3, h4").first().evaluate((el) => getComputedStyle(el).textAlign)).toBe("center");
    const label = text.locator("#第一条 .article-label");
    expect(await label.innerText()).toMatch(/^第一条/);
    expect(Number(await label.evaluate((el) => getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(700);
    const item = text.locator('[id="第三条第一项"]');
    expect(await item.innerText()).toContain("（一）将城市绿化纳入国民经济和社会发展规划；");
    expect(await item.evaluate((el) => getComputedStyle(el).display)).toBe("block");
    // The 起草说明 as written, bold and list included.
    expect(await page.locator(".explanation strong").innerText()).toBe("成效显著");
    expect(await page.locator(".explanation li").allInnerTexts()).toEqual(["绿地被侵占", "古树名木保护不力"]);
    await expectAccessible(page);
    await screenshots(page, "5-published-draft");
  }, 90_000);

  it("publishes a 二审稿 and shows its 修改对照表 to a consulted contact point on a phone", async () => {
    const { page, errors } = committee;
    await page.getByRole("link", { name: /添加新版本/ }).click();
    await page.waitForURL(/\/versions\/new$/);
    await waitForHydration(page, errors);
    const v1 = await db.prisma.draftVersion.findFirstOrThrow({ where: { draftId } });
    const v2Text = v1.sourceText
      .replace("新建居住区的绿地率不得低于百分之三十", "新建居住区的绿地率不得低于百分之三十五")
      .replace("违反本条例规定的行为", "违反本条例规定，擅自占用城市绿地的，由园林绿化主管部门责令限期退还、恢复原状。\n\n第七条　违反本条例规定的其他行为")
      .replace("第七条　本条例自", "第八条　本条例自");
    await page.getByLabel("或粘贴草案文本").fill(v2Text);
    await screenshots(page, "6-new-version");
    await Promise.all([page.waitForURL(/\/edit$/), page.getByRole("button", { name: "导入并预览" }).click()]);
    await waitForHydration(page, errors);
    expect(await page.locator('[data-count="warnings"]').innerText()).toBe("0");
    await Promise.all([page.waitForURL(/\/publish$/), page.getByRole("button", { name: "保存并选择联系点发布" }).click()]);
    await waitForHydration(page, errors);
    await Promise.all([page.waitForURL(/published=1/), page.getByRole("button", { name: "发布", exact: true }).click()]);
    await waitForHydration(page, errors);

    await page.getByRole("link", { name: "修改对照表" }).click();
    await page.waitForURL(/\/compare$/);
    await waitForHydration(page, errors);
    await expect.poll(() => page.locator("table.comparison ins").allInnerTexts()).toContain("五");
    await expectAccessible(page);
    await screenshots(page, "7-compare");

    const consultation = await db.prisma.consultation.findFirstOrThrow({ where: { draftVersionId: v1.id, contactPoint: { name: "惠山区前洲街道人大工委" } } });
    const phone = await browser.newContext({ viewport: PHONE, locale: "zh-CN", isMobile: true, hasTouch: true });
    const deputyErrors = watchPageErrors(phone, { ownOrigin: platform.webUrl });
    const deputy = await phone.newPage();
    await loginAs(deputy, platform.webUrl, "daibiao", "/deputy");
    await deputy.goto(`${platform.webUrl}/consultations/${consultation.id}/comparison`);
    await waitForHydration(deputy, deputyErrors);
    const rows = deputy.locator("table.comparison tr.comparison-row");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    expect(await deputy.locator("table.comparison").innerText()).toContain("新增");
    // Stacked on a phone: each row a card, its columns one under the other.
    expect(await rows.first().evaluate((el) => getComputedStyle(el).display)).toBe("block");
    const link = deputy.locator("table.comparison a", { hasText: "第五条" }).first();
    expect(await link.getAttribute("href")).toBe(`/consultations/${consultation.id}#${encodeURIComponent("第五条")}`);
    expect(await seriousAccessibilityViolations(deputy)).toEqual([]);
    await deputy.screenshot({ path: path.join(ARTIFACTS, "legislature-8-comparison-deputy-phone.png"), fullPage: true });
    expect(deputyErrors()).toEqual([]);
    await phone.close();
  }, 120_000);

  it("works without JavaScript: the 起草说明 is a textarea, the preview comes from the server, corrections still save", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN", javaScriptEnabled: false });
    const page = await context.newPage();
    await loginAs(page, platform.webUrl, "fagongwei", "/legislature");
    await page.goto(`${platform.webUrl}/legislature/drafts/new`);
    await page.getByLabel("草案名称").fill("某市节约用水条例（草案）");
    await page.getByLabel("起草说明").fill("为了节约用水，起草本条例。\n请重点就第二条提出意见。");
    await page.getByLabel("或粘贴草案文本").fill("某市节约用水条例（草案）\n第一条　为了节约用水，制定本条例。\n第三条　本条例自公布之日起施行。");
    await Promise.all([page.waitForURL(/\/edit$/), page.getByRole("button", { name: "导入并预览" }).click()]);
    expect(await page.locator(".warning-list").innerText()).toContain("第三条紧接在第一条之后");
    expect(await page.locator(".source-line.warn").getAttribute("data-line")).toBe("3");
    await page.screenshot({ path: path.join(ARTIFACTS, "legislature-9-preview-without-js.png"), fullPage: true });

    const area = page.getByLabel("草案原文");
    await area.fill((await area.inputValue()).replace("第三条", "第二条"));
    await Promise.all([page.waitForURL(/saved=1$/), page.getByRole("button", { name: "保存修改" }).click()]);
    expect(await page.locator(".warning-list").count()).toBe(0);
    const draft = await db.prisma.draft.findFirstOrThrow({ where: { title: "某市节约用水条例（草案）" }, include: { versions: true } });
    expect(draft.versions[0].sourceText).toContain("第二条　本条例自公布之日起施行。");
    expect(JSON.stringify(draft.explanation)).toContain("请重点就第二条提出意见。");
    await context.close();
  }, 90_000);
});
