// Debian's chromium driven by playwright-core (never a downloaded browser).
import fs from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../seeds/demo-data";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM_PATH);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Logs in through the login form, as a person would. */
export async function loginAs(page: Page, webUrl: string, username: string, redirectTo: string): Promise<void> {
  await page.goto(`${webUrl}/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === redirectTo), page.getByRole("button", { name: "登录" }).click()]);
}
