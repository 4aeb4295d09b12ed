import { findFreePort } from '@workpoints/devstack';
import {
  startE2eStack,
  startOidcProvider,
  type E2eStack,
  type TestOidcProvider,
} from '@workpoints/testing';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import {
  accessibilityViolations,
  button,
  cspViolations,
  launchChromium,
  logIn,
  openWindow,
  screenshot,
} from './browser';

const NEW_USER = { username: 'zlglc.qian', name: '钱七', initial: 'Hand-Over-Phrase-2026' };
const OWN_PASSWORD = 'my own quiet river stone';

/**
 * An account's life in the browser, as an office runs it: the admin creates it; the person's
 * first sign-in asks for their own password; five wrong passwords lock it, and the admin sees
 * the lock (the person's row, the inbox notice, the security events) and resets it; the person
 * signs in through the office's identity platform (a real OpenID provider); "sign out
 * everywhere" in one browser ends the other browser's session at once, long before its access
 * token would have expired. Each new page is screenshotted and checked with axe.
 */
describe('accounts and sessions in the browser', () => {
  let stack: E2eStack;
  let idp: TestOidcProvider;
  let browser: Browser;
  let base: string;
  const violations: Record<string, string[]> = {};

  const check = async (page: Page, name: string) => {
    await screenshot(page, name);
    violations[name] = await accessibilityViolations(page);
  };
  const confirm = (page: Page) =>
    page
      .getByRole('button', { name: button('确定') })
      .last()
      .click();

  const findUser = async (page: Page) => {
    const search = page.getByRole('searchbox', { name: '按姓名或用户名查找' });
    await search.fill(NEW_USER.name);
    await search.press('Enter');
  };

  /** Signs in through the identity platform's own login form, back to the app's first page. */
  const signInWithSso = async (page: Page) => {
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: /统一身份认证登录/ }).click();
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await page.locator('input[name="login"]').fill(NEW_USER.username);
    await page.locator('input[name="password"]').fill('whatever the platform checks');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.href.startsWith(base) && !url.pathname.startsWith('/login'));
    await page.getByRole('link', { name: /个人设置/ }).waitFor();
  };

  beforeAll(async () => {
    const port = await findFreePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider({ redirectUris: [`${base}/api/auth/oidc/callback`] });
    stack = await startE2eStack({
      env: {
        API_PORT: String(port),
        WEB_ROOT: join(__dirname, '..', '..', 'dist', 'web'),
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_REDIRECT_URI: `${base}/api/auth/oidc/callback`,
      },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await idp?.stop();
  });

  it('the admin creates an account; its first sign-in asks for the person’s own password', async () => {
    const admin = await logIn(browser, base, 'admin', stack.password);
    await admin.page.goto(`${base}/admin/users`);
    await admin.page.getByRole('button', { name: /新增人员/ }).click();
    const dialog = admin.page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(NEW_USER.username);
    await dialog.getByLabel('姓名').fill(NEW_USER.name);
    await dialog.getByLabel('初始密码').fill(NEW_USER.initial);
    await dialog.getByLabel('承办人').check();
    await dialog.getByRole('button', { name: button('保存') }).click();
    await admin.page.getByText('已新增人员').first().waitFor();
    await findUser(admin.page);
    const row = admin.page.getByRole('row', { name: new RegExp(NEW_USER.name) });
    await row.getByText('待改密码').waitFor();
    await admin.context.close();

    const { context, page } = await openWindow(browser);
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill(NEW_USER.username);
    await page.getByLabel('密码').fill(NEW_USER.initial);
    await page.getByRole('button', { name: button('登录') }).click();
    await page.getByRole('heading', { name: '请设置新密码' }).waitFor();
    await check(page, '31-login-must-change');
    await page.getByLabel('新密码', { exact: true }).fill('qwertyqwerty');
    await page.getByLabel('再次输入新密码').fill('qwertyqwerty');
    await page.getByRole('button', { name: '设置密码并进入系统' }).click();
    await page.getByText(/这个密码太常见/).waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(OWN_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: '设置密码并进入系统' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('link', { name: /个人设置/ }).click();
    await page.getByRole('heading', { name: '个人设置' }).waitFor();
    await page.getByText('本机', { exact: true }).waitFor();
    await check(page, '32-settings');
    await context.close();
  });

  it('five wrong passwords lock the account, and the admin sees it and resets it', async () => {
    const { context, page } = await openWindow(browser);
    await page.goto(`${base}/login`);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('用户名').fill(NEW_USER.username);
      await page.getByLabel('密码').fill(`not my password ${attempt}`);
      await page.getByRole('button', { name: button('登录') }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: attempt < 5 ? '用户名或密码错误' : '账号已锁定' })
        .waitFor();
    }
    await page.getByText(/连续登录失败次数过多，账号已锁定至/).waitFor();
    await check(page, '33-login-locked');
    // Locked: even the right password is refused now.
    await page.getByLabel('密码').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: button('登录') }).click();
    await page.getByText(/账号已锁定至/).waitFor();
    await context.close();

    const admin = await logIn(browser, base, 'admin', stack.password);
    // The notice reached the admin's inbox (through the outbox and the jobs app).
    await admin.page.goto(`${base}/inbox`);
    await admin.page
      .getByText(`【账号锁定】${NEW_USER.name}（${NEW_USER.username}）`)
      .first()
      .waitFor({ timeout: 30_000 });
    await admin.page.goto(`${base}/admin/security-events`);
    await admin.page.getByRole('cell', { name: '账号锁定' }).first().waitFor();
    await check(admin.page, '34-security-events');
    await admin.page.goto(`${base}/admin/security-settings`);
    await admin.page.getByLabel('空闲超时（分钟）').waitFor();
    await check(admin.page, '35-security-settings');
    // The queue board opens on a one-time ticket, then keeps a cookie of its own.
    await admin.page.getByRole('link', { name: /队列看板/ }).click();
    await admin.page.waitForURL((url) => url.pathname === '/api/admin/queues' && !url.search);
    await admin.page.getByText('workpoints 队列').first().waitFor();

    await admin.page.goto(`${base}/admin/users`);
    await findUser(admin.page);
    const row = admin.page.getByRole('row', { name: new RegExp(NEW_USER.name) });
    await row.getByText('已锁定').waitFor();
    await check(admin.page, '36-users-locked');
    await row.getByRole('button', { name: '重置密码' }).click();
    await confirm(admin.page);
    const dialog = admin.page.getByRole('dialog', {
      name: new RegExp(`${NEW_USER.name} 的一次性密码`),
    });
    await dialog.waitFor();
    const oneTime = /[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}/.exec(await dialog.innerText())?.[0];
    expect(oneTime).toBeTruthy();
    await check(admin.page, '37-users-reset');
    await dialog.getByRole('button', { name: button('已完成') }).click();
    await row.getByText('待改密码').waitFor();
    await expect(row.getByText('已锁定').count()).resolves.toBe(0);
    await admin.context.close();
  });

  it('the person signs in through the office’s identity platform', async () => {
    const { context, page } = await openWindow(browser);
    await signInWithSso(page);
    await expect(page.getByText(`${NEW_USER.name}（承办人）`).count()).resolves.toBe(1);
    await context.close();
  });

  it('“sign out everywhere” ends another browser’s session long before its token expires', async () => {
    const laptop = await openWindow(browser);
    const phone = await openWindow(browser, { width: 390, height: 844 });
    await signInWithSso(laptop.page);
    await signInWithSso(phone.page);

    await laptop.page.goto(`${base}/settings`);
    await laptop.page.getByRole('button', { name: button('退出所有设备') }).click();
    const started = Date.now();
    await confirm(laptop.page);
    await laptop.page.waitForURL((url) => url.pathname.startsWith('/login'));

    // The phone did nothing: its open inbox stream hears the end and takes it to the login page.
    await phone.page.waitForURL((url) => url.pathname.startsWith('/login'), { timeout: 30_000 });
    const ended = Date.now() - started;
    await phone.page.getByText('您已在所有设备上退出登录，请重新登录').first().waitFor();
    console.log(
      `sign out everywhere: the other browser left after ${ended} ms (token life 1800 s)`,
    );
    // Well within the access token's life (ACCESS_TOKEN_TTL, 30 minutes in the test stack).
    expect(ended).toBeLessThan(30_000);
    // And it stays out: a reload finds no session to renew.
    await phone.page.goto(`${base}/`);
    await phone.page.waitForURL((url) => url.pathname.startsWith('/login'));
    await laptop.context.close();
    await phone.context.close();
  });

  it('every page checked meets WCAG 2 A and AA, and the CSP refused nothing', () => {
    expect(Object.entries(violations).filter(([, v]) => v.length > 0)).toEqual([]);
    // The queue board (Bull Board's own page) asks Google for its fonts: refused on purpose, no
    // page of an office system calls out to a third party; it falls back to the system's fonts.
    expect(
      cspViolations.filter((v) => !/\/api\/admin\/queues: .*fonts\.googleapis\.com/.test(v)),
    ).toEqual([]);
  });
});
