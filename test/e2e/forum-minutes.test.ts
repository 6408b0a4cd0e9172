// Two people write the same forum minutes in real browsers and see each other's Chinese text and carets.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startPlatform, type RunningPlatform } from "../helpers/platform";
import { hasChromium, launchBrowser, loginAs, watchPageErrors, OpenedContexts } from "../helpers/browser";
import { loadDemoData } from "../../seeds/load-demo-data";

describe.skipIf(!hasChromium)("forum minutes in the browser (needs Debian's chromium)", () => {
  let db: TestDatabase;
  let platform: RunningPlatform;
  let browser: Browser;
  let forumPath: string;
  const opened = new OpenedContexts();

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma);
    forumPath = `/forums/${(await db.prisma.forum.findFirstOrThrow()).id}`;
    platform = await startPlatform(db.url, ["web", "collab"]);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  });

  // Everyone leaves at the end of each test; nobody may have met an error on the way.
  afterEach(async () => {
    expect(await opened.closeAll()).toEqual([]);
  });

  async function openMinutes(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    opened.add(context, watchPageErrors(context, { ownOrigin: platform.webUrl }));
    const page = await context.newPage();
    await loginAs(page, platform.webUrl, username, forumPath);
    await page.locator('.forum-minutes .editor-status[data-status="connected"][data-synced="yes"]').waitFor();
    await page.locator(".ProseMirror").waitFor();
    return page;
  }

  async function typeAtEnd(page: Page, text: string) {
    await page.locator(".ProseMirror").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText(text);
  }

  it("staff and deputy each see the other's Chinese text and caret", async () => {
    const staff = await openMinutes("qianzhou");
    const deputy = await openMinutes("daibiao");

    await typeAtEnd(staff, "陈联络：座谈会现在开始，请各位代表发言。");
    await expect.poll(() => deputy.locator(".ProseMirror").innerText(), { timeout: 10_000 }).toContain("座谈会现在开始");

    await typeAtEnd(deputy, "王代表：建议第十二条维护保养改为每十五日至少一次。");
    await expect.poll(() => staff.locator(".ProseMirror").innerText(), { timeout: 10_000 }).toContain("每十五日至少一次");

    await expect.poll(() => staff.locator(".forum-minutes .editor-status").innerText(), { timeout: 10_000 }).toContain("王代表");
    await expect.poll(() => staff.locator(".collaboration-carets__label").allInnerTexts(), { timeout: 10_000 }).toContain("王代表");

    fs.mkdirSync("test-results", { recursive: true });
    await staff.screenshot({ path: "test-results/forum-minutes-staff.png", fullPage: true });
  }, 60_000);

  it("keeps the minutes after both leave and a new reader opens them", async () => {
    const reader = await openMinutes("xinxiyuan");
    await expect.poll(() => reader.locator(".ProseMirror").innerText(), { timeout: 10_000 }).toContain("每十五日至少一次");
    expect(await reader.locator(".ProseMirror").getAttribute("contenteditable")).toBe("false");
  }, 60_000);
});
