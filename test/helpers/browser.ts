// Debian's chromium driven by playwright-core (never a downloaded browser).
import fs from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
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

/** What `watchPageErrors` recorded so far; `first` settles once anything is recorded. */
export interface PageErrors {
  (): string[];
  first: Promise<void>;
}

/**
 * Starts recording what a person would only see in the browser's developer tools: uncaught exceptions, console
 * errors, and 5xx answers from `ownOrigin`. Server-rendered pages look fine in screenshots even when their
 * JavaScript is dead, so every browser test asserts `errors()` is empty. `ignore` lists messages a test expects
 * (the "Failed to load resource … 404" line of a deliberate 404 page).
 */
export function watchPageErrors(target: Page | BrowserContext, { ownOrigin, ignore = [] }: { ownOrigin?: string; ignore?: RegExp[] } = {}): PageErrors {
  const errors: string[] = [];
  let settleFirst = () => {};
  const first = new Promise<void>((resolve) => (settleFirst = resolve));
  const record = (message: string) => {
    if (ignore.some((pattern) => pattern.test(message))) return;
    errors.push(message);
    settleFirst();
  };
  const attach = (page: Page) => {
    page.on("pageerror", (error) => record(`uncaught ${error.name}: ${error.message} (on ${page.url()})`));
    page.on("console", (message) => {
      if (message.type() === "error") record(`console.error: ${message.text()} (from ${message.location().url || page.url()})`);
    });
    page.on("response", (response) => {
      if (response.status() >= 500 && (!ownOrigin || response.url().startsWith(ownOrigin))) {
        record(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`);
      }
    });
  };
  if ("pages" in target) {
    target.pages().forEach(attach);
    target.on("page", attach);
  } else {
    attach(target);
  }
  return Object.assign(() => [...errors], { first });
}

/**
 * Waits until React has hydrated the page and the network is quiet, or until `errors` records something (a page
 * whose scripts die never hydrates, and the error is what the test should report).
 */
export async function waitForHydration(page: Page, errors: PageErrors): Promise<void> {
  const hydrated = page.waitForFunction(() => {
    const w = window as unknown as { __remixContext?: unknown; __remixRouter?: unknown };
    return Boolean(w.__remixContext && w.__remixRouter) && Object.keys(document.body).some((key) => key.startsWith("__reactFiber$"));
  });
  hydrated.catch(() => {});
  await Promise.race([hydrated.then(() => page.waitForLoadState("networkidle")), errors.first]);
}

/**
 * The browser contexts a test opened, each with what its pages met. After each test, `closeAll` closes them and
 * returns every error recorded, which the test suite expects to be none.
 */
export class OpenedContexts {
  private opened: Array<{ context: BrowserContext; errors: PageErrors }> = [];

  add(context: BrowserContext, errors: PageErrors): PageErrors {
    this.opened.push({ context, errors });
    return errors;
  }

  /** The errors of the context opened last. */
  get lastErrors(): PageErrors {
    return this.opened[this.opened.length - 1].errors;
  }

  async closeAll(): Promise<string[]> {
    const leaving = this.opened;
    this.opened = [];
    const errors = leaving.flatMap(({ errors }) => errors());
    await Promise.all(leaving.map(({ context }) => context.close()));
    return errors;
  }
}
