import { startE2eStack, type E2eStack } from '@workpoints/testing';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import {
  accessibilityViolations,
  button,
  cspViolations,
  launchChromium,
  logIn,
  screenshot,
} from './browser';

const PLAN = [
  '2026年市知识产权局工作要点（浏览器测试）',
  '一、加强知识产权保护',
  '1. 推进知识产权行政裁决规范化建设，出台行政裁决工作规程。牵头单位：保护处；配合单位：条法处。',
  '2. 编制年度知识产权发展状况报告。牵头单位：办公室。',
].join('\n');

/**
 * A work point's whole life in the browser, as its people do it: the coordinator imports,
 * fixes and publishes; 保护处's staff acknowledge, report with an attachment and submit; the
 * head returns it; staff submit again; head and supervisor approve; the coordinator sees it
 * green and downloads the ledger. Every main page is screenshotted and checked with axe.
 */
describe('the web app, role by role', () => {
  let stack: E2eStack;
  let browser: Browser;
  let base: string;
  let pointUrl = '';
  const violations: Record<string, string[]> = {};

  const check = async (page: Page, name: string) => {
    await screenshot(page, name);
    violations[name] = await accessibilityViolations(page);
  };
  const as = (username: string, viewport?: { width: number; height: number }) =>
    logIn(browser, base, username, stack.password, viewport);
  const confirm = (page: Page) =>
    page
      .getByRole('dialog')
      .getByRole('button', { name: button('确定') })
      .click();

  beforeAll(async () => {
    stack = await startE2eStack({ env: { WEB_ROOT: join(__dirname, '..', '..', 'dist', 'web') } });
    base = stack.api.baseUrl.replace(/\/api$/, '');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the coordinator imports a plan, fixes a point, assigns it and publishes', async () => {
    const { context, page } = await as('coordinator');
    await check(page, '01-home-coordinator');
    await page.getByRole('link', { name: '导入计划' }).click();
    await page.getByLabel('计划全文').fill(PLAN);
    await page.getByRole('button', { name: button('开始导入') }).click();
    await page.getByRole('button', { name: button('打开草稿') }).click({ timeout: 60_000 });
    await page.waitForURL(/\/plans\/[^/]+\/draft$/);
    await check(page, '02-import-review');

    await page.getByRole('treeitem', { name: /^1[.．、]?\s*推进知识产权行政裁决/ }).click();
    const text = page.getByLabel('要点内容');
    await text.fill('推进知识产权行政裁决规范化建设，年内出台行政裁决工作规程并组织培训。');
    await page.getByRole('button', { name: button('保存') }).click();
    await page.getByText('已保存').first().waitFor();
    await page.getByRole('button', { name: '采纳全部建议' }).click();
    // The text names no deadlines or supervisors: fill in what every point still lacks. (The
    // calendar must know the deadline's year: publishing refuses a year it has no holidays for.)
    await page.getByRole('button', { name: '补全缺失项' }).click();
    const bulk = page.getByRole('dialog');
    await bulk.getByLabel('分管领导（缺少时）').click();
    await page.getByTitle('李副局长').click();
    await bulk.getByLabel('完成时限（缺少时）').fill('2026-12-31');
    await bulk.getByLabel('完成时限（缺少时）').press('Enter');
    await bulk.getByRole('button', { name: button('补全') }).click();
    await page
      .getByText(/已补全 \d+ 个要点/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: button('发布') }).click();
    // Publishing asks once more: every point goes to its lead department.
    await page.getByRole('button', { name: button('确认发布') }).click();
    await page.waitForURL(/\/plans\/[^/]+\/board/, { timeout: 60_000 });
    await page.getByRole('link', { name: /第1项/ }).waitFor();
    await check(page, '03-board-published');
    pointUrl = new URL(
      (await page.getByRole('link', { name: /第1项/ }).getAttribute('href')) ?? '',
      base,
    ).toString();
    await context.close();
  });

  it('staff of 保护处 acknowledge, report with an attachment and submit completion', async () => {
    const { context, page } = await as('bhc.staff');
    await page
      .getByRole('link', { name: /推进知识产权行政裁决/ })
      .first()
      .waitFor();
    await check(page, '04-home-staff');
    await page
      .getByRole('link', { name: /推进知识产权行政裁决/ })
      .first()
      .click();
    await page.getByRole('button', { name: button('签收') }).click();
    await confirm(page);
    await page.getByText('已签收').first().waitFor();

    await page.getByRole('button', { name: '报送进展' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('进展情况').fill('已完成行政裁决工作规程初稿，征求了条法处意见。');
    await dialog.getByLabel('完成百分比').fill('60');
    await dialog.locator('input[type=file]').setInputFiles({
      name: '规程初稿.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('行政裁决工作规程（初稿）'),
    });
    await dialog.getByText('规程初稿.txt').waitFor();
    await check(page, '05-report-dialog');
    await confirm(page);
    await page.getByText('进展已报送').first().waitFor();
    await page.getByRole('button', { name: /规程初稿\.txt/ }).waitFor();

    await page.getByRole('button', { name: '申请办结' }).click();
    await page.getByRole('dialog').getByLabel('办结情况说明').fill('规程已印发。');
    await confirm(page);
    await page.getByText('已申请办结').first().waitFor();
    await check(page, '06-point-submitted');
    await context.close();
  });

  it('the head returns it with a comment; staff see the comment and submit again', async () => {
    const head = await as('bhc.head');
    await head.page.getByRole('link', { name: '审核' }).click();
    await head.page.getByRole('link', { name: /推进知识产权行政裁决/ }).click();
    await head.page.getByRole('button', { name: /规程初稿\.txt/ }).waitFor();
    await check(head.page, '07-approvals-head');
    await head.page.getByRole('button', { name: button('退回') }).click();
    await head.page.getByRole('dialog').getByLabel('退回意见').fill('请补充规程印发文号。');
    await confirm(head.page);
    await head.page.getByText('已退回').first().waitFor();
    await head.context.close();

    const staff = await as('bhc.staff');
    await staff.page.goto(pointUrl);
    await staff.page.getByText('请补充规程印发文号。').first().waitFor();
    await check(staff.page, '08-point-returned');
    await staff.page.getByRole('button', { name: '申请办结' }).click();
    await staff.page
      .getByRole('dialog')
      .getByLabel('办结情况说明')
      .fill('规程已印发，文号〔2026〕3号。');
    await confirm(staff.page);
    await staff.page.getByText('已申请办结').first().waitFor();
    await staff.context.close();
  });

  it('the head, then the supervisor approve, the supervisor on a phone', async () => {
    const head = await as('bhc.head');
    await head.page.goto(pointUrl);
    await head.page.getByRole('button', { name: '审核通过' }).click();
    await confirm(head.page);
    await head.page.getByText('已审核通过').first().waitFor();
    await head.context.close();

    const coordinator = await stack.api.login('coordinator', stack.password);
    const pointId = pointUrl.split('/').pop() ?? '';
    const detail = await stack.api.request<{ supervisorId: string }>(
      'GET',
      `/points/${pointId}`,
      coordinator,
    );
    const users = await stack.api.request<{ id: string; username: string }[]>(
      'GET',
      '/users',
      coordinator,
    );
    const supervisor = users.body.find((u) => u.id === detail.body.supervisorId)?.username ?? '';
    expect(supervisor).toMatch(/^supervisor\./);

    const phone = await as(supervisor, { width: 390, height: 844 });
    await phone.page.goto(`${base}/approvals`);
    await phone.page.getByRole('link', { name: /推进知识产权行政裁决/ }).click();
    await check(phone.page, '09-approval-phone');
    await phone.page.getByRole('button', { name: '审核通过' }).click();
    await confirm(phone.page);
    await phone.page.getByText('已审核通过').first().waitFor();
    await phone.page.goto(`${base}/inbox`);
    await check(phone.page, '10-inbox-phone');
    await phone.context.close();
  });

  it('the coordinator sees it green and completed on the board and downloads the ledger', async () => {
    const { context, page } = await as('coordinator');
    await page.goto(pointUrl);
    await page.getByText('已办结').first().waitFor();
    await check(page, '11-point-completed');
    await page.getByRole('link', { name: '计划', exact: true }).click();
    await check(page, '12-plans');
    await page.getByRole('link', { name: '督办看板' }).first().click();
    const item = page.getByRole('treeitem', { name: /第1项/ });
    await expect(item.textContent()).resolves.toMatch(/绿灯[\s\S]*已办结|已办结[\s\S]*绿灯/);
    await page.getByRole('link', { name: '统计分析' }).click();
    await check(page, '13-dashboard');
    await page.getByRole('link', { name: '计划', exact: true }).click();
    // The dashboard has a 下载台账 button too: wait until the plans page has replaced it.
    await page.waitForURL(/\/plans$/);
    await page.getByRole('heading', { name: '计划', level: 2, exact: true }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载台账' }).first().click(),
    ]);
    // The name comes from the API's Content-Disposition; the address says which download it was.
    expect({ name: download.suggestedFilename(), url: download.url() }).toMatchObject({
      name: expect.stringMatching(/\.xlsx$/) as unknown,
    });
    for (const [name, path] of [
      ['14-inbox', '/inbox'],
      ['15-search', '/points?q=行政裁决'],
      ['16-admin-departments', '/admin/departments'],
      ['17-admin-users', '/admin/users'],
      ['18-admin-robots', '/admin/robots'],
      ['19-admin-calendar', '/admin/calendar'],
      ['20-imports', '/imports'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.getByRole('main').waitFor();
      await check(page, name);
    }
    await context.close();
  });

  it('staff of another department cannot open the point by its address', async () => {
    const { context, page } = await as('jgdw.staff');
    await page.goto(pointUrl);
    await page.getByText(/不在您的职责范围内/).waitFor();
    await check(page, '21-point-forbidden');
    await expect(page.getByRole('button', { name: '报送进展' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('in English, a point’s status and light, and a refusal, are in English', async () => {
    const inEnglish = async (username: string) => {
      const session = await as(username);
      await session.page.evaluate(() => localStorage.setItem('workpoints.language', 'en'));
      return session;
    };
    const coordinator = await inEnglish('coordinator');
    await coordinator.page.goto(pointUrl);
    const main = coordinator.page.getByRole('main');
    await main.getByText('Completed', { exact: true }).first().waitFor();
    await main.getByText('Green', { exact: true }).first().waitFor();
    await expect(main.getByText('已办结', { exact: true }).count()).resolves.toBe(0);
    await check(coordinator.page, '22-point-completed-en');
    await coordinator.context.close();

    // The refusal is said by its code; the API's own (Chinese) explanation stays beneath it.
    const outsider = await inEnglish('jgdw.staff');
    await outsider.page.goto(pointUrl);
    await outsider.page.getByText('This is outside your remit').waitFor();
    await outsider.page.getByText(/不在您的职责范围内/).waitFor();
    await check(outsider.page, '23-point-forbidden-en');
    await outsider.context.close();
  });

  it('every page checked meets WCAG 2 A and AA as axe-core sees it', () => {
    expect(Object.entries(violations).filter(([, v]) => v.length > 0)).toEqual([]);
  });

  it('nothing on any page was refused by the Content Security Policy', () => {
    expect(cspViolations).toEqual([]);
  });
});
