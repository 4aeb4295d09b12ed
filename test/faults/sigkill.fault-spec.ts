import { performance } from 'node:perf_hooks';
import { QueueName } from '@workpoints/contracts';
import {
  JobsProcess,
  ScratchRedis,
  createPoint,
  expectDeliveredOnce,
  failureReport,
  inboxOutcome,
  insertNotifications,
  jobsEnv,
  queueCounts,
  secondsSince,
  seedOutbox,
  waitFor,
  waitForSettled,
  type OutboxFixture,
} from './support';

const COUNT = 2_000;

/**
 * The jobs process dies with SIGKILL in the middle of a burst: no shutdown hook, transactions
 * cut off, active jobs left holding their locks in Redis. Started again, it must deliver every
 * notification exactly once: a delivery whose transaction never committed is done again, one
 * that committed is not repeated.
 */
describe('notification outbox: the jobs process is killed mid-delivery', () => {
  let fx: OutboxFixture | undefined;
  let redis: ScratchRedis | undefined;
  let jobs: JobsProcess | undefined;

  beforeAll(async () => {
    fx = await seedOutbox('wp_faults_kill');
    redis = await ScratchRedis.start();
    jobs = new JobsProcess(jobsEnv(fx.db.url, redis.url));
    await jobs.start();
  });

  afterAll(async () => {
    await jobs?.stop();
    await redis?.dispose();
    await fx?.dispose();
  });

  it(`delivers each of ${COUNT} inbox notifications exactly once after a SIGKILL and a restart`, async () => {
    if (!fx || !redis || !jobs) throw new Error('setup failed');
    const { ds } = fx;
    const point = await createPoint(fx, 2, '深化专利导航服务');
    const recipients = [...fx.users.values()].filter((u) => /\.(staff|head)$/.test(u.username));

    try {
      const inserted = performance.now();
      await insertNotifications(fx, point, {
        channel: 'inbox',
        recipients,
        count: COUNT,
        occasion: 'sigkill',
      });
      await waitFor(
        'a fifth of the burst to be delivered',
        async () => {
          const o = await inboxOutcome(ds, point.id);
          return (o.byStatus.sent ?? 0) >= COUNT / 5 ? o : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 20 },
      );
      const pid = jobs.pid;
      await jobs.kill();
      const killed = performance.now();
      const atKill = await inboxOutcome(ds, point.id);
      const inRedis = await queueCounts(redis.url, jobs.queuePrefix, QueueName.NotifyInbox);
      expect(jobs.exit()).toMatchObject({ signal: 'SIGKILL' });

      await jobs.start();
      const restarted = performance.now();
      // Everything but the jobs the dead process held goes quickly; those wait for stalled-job recovery.
      await waitFor(
        'all but the stalled jobs to be delivered',
        async () => {
          const o = await inboxOutcome(ds, point.id);
          return (o.byStatus.sent ?? 0) >= COUNT - (inRedis.active ?? 0) ? o : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 100 },
      );
      const allButStalled = performance.now();
      const outcome = await waitForSettled(ds, point.id, 150_000);
      console.log(
        [
          `SIGKILL, ${COUNT} inbox notifications to ${recipients.length} users:`,
          `  jobs (pid ${pid}) killed ${((killed - inserted) / 1000).toFixed(1)} s after the insert, with ${atKill.byStatus.sent ?? 0} sent`,
          `  left in Redis: ${inRedis.active} active (locked by the dead process), ${inRedis.waiting} waiting`,
          `  restarted in ${((restarted - killed) / 1000).toFixed(1)} s; all but those ${inRedis.active} sent ${((allButStalled - restarted) / 1000).toFixed(1)} s after the restart,`,
          `  all settled ${secondsSince(restarted)} after the restart`,
          `  (the jobs the dead process held come back once their 30 s lock has expired and BullMQ's stalled-job check, every 30 s, has seen them twice)`,
        ].join('\n'),
      );
      expectDeliveredOnce(outcome, COUNT);
      expect(jobs.alive).toBe(true);
      jobs.removeLog();
    } catch (error) {
      console.log(await failureReport(jobs, redis));
      throw error;
    }
  });
});
