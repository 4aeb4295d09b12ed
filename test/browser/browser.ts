import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the run's screenshots go (looked at by people, kept by CI as an artefact). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'dist', 'screenshots');

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * What the pages' Content Security Policy refused (Chromium says so on the console): the run
 * checks it stays empty, so a style or script the policy blocks cannot go unnoticed.
 */
export const cspViolations: string[] = [];

/** A browser window at the office screen size (or a phone's), watched for CSP refusals. */
export async function openWindow(
  browser: Browser,
  viewport = { width: 1366, height: 768 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      cspViolations.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
  });
  return { context, page: await context.newPage() };
}

/** A user's own browser window at the office screen size (or a phone's), logged in. */
export async function logIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  viewport = { width: 1366, height: 768 },
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await openWindow(browser, viewport);
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // Pages load on first visit and show a spinner until their data is in.
  await page
    .getByRole('status')
    .filter({ hasText: /正在加载|Loading/ })
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** WCAG 2 A and AA violations axe-core finds on the page, as readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

/**
 * A button by its label. Ant Design puts a space between the two characters of a two-character
 * label, and an icon before it adds the icon's own name (e.g. "send 发 布").
 */
export const button = (label: string): RegExp =>
  new RegExp(`(^|\\s)${[...label].join('\\s*')}\\s*$`);
