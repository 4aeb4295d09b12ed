import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiHarness } from '../testing/api-harness';

/** A built web app's page as Vite writes it with `html.cspNonce` (its placeholder in three places). */
const PAGE = `<!doctype html><html><head>
<meta property="csp-nonce" nonce="__CSP_NONCE__" />
<script type="module" crossorigin src="/assets/index-abc.js" nonce="__CSP_NONCE__"></script>
<link rel="modulepreload" href="/assets/antd-abc.js" nonce="__CSP_NONCE__">
</head><body><div id="root"></div></body></html>`;

describe('the HTTP surface: headers, caching, body limits, docs', () => {
  let api: ApiHarness;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'wp-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), PAGE);
    writeFileSync(join(webRoot, 'assets', 'index-abc.js'), 'console.log(1);');
    api = await startApi({ WEB_ROOT: webRoot });
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the page with a strict CSP whose style nonce is written into it, never cached', async () => {
    const res = await fetch(`${api.url}/points/some-id`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] as string;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': `'self' 'nonce-${nonce}'`,
      'style-src-elem': `'self' 'nonce-${nonce}'`,
      'style-src-attr': "'unsafe-inline'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
      'base-uri': "'self'",
    });
    // Only style attributes may be inline; scripts and <style> elements never.
    expect(csp.match(/unsafe-inline/g)).toHaveLength(1);
    expect(csp).not.toContain('unsafe-eval');
    const html = await res.text();
    expect(html.match(new RegExp(`nonce="${nonce.replace(/[+/]/g, '\\$&')}"`, 'g'))).toHaveLength(
      3,
    );
    expect(html).not.toContain('__CSP_NONCE__');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();

    const second = await fetch(`${api.url}/`);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    const asset = await fetch(`${api.url}/assets/index-abc.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('marks every API answer no-store and never says it runs Express', async () => {
    const c = api.client();
    await c.login('bhc.staff', api.password);
    for (const path of ['/api/me', '/api/inbox', '/api/auth/options', '/api/no-such-route']) {
      const res = await c.call('GET', path);
      expect([path, res.headers.get('cache-control')]).toEqual([path, 'no-store']);
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('refuses a JSON body over 100 KB, except where a route needs more', async () => {
    const c = api.client();
    await c.login('coordinator', api.password);
    const padding = 'x'.repeat(110 * 1024);
    const login = await c.call<{ code: string; message: string }>('POST', '/api/auth/login', {
      username: 'coordinator',
      password: padding,
    });
    expect(login.status).toBe(413);
    expect(login.body).toEqual({
      statusCode: 413,
      code: 'TOO_LARGE',
      message: '请求内容过大（此接口最多 100 KB）',
    });
    const draft = await c.call('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', {
      displayName: padding,
    });
    expect(draft.status).toBe(413);

    // A whole plan of 1,000 points with their text: about 1.6 MB, still taken.
    const points = Array.from({ length: 1000 }, (_, i) => ({
      number: i + 1,
      title: `第${i + 1}项要点`,
      text: '推进知识产权保护体系建设，'.repeat(40),
    }));
    const body = JSON.stringify({ title: '大计划', year: 2026, points });
    expect(Buffer.byteLength(body)).toBeGreaterThan(1_500_000);
    const plan = await c.call<{ points: unknown[] }>('POST', '/api/plans', body);
    expect(plan.status).toBe(201);
    expect(plan.body.points).toHaveLength(1000);
    // A pasted document over 100 KB reaches the import (which then fails to queue: no jobs app).
    const text = await c.call('POST', '/api/imports/text', {
      text: '一、总体要求\n1. 推进工作。\n'.repeat(5_000),
      name: '长文',
    });
    expect(text.status).not.toBe(413);
    const broken = await c.call<{ code: string }>('POST', '/api/auth/login', '{"username":');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('INVALID_INPUT');
  });

  it('opens the queue board with a one-time ticket and a cookie that holds no token', async () => {
    const board = `${api.url}/api/admin/queues`;
    const admin = api.client();
    await admin.login('admin', api.password);
    const staff = api.client();
    await staff.login('zlglc.staff', api.password);
    expect((await fetch(board)).status).toBe(401);
    expect((await fetch(`${board}?access_token=${admin.token}`)).status).toBe(401);

    const staffTicket = await staff.call<{ ticket: string }>('POST', '/api/auth/tickets', {
      purpose: 'queue-board',
    });
    expect((await fetch(`${board}?ticket=${staffTicket.body.ticket}`)).status).toBe(403);

    const ticket = await admin.call<{ ticket: string }>('POST', '/api/auth/tickets', {
      purpose: 'queue-board',
    });
    const opened = await fetch(`${board}?ticket=${ticket.body.ticket}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/api/admin/queues');
    const setCookie = opened.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      /^wp_queue_board=[\w-]{43}; Path=\/api\/admin\/queues; HttpOnly; Secure; SameSite=Strict$/,
    );
    expect(setCookie).not.toContain(admin.token as string);
    const cookie = setCookie.split(';')[0] as string;
    const page = await fetch(board, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<base href="/api/admin/queues/" />');
    // The ticket is spent.
    expect((await fetch(`${board}?ticket=${ticket.body.ticket}`)).status).toBe(401);
    // Signing out closes the board too.
    await admin.call('POST', '/api/auth/logout');
    expect((await fetch(board, { headers: { cookie } })).status).toBe(401);
  });

  it('publishes the OpenAPI document outside production only', async () => {
    expect((await fetch(`${api.url}/api/docs-json`)).status).toBe(200);
    const production = await startApi({ NODE_ENV: 'production' });
    try {
      expect((await fetch(`${production.url}/api/docs-json`)).status).toBe(404);
      expect((await fetch(`${production.url}/api/docs`)).status).toBe(404);
    } finally {
      await production.stop();
    }
  });
});
