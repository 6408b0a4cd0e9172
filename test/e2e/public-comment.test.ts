// A resident on a phone (390 px, touch) opens the QR link, reads, comments on an article, gets a receipt and looks
// it up at /r/<回执号> — with JavaScript and without it. Also the reader at 200 % text size, search, the desktop
// reader with counts and heat strip, and the printable poster as a PDF. Screenshots in test/e2e/artifacts/public-*.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startPlatform, type RunningPlatform } from "../helpers/platform";
import { hasChromium, launchBrowser, waitForHydration, watchPageErrors } from "../helpers/browser";
import { seriousAccessibilityViolations } from "../helpers/axe";
import { login } from "../helpers/http";
import { waitFor } from "../helpers/wait";
import { loadDemoData } from "../../seeds/load-demo-data";

const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const RECEIPT = /回执号：([23456789A-HJKMNP-Z]{12})/;

function shot(name: string) {
  return path.join(ARTIFACTS, `public-${name}.png`);
}

/** Wider than the window means sideways scrolling on a phone. */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

describe.skipIf(!hasChromium)("a resident comments from a phone (needs Debian's chromium)", () => {
  let db: TestDatabase;
  let platform: RunningPlatform;
  let browser: Browser;
  let token = "";
  let consultationId = "";

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma);
    const consultation = await db.prisma.consultation.findFirstOrThrow({ where: { contactPoint: { name: "惠山区前洲街道人大工委" } } });
    token = consultation.publicToken;
    consultationId = consultation.id;
    // Some opinions already given, so that counts and the heat strip show.
    const clauses = await db.prisma.clause.findMany({ where: { draftVersionId: consultation.draftVersionId, citation: { in: ["第十二条第一款", "第十二条第二款", "第八条", "第二十条", "第三条第二项"] } } });
    let n = 0;
    for (const clause of clauses) {
      for (let i = 0; i < (clause.citation.startsWith("第十二条") ? 4 : 1 + (n % 3)); i++) {
        await db.prisma.comment.create({ data: { consultationId, clauseId: clause.id, source: "public", body: `已有意见 ${n++}` } });
      }
    }
    platform = await startPlatform(db.url, ["web"]);
    browser = await launchBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  });

  async function phone(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    return browser.newContext({ ...PHONE, ...options });
  }

  it("reads, comments on an article with JavaScript, gets a receipt and opens /r/<回执号>", async () => {
    const context = await phone();
    const page = await context.newPage();
    const errors = watchPageErrors(page, { ownOrigin: platform.webUrl });
    try {
      await page.goto(`${platform.webUrl}/p/${token}`);
      await waitForHydration(page, errors);
      await page.screenshot({ path: shot("phone-top") });
      expect(await overflowsSideways(page)).toBe(false);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // The outline drawer: open it, jump to 第十二条; it closes after the jump.
      const outline = page.locator("#reader-outline");
      expect(await outline.getAttribute("open")).toBeNull();
      await outline.locator("summary").tap();
      await page.locator('#reader-outline nav a[href="#第十二条"]').waitFor();
      await page.screenshot({ path: shot("phone-outline") });
      await page.locator('#reader-outline nav a[href="#第十二条"]').tap();
      await page.waitForURL((url) => decodeURIComponent(url.hash) === "#第十二条");
      expect(await outline.getAttribute("open")).toBeNull();
      await page.screenshot({ path: shot("phone-article") });

      const article = page.locator('section.article[id="第十二条"]');
      expect(await article.locator(".article-count").textContent()).toBe("8 条意见");
      await Promise.all([page.waitForURL(/clause=/), article.getByRole("link", { name: /对本条提意见/ }).tap()]);
      await page.getByRole("heading", { name: "对第十二条提意见" }).waitFor();
      await expect.poll(() => page.locator(".clause-quote").textContent()).toContain("对电梯每十五日至少进行一次维护保养");
      await page.getByLabel("针对的条款").selectOption("第十二条第二款");
      await page.getByLabel("您的意见（必填）").fill("远程监测的评估结果应当向业主公开。");
      await page.getByLabel("建议修改为（可选）").fill("采用物联网等技术对电梯运行状态实施远程监测，经市市场监督管理部门评估并公示符合条件的，可以按照规定实行按需维护保养。");
      await page.getByLabel("理由（可选）").fill("业主有权知道自己电梯的维护方式。");
      await page.getByText("留下姓名和联系方式（可选）").tap();
      await page.getByLabel("姓名").fill("王小明");
      await page.getByLabel("电话").fill("13900002222");
      await page.getByLabel("我已阅读并同意上述个人信息处理说明").check();
      await page.screenshot({ path: shot("phone-form"), fullPage: true });
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "提交意见" }).tap();
      await page.getByRole("heading", { name: "意见已提交，谢谢您！" }).waitFor();
      const receiptNo = RECEIPT.exec((await page.locator(".receipt-number").textContent()) ?? "")?.[1];
      expect(receiptNo).toBeDefined();
      await page.screenshot({ path: shot("phone-submitted") });

      const stored = await db.prisma.comment.findUniqueOrThrow({ where: { receiptNo }, include: { clause: true } });
      expect(stored).toMatchObject({ source: "public", kind: "amend", submitterName: "王小明", submitterPhone: "13900002222" });
      expect(stored.clause?.citation).toBe("第十二条第二款");

      await Promise.all([page.waitForURL(`**/r/${receiptNo}`), page.getByRole("link", { name: /查看我的意见/ }).tap()]);
      await waitForHydration(page, errors);
      await page.locator(".redline-view ins").first().waitFor();
      expect(await page.locator("main").textContent()).not.toContain("王小明");
      await page.screenshot({ path: shot("phone-receipt"), fullPage: true });
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await overflowsSideways(page)).toBe(false);
      expect(errors()).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("works without JavaScript: outline drawer, comment form, receipt", async () => {
    const context = await phone({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${platform.webUrl}/p/${token}`);
      await page.locator("#reader-outline summary").tap();
      await page.locator('#reader-outline nav a[href="#第二十条"]').tap();
      await page.waitForURL((url) => decodeURIComponent(url.hash) === "#第二十条");
      await Promise.all([page.waitForURL(/clause=/), page.locator('section.article[id="第二十条"]').getByRole("link", { name: /对本条提意见/ }).tap()]);
      await page.getByLabel("您的意见（必填）").fill("没有脚本也能提交。");
      await Promise.all([page.waitForURL(`**/p/${token}`), page.getByRole("button", { name: "提交意见" }).tap()]);
      const text = (await page.locator(".receipt-number").textContent()) ?? "";
      const receiptNo = RECEIPT.exec(text)?.[1];
      expect(receiptNo).toBeDefined();
      await page.screenshot({ path: shot("phone-submitted-nojs") });
      expect((await db.prisma.comment.findUniqueOrThrow({ where: { receiptNo }, include: { clause: true } })).clause?.citation).toBe("第二十条");

      // A general opinion with a phone number but no consent: refused, the text kept on the page.
      await page.goto(`${platform.webUrl}/p/${token}`);
      const general = page.locator("#general-form");
      await general.getByLabel("您对草案的总体意见（必填）").fill("建议增加加装电梯的规定。");
      await general.getByText("留下姓名和联系方式（可选）").tap();
      await general.getByLabel("电话").fill("13900003333");
      await general.getByRole("button", { name: "提交意见" }).tap();
      await page.getByText("请先阅读并勾选同意个人信息处理说明").first().waitFor();
      expect(await page.getByLabel("您对草案的总体意见（必填）").inputValue()).toBe("建议增加加装电梯的规定。");
      await page.screenshot({ path: shot("phone-consent-missing-nojs"), fullPage: true });
    } finally {
      await context.close();
    }
  }, 60_000);

  it("stays readable at 200 % text size, and marks search hits", async () => {
    const context = await phone();
    const page = await context.newPage();
    const errors = watchPageErrors(page, { ownOrigin: platform.webUrl });
    try {
      await page.goto(`${platform.webUrl}/p/${token}?q=${encodeURIComponent("维护保养 公积金")}#reader-search`);
      await waitForHydration(page, errors);
      expect(await page.locator("mark.search-hit[id]").count()).toBeGreaterThan(10);
      await page.screenshot({ path: shot("phone-search") });
      await page.locator('.hit-list a[href="#hit-2"]').tap();
      await page.waitForURL((url) => url.hash === "#hit-2");

      await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
      await page.goto(`${platform.webUrl}/p/${token}#第十三条`);
      await waitForHydration(page, errors);
      await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
      await page.locator('[id="第十三条"]').scrollIntoViewIfNeeded();
      expect(await overflowsSideways(page)).toBe(false);
      await page.screenshot({ path: shot("phone-200-percent") });
      await page.goto(`${platform.webUrl}/p/${token}?clause=${encodeURIComponent("第十三条")}`);
      await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
      expect(await overflowsSideways(page)).toBe(false);
      await page.screenshot({ path: shot("phone-form-200-percent") });
      expect(errors()).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("shows the desktop reader with outline, counts and heat strip, and prints the poster on one A4 page", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchPageErrors(page, { ownOrigin: platform.webUrl });
    try {
      await page.goto(`${platform.webUrl}/p/${token}#第十二条`);
      await waitForHydration(page, errors);
      // The sidebar opens by itself on a wide screen.
      await expect.poll(() => page.locator("#reader-outline").getAttribute("open")).toBe("");
      expect(await page.locator(".heat-cell.heat-4").count()).toBeGreaterThan(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: shot("desktop-reader") });

      const cookie = (await login(platform.webUrl, "qianzhou")).cookie!;
      const [name, value] = cookie.split("=");
      await context.addCookies([{ name, value, url: platform.webUrl }]);
      await page.goto(`${platform.webUrl}/consultations/${consultationId}/poster`);
      await waitForHydration(page, errors);
      await page.screenshot({ path: shot("poster-screen"), fullPage: true });
      const pdfFile = path.join(ARTIFACTS, "public-poster.pdf");
      const pdf = await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
      const raw = pdf.toString("latin1");
      expect(raw.match(/\/Type\s*\/Page[^s]/g)?.length, "pages in the poster PDF").toBe(1);
      expect(raw).toMatch(/MediaBox\s*\[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
      // Chromium's own PDF viewer draws the file: what a person sees in print preview.
      const viewer = await context.newPage();
      await viewer.goto(`file://${pdfFile}`);
      // Drawn once two screenshots in a row are the same and hold the page (an empty viewer compresses to a few KB).
      let previous: Buffer | null = null;
      await waitFor(async () => {
        const current = await viewer.screenshot();
        const settled = previous !== null && current.equals(previous) && current.length > 40_000;
        previous = current;
        return settled;
      }, { timeoutMs: 20_000, what: "the PDF viewer to finish drawing" });
      fs.writeFileSync(shot("poster-pdf"), previous!);
      await viewer.close();
      expect(errors()).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
