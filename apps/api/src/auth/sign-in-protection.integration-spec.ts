import { NotificationEntity, SecurityEventEntity, UserEntity } from '@workpoints/persistence';
import { startApi, type ApiHarness } from '../testing/api-harness';
import { PasswordHasher } from './password-hasher.service';

interface ErrorBody {
  code: string;
  message: string;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

describe('sign-in protection', () => {
  let api: ApiHarness;
  const login = (username: string, password: string, origin?: string) =>
    fetch(`${origin ?? api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as ErrorBody, res }));
  const user = (username: string) => api.ds.getRepository(UserEntity).findOneByOrFail({ username });

  beforeAll(async () => {
    // Generous address limits: this file signs in many times from 127.0.0.1.
    api = await startApi({ SIGNIN_LIMIT_PER_ADDRESS: '1000', SIGNIN_LIMIT_PER_USERNAME: '100' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('locks an account at the fifth wrong password, tells the person and the admins', async () => {
    for (let i = 1; i <= 4; i++) {
      const res = await login('bgs.staff', `wrong-password-${i}`);
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('用户名或密码错误');
    }
    const fifth = await login('bgs.staff', 'wrong-password-5');
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.body.message).toMatch(
      /^连续登录失败次数过多，账号已锁定至 \d{4}年\d+月\d+日 \d\d:\d\d/,
    );
    // Locked: even the right password is refused until the lock ends or an admin lifts it.
    const right = await login('bgs.staff', api.password);
    expect(right.status).toBe(423);

    const locked = await user('bgs.staff');
    expect(locked.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(locked.lockedUntil?.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000);

    const notices = await api.ds
      .getRepository(NotificationEntity)
      .findBy({ kind: 'account-locked' });
    const admin = await user('admin');
    expect(notices.map((n) => n.userId).sort()).toEqual([admin.id, locked.id].sort());
    expect(notices.every((n) => n.channel === 'inbox' && n.urgent)).toBe(true);
    expect(notices[0]?.context.pointTitle).toBe('陈晓燕（bgs.staff）');

    const events = await api.ds
      .getRepository(SecurityEventEntity)
      .find({ where: { username: 'bgs.staff' }, order: { id: 'ASC' } });
    expect(events.map((e) => e.kind)).toEqual([
      'sign-in-failed',
      'sign-in-failed',
      'sign-in-failed',
      'sign-in-failed',
      'sign-in-failed',
      'locked-out',
      'sign-in-failed',
    ]);
    expect(events.every((e) => e.ip && e.path === '/api/auth/login')).toBe(true);

    // The admin sees it and lifts it.
    const adminClient = api.client();
    await adminClient.login('admin', api.password);
    const list = await adminClient.call<{ username: string; lockedUntil: string | null }[]>(
      'GET',
      '/api/users',
    );
    expect(list.body.find((u) => u.username === 'bgs.staff')?.lockedUntil).toBe(
      locked.lockedUntil?.toISOString(),
    );
    expect((await adminClient.call('POST', `/api/users/${locked.id}/unlock`)).status).toBe(200);
    expect((await login('bgs.staff', api.password)).status).toBe(200);
  });

  it('locks each further time in a row for twice as long', async () => {
    const account = await user('tfc.head');
    await api.ds.getRepository(UserEntity).update({ id: account.id }, { lockouts: 1 });
    for (let i = 0; i < 5; i++) await login('tfc.head', 'not-the-password');
    const locked = await user('tfc.head');
    expect(locked.lockouts).toBe(2);
    const minutes = ((locked.lockedUntil?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
  });

  it('checks a dummy hash for an unknown name, and answers it as a real account', async () => {
    const hasher = api.app.get(PasswordHasher);
    const before = hasher.computations;
    const res = await login('nobody-here', 'some-password-1');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('用户名或密码错误');
    expect(hasher.computations).toBe(before + 1);
    for (let i = 2; i <= 4; i++) await login('nobody-here', `some-password-${i}`);
    const fifth = await login('nobody-here', 'some-password-5');
    expect(fifth.status).toBe(423);
    expect(fifth.body.message).toMatch(/^连续登录失败次数过多，账号已锁定至/);
  });

  it('takes as long for an unknown name as for a wrong password', async () => {
    const rounds = 15;
    const unknown: number[] = [];
    const wrong: number[] = [];
    const time = async (username: string) => {
      const started = performance.now();
      await login(username, 'timing-password-x');
      return performance.now() - started;
    };
    await time('zlglc.head');
    const known = ['zlglc.head', 'sbppc.head', 'yycjc.head'];
    for (let i = 0; i < rounds; i++) {
      unknown.push(await time(`ghost-${i}`));
      wrong.push(await time(known[i % known.length] as string));
      // Keep the known accounts below the lock-out.
      await api.ds
        .getRepository(UserEntity)
        .createQueryBuilder()
        .update()
        .set({ failedSignIns: 0 })
        .where('username IN (:...known)', { known })
        .execute();
    }
    const ratio = median(unknown) / median(wrong);
    console.log(
      `sign-in timing (median of ${rounds}): unknown user ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    // Before the dummy hash an unknown name answered in about 4% of the time.
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });

  it('refuses 503 with a reason when too many hashes wait, instead of stalling', async () => {
    const busy = await startApi({
      PASSWORD_HASH_CONCURRENCY: '1',
      PASSWORD_HASH_QUEUE: '2',
      SIGNIN_LIMIT_PER_ADDRESS: '1000',
      SIGNIN_LIMIT_PER_USERNAME: '1000',
    });
    try {
      const burst = await Promise.all(
        Array.from({ length: 12 }, (_, i) => login(`burst-${i}`, 'burst-password-1', busy.url)),
      );
      const statuses = burst.map((r) => r.status);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(2);
      const refused = burst.find((r) => r.status === 503);
      expect(refused?.body).toMatchObject({
        code: 'OVERLOADED',
        message: '登录请求过多，服务器正忙，请稍后再试',
      });
    } finally {
      await busy.stop();
    }
  });
});

describe('sign-in throttling across API processes', () => {
  let api: ApiHarness;
  let second: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    api = await startApi({ SIGNIN_LIMIT_PER_ADDRESS: '8', SIGNIN_LIMIT_PER_USERNAME: '3' });
    second = await api.another();
  });
  afterAll(async () => {
    await api?.stop();
  });

  const attempt = (origin: string, username: string) =>
    fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'a-wrong-password' }),
    }).then(async (res) => ({
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as ErrorBody,
    }));

  it('counts attempts for one user name in Redis, whichever process answers', async () => {
    const first = [
      await attempt(api.url, 'yycjc.staff'),
      await attempt(second.url, 'yycjc.staff'),
      await attempt(api.url, 'yycjc.staff'),
    ];
    expect(first.map((r) => r.status)).toEqual([401, 401, 401]);
    const fourth = await attempt(second.url, 'yycjc.staff');
    expect(fourth.status).toBe(429);
    expect(fourth.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(fourth.body.message).toMatch(/^此账号登录尝试过于频繁，请 \d+ 秒后再试$/);
    expect(Number(fourth.retryAfter)).toBeGreaterThan(0);
    // Throttled before any check: the failures stop counting toward the lock-out.
    expect(
      (await api.ds.getRepository(UserEntity).findOneByOrFail({ username: 'yycjc.staff' }))
        .failedSignIns,
    ).toBe(3);
    const events = await api.ds.getRepository(SecurityEventEntity).findBy({ status: 429 });
    expect(events[0]).toMatchObject({ kind: 'sign-in-failed', reason: '同一账号尝试过于频繁' });
  });

  it('counts attempts from one address over every user name', async () => {
    const names = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const results = [];
    for (const [i, name] of names.entries())
      results.push(await attempt(i % 2 ? second.url : api.url, `addr-${name}`));
    // 4 attempts above already came from this address: 8 allowed in the minute.
    expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401, 429]);
    expect(results[4]?.body.message).toMatch(/^此地址登录尝试过于频繁/);
  });
});
