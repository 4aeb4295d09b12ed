import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { renderNotification } from '@workpoints/domain';
import { NotificationEntity, type UserEntity } from '@workpoints/persistence';
import {
  JobsProcess,
  ScratchRedis,
  SmtpSink,
  adminRetry,
  createPoint,
  insertNotifications,
  jobsEnv,
  seedOutbox,
  waitFor,
  type OutboxFixture,
} from './support';

const BACKOFF_MS = 100;
/** channelJobOptions in apps/jobs: six attempts for email. */
const ATTEMPTS = 6;

/**
 * A mail server that refuses: a temporary 451 is retried with exponential backoff until the
 * attempts run out and the row is dead with the server's answer; an admin's retry, once the
 * server accepts again, sends the mail exactly once. A permanent 550 is dead at once.
 */
describe('notification outbox: the mail server refuses', () => {
  let fx: OutboxFixture | undefined;
  let redis: ScratchRedis | undefined;
  let smtp: SmtpSink | undefined;
  let jobs: JobsProcess | undefined;
  let greylisted: UserEntity;
  let unknown: UserEntity;
  /** Tests that passed: the jobs log is kept unless both did. */
  let passed = 0;

  const row = async (id: string) =>
    (await fx?.ds.getRepository(NotificationEntity).findOneByOrFail({ id })) as NotificationEntity;

  beforeAll(async () => {
    fx = await seedOutbox('wp_faults_smtp');
    const staff = fx.users.get('bgs.staff');
    const other = fx.users.get('tfc.staff');
    if (!staff || !other) throw new Error('demo staff accounts are missing');
    greylisted = { ...staff, email: 'chenxiaoyan@example.gov.cn' };
    unknown = { ...other, email: 'nobody@example.gov.cn' };
    await fx.ds.query('UPDATE users SET email = $2 WHERE id = $1', [staff.id, greylisted.email]);
    await fx.ds.query('UPDATE users SET email = $2 WHERE id = $1', [other.id, unknown.email]);

    smtp = await SmtpSink.start();
    redis = await ScratchRedis.start();
    const env = jobsEnv(fx.db.url, redis.url, {
      SMTP_URL: smtp.url,
      SMTP_FROM: '"市知识产权局督办系统" <duban@example.gov.cn>',
      NOTIFY_BACKOFF_MS: String(BACKOFF_MS),
    });
    jobs = new JobsProcess(env);
    await jobs.start();
  });

  afterAll(async () => {
    await jobs?.stop();
    if (passed === 2) jobs?.removeLog();
    await redis?.dispose();
    await smtp?.close();
    await fx?.dispose();
  });

  afterEach(() => {
    if (smtp) smtp.answer = () => 'accept';
  });

  it(`retries a 451 ${ATTEMPTS} times, ends dead, and an admin's retry delivers it once`, async () => {
    if (!fx || !smtp || !redis || !jobs) throw new Error('setup failed');
    smtp.answer = () => ({ code: 451, text: 'Greylisted, please try again later' });
    const point = await createPoint(fx, 3, '推进知识产权纠纷快速处理');

    const inserted = performance.now();
    const [id] = await insertNotifications(fx, point, {
      channel: 'email',
      recipients: [greylisted],
      count: 1,
      occasion: 'smtp-451',
    });
    if (!id) throw new Error('no notification inserted');
    // Every change of the attempts counter, with when it was seen.
    const seen: { attempts: number; ms: number }[] = [];
    const dead = await waitFor(
      'the greylisted email to be dead',
      async () => {
        const r = await row(id);
        if (r.attempts !== seen.at(-1)?.attempts)
          seen.push({ attempts: r.attempts, ms: Math.round(performance.now() - inserted) });
        return r.status === 'dead' ? r : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 10 },
    );
    console.log(
      [
        `SMTP 451, NOTIFY_BACKOFF_MS=${BACKOFF_MS}:`,
        `  attempts counted at ${seen.map((s) => `${s.attempts}@${s.ms} ms`).join(', ')} after the insert`,
        `  dead after ${dead.attempts} attempts: ${dead.lastError}`,
      ].join('\n'),
    );
    const counts = seen.map((s) => s.attempts);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(ATTEMPTS);
    expect(counts.length).toBeGreaterThan(2);
    expect(dead).toMatchObject({ status: 'dead', attempts: ATTEMPTS, sentAt: null });
    expect(dead.lastError).toContain('451');
    expect(smtp.rcpts.filter((r) => r.address === greylisted.email)).toEqual(
      Array.from({ length: ATTEMPTS }, () => ({ address: greylisted.email, code: 451 })),
    );
    expect(smtp.received).toHaveLength(0);

    smtp.answer = () => 'accept';
    const retried = performance.now();
    await adminRetry(fx.ds, redis.url, jobs.queuePrefix, dead);
    const sent = await waitFor(
      'the retried email to be sent',
      async () => {
        const r = await row(id);
        return r.status === 'sent' ? r : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 50 },
    );
    const sentAfter = performance.now() - retried;
    // Long enough for a second copy to show up, were one on its way.
    await sleep(3_000);
    console.log(
      `  admin retry: sent ${Math.round(sentAfter)} ms later, ${smtp.received.length} mail received`,
    );

    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smtp.received).toHaveLength(1);
    const [{ to, mail }] = smtp.received as [(typeof smtp.received)[number]];
    const expected = renderNotification(dead.context);
    expect(to).toEqual([greylisted.email]);
    expect(mail.subject).toBe(expected.title);
    expect(mail.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(mail.subject).toContain(point.title);
    expect(mail.text).toContain(point.title);
    expect(mail.messageId).toContain(id);
    expect(mail.from?.value).toEqual([
      { address: 'duban@example.gov.cn', name: '市知识产权局督办系统' },
    ]);
    passed += 1;
  });

  it('gives up on a 550 at the first attempt', async () => {
    if (!fx || !smtp) throw new Error('setup failed');
    smtp.answer = (address) =>
      address === unknown.email ? { code: 550, text: 'No such user here' } : 'accept';
    const point = await createPoint(fx, 4, '加强商标品牌培育');
    const before = smtp.received.length;

    const inserted = performance.now();
    const [id] = await insertNotifications(fx, point, {
      channel: 'email',
      recipients: [unknown],
      count: 1,
      occasion: 'smtp-550',
    });
    if (!id) throw new Error('no notification inserted');
    const dead = await waitFor(
      'the refused email to be dead',
      async () => {
        const r = await row(id);
        return r.status === 'dead' ? r : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    console.log(
      `SMTP 550: dead ${Math.round(performance.now() - inserted)} ms after the insert, after ${dead.attempts} attempt: ${dead.lastError}`,
    );
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    expect(dead.lastError).toContain('550');
    expect(smtp.rcpts.filter((r) => r.address === unknown.email)).toEqual([
      { address: unknown.email, code: 550 },
    ]);
    expect(smtp.received).toHaveLength(before);
    passed += 1;
  });
});
