import { SecurityEventEntity, SessionEntity } from '@workpoints/persistence';
import { createHmac } from 'node:crypto';
import { startApi, type ApiHarness, type Client } from '../testing/api-harness';

interface ErrorBody {
  code: string;
  message: string;
}

/** A JWT signed with the API's secret but shaped by the test (to prove what verify refuses). */
function forge(secret: string, header: object, claims: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part(header)}.${part(claims)}`;
  const alg = (header as { alg?: string }).alg;
  if (alg === 'none') return `${body}.`;
  const hmac = alg === 'HS512' ? 'sha512' : 'sha256';
  return `${body}.${createHmac(hmac, secret).update(body).digest('base64url')}`;
}

describe('sessions: short access tokens, rotating refresh cookies, server-side ends', () => {
  let api: ApiHarness;
  const signedIn = async (username = 'zlglc.staff'): Promise<Client> => {
    const c = api.client();
    expect((await c.login(username, api.password)).status).toBe(200);
    return c;
  };

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('signs in with a short-lived token and an HttpOnly, Secure, SameSite refresh cookie', async () => {
    const c = api.client();
    const res = await c.login('zlglc.staff', api.password);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ expiresIn: 600, mustChangePassword: false });
    expect(res.body.user.roles).toEqual(['staff']);
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('wp_refresh='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth;/);
    // The token's claims: the session, HS256, issuer and audience.
    const [header, claims] = res.body.accessToken
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'HS256' });
    expect(claims).toMatchObject({ iss: 'workpoints', aud: 'workpoints-api' });
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(600);
    expect((await c.call('GET', '/api/me')).status).toBe(200);
  });

  it('refuses tokens of another algorithm, issuer or audience, unsigned or expired', async () => {
    const c = await signedIn();
    const claims = JSON.parse(
      Buffer.from((c.token ?? '').split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>;
    const secret = api.config.auth.jwtSecret;
    const now = Math.floor(Date.now() / 1000);
    const bad = [
      forge(secret, { alg: 'none', typ: 'JWT' }, claims),
      forge(secret, { alg: 'HS512', typ: 'JWT' }, claims),
      forge(secret, { alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'someone-else' }),
      forge(secret, { alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'another-api' }),
      forge(secret, { alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 700, exp: now - 100 }),
      forge('another-secret-of-at-least-32-characters', { alg: 'HS256' }, claims),
    ];
    for (const token of bad) {
      const res = await api.client().call<ErrorBody>('GET', '/api/me', undefined, {
        authorization: `Bearer ${token}`,
      });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    const good = forge(secret, { alg: 'HS256', typ: 'JWT' }, claims);
    expect(
      (await api.client().call('GET', '/api/me', undefined, { authorization: `Bearer ${good}` }))
        .status,
    ).toBe(200);
  });

  it('rotates the refresh token; a rotated one used again ends the whole session', async () => {
    const c = await signedIn();
    const first = c.cookies.get('wp_refresh') as string;
    const refreshed = await c.refresh();
    expect(refreshed.status).toBe(200);
    const second = c.cookies.get('wp_refresh') as string;
    expect(second).not.toBe(first);
    expect((await c.call('GET', '/api/me')).status).toBe(200);

    // A thief replays the first cookie: both holders lose the session.
    const thief = api.client();
    thief.cookies.set('wp_refresh', first);
    const replay = await thief.refresh();
    expect(replay.status).toBe(401);
    expect((replay.body as unknown as ErrorBody).message).toContain('重复使用');
    expect((await c.call<ErrorBody>('GET', '/api/me')).status).toBe(401);
    expect((await c.refresh()).status).toBe(401);
    const events = await api.ds
      .getRepository(SecurityEventEntity)
      .findBy({ kind: 'refresh-token-reused' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ username: 'zlglc.staff' });
  });

  it('signs out on the server: the token and the cookie stop at once', async () => {
    const c = await signedIn();
    const cookie = c.cookies.get('wp_refresh') as string;
    const out = await c.call('POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    expect(c.cookies.has('wp_refresh')).toBe(false);
    const me = await c.call<ErrorBody>('GET', '/api/me');
    expect(me.status).toBe(401);
    expect(me.body.message).toBe('已退出登录，请重新登录');
    const again = api.client();
    again.cookies.set('wp_refresh', cookie);
    expect((await again.refresh()).status).toBe(401);
  });

  it('signs out everywhere: another device’s token stops before it expires', async () => {
    const laptop = await signedIn('bhc.staff');
    const phone = await signedIn('bhc.staff');
    const sessions = await laptop.call<{ id: string; current: boolean }[]>(
      'GET',
      '/api/auth/sessions',
    );
    expect(sessions.body.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.body.length).toBeGreaterThanOrEqual(2);

    const everywhere = await laptop.call<{ revoked: number }>('POST', '/api/auth/logout-all');
    expect(everywhere.body.revoked).toBeGreaterThanOrEqual(2);
    const me = await phone.call<ErrorBody>('GET', '/api/me');
    expect(me.status).toBe(401);
    expect(me.body.message).toBe('您已在所有设备上退出登录，请重新登录');
    expect((await phone.refresh()).status).toBe(401);
    expect((await laptop.call('GET', '/api/me')).status).toBe(401);
  });

  it('ends one device of one’s own, and says “not found” for anyone else’s', async () => {
    const mine = await signedIn('sbppc.staff');
    const other = await signedIn('sbppc.staff');
    const theirs = await signedIn('sbppc.head');
    const list = await mine.call<{ id: string; current: boolean }[]>('GET', '/api/auth/sessions');
    const otherId = list.body.find((s) => !s.current)?.id as string;
    expect((await mine.call('DELETE', `/api/auth/sessions/${otherId}`)).status).toBe(204);
    expect((await other.call('GET', '/api/me')).status).toBe(401);
    const headSessions = await theirs.call<{ id: string }[]>('GET', '/api/auth/sessions');
    const headId = headSessions.body[0]?.id as string;
    expect((await mine.call('DELETE', `/api/auth/sessions/${headId}`)).status).toBe(404);
    expect((await theirs.call('GET', '/api/me')).status).toBe(200);
  });

  it('ends a session unused past the idle time, and one past its absolute end', async () => {
    const idle = await signedIn('ggfwc.staff');
    const sessions = api.ds.getRepository(SessionEntity);
    const [open] = await sessions.find({ order: { createdAt: 'DESC' }, take: 1 });
    await sessions.update({ id: open?.id }, { lastUsedAt: new Date(Date.now() - 31 * 60_000) });
    const me = await idle.call<ErrorBody>('GET', '/api/me');
    expect(me.status).toBe(401);
    expect(me.body.message).toBe('长时间未操作，登录已结束，请重新登录');
    expect((await sessions.findOneBy({ id: open?.id }))?.revokedReason).toBe('idle');

    const old = await signedIn('ggfwc.head');
    const [latest] = await sessions.find({ order: { createdAt: 'DESC' }, take: 1 });
    await sessions.update(
      { id: latest?.id },
      { createdAt: new Date(Date.now() - 12 * 3600_000 - 1000) },
    );
    const refresh = await old.refresh();
    expect(refresh.status).toBe(401);
    expect((refresh.body as unknown as ErrorBody).message).toBe('登录时间已达上限，请重新登录');
  });

  it('does not count a page’s background polling as use (X-Idle-Seconds)', async () => {
    const c = await signedIn('rsc.staff');
    const sessions = api.ds.getRepository(SessionEntity);
    const [latest] = await sessions.find({ order: { createdAt: 'DESC' }, take: 1 });
    const before = new Date(Date.now() - 10 * 60_000);
    await sessions.update({ id: latest?.id }, { lastUsedAt: before });
    // The page says its person has done nothing for 20 minutes: no use recorded.
    await c.call('GET', '/api/me', undefined, { 'x-idle-seconds': '1200' });
    expect((await sessions.findOneBy({ id: latest?.id }))?.lastUsedAt).toEqual(before);
    // 21 minutes on, the page still reports no input: the session was last used 31 minutes ago.
    await sessions.update({ id: latest?.id }, { lastUsedAt: new Date(Date.now() - 31 * 60_000) });
    const late = await c.call<ErrorBody>('GET', '/api/me', undefined, { 'x-idle-seconds': '2460' });
    expect(late.status).toBe(401);
    expect(late.body.message).toBe('长时间未操作，登录已结束，请重新登录');
  });

  it('closes an open inbox stream when the session ends, saying why; a ticket opens one stream', async () => {
    const c = await signedIn('jgdw.staff');
    const ticket = await c.call<{ ticket: string; expiresIn: number }>(
      'POST',
      '/api/auth/tickets',
      {
        purpose: 'inbox-stream',
      },
    );
    expect(ticket.status).toBe(201);
    expect(ticket.body.expiresIn).toBe(30);
    const wrongUse = await c.call<{ ticket: string }>('POST', '/api/auth/tickets', {
      purpose: 'queue-board',
    });
    expect((await fetch(`${api.url}/api/inbox/stream?ticket=${wrongUse.body.ticket}`)).status).toBe(
      401,
    );

    const controller = new AbortController();
    const res = await fetch(`${api.url}/api/inbox/stream?ticket=${ticket.body.ticket}`, {
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) return true;
        text += decoder.decode(value);
      }
      return false;
    };
    await readUntil(/event: unread-count/);
    // The same ticket again: spent.
    expect((await fetch(`${api.url}/api/inbox/stream?ticket=${ticket.body.ticket}`)).status).toBe(
      401,
    );
    // No token in a URL is accepted any more.
    expect((await fetch(`${api.url}/api/inbox/stream?access_token=${c.token}`)).status).toBe(401);

    const started = Date.now();
    await c.call('POST', '/api/auth/logout-all');
    await readUntil(/event: session-ended/);
    expect(text).toContain('您已在所有设备上退出登录');
    const { done } = await reader.read();
    expect(done).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    controller.abort();
  });

  it('ends every session of a deactivated account at once, and keeps it out', async () => {
    const admin = await signedIn('admin');
    const user = await signedIn('tfc.staff');
    const users = await admin.call<{ id: string; username: string }[]>('GET', '/api/users');
    const id = users.body.find((u) => u.username === 'tfc.staff')?.id as string;
    expect((await admin.call('POST', `/api/users/${id}/deactivate`)).status).toBe(200);
    const me = await user.call<ErrorBody>('GET', '/api/me');
    expect(me.status).toBe(401);
    expect(me.body.message).toBe('账号已停用，请联系系统管理员');
    expect((await user.refresh()).status).toBe(401);
    const again = await api.client().login('tfc.staff', api.password);
    expect(again.status).toBe(401);
    expect((again.body as unknown as ErrorBody).message).toBe('账号已停用，请联系系统管理员');
    expect((await admin.call('POST', `/api/users/${id}/reactivate`)).status).toBe(200);
    expect((await api.client().login('tfc.staff', api.password)).status).toBe(200);
  });
});
