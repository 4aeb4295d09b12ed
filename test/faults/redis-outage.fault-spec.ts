import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  JobsProcess,
  ScratchRedis,
  createPoint,
  expectDeliveredOnce,
  failureReport,
  inboxOutcome,
  insertNotifications,
  jobsEnv,
  secondsSince,
  seedOutbox,
  waitFor,
  waitForSettled,
  type OutboxFixture,
} from './support';

const COUNT = 2_000;
const OUTAGE_MS = 30_000;

/**
 * Redis goes away in the middle of a burst and comes back empty (no RDB, no AOF): queued jobs,
 * the dispatcher's schedule and every lock are gone. The outbox in PostgreSQL is the truth, so
 * every notification must still reach its inbox exactly once, and the jobs process must ride
 * it out (BullMQ reconnects) rather than need a restart.
 */
describe('notification outbox: Redis restarts without its data mid-delivery', () => {
  let fx: OutboxFixture | undefined;
  let redis: ScratchRedis | undefined;
  let jobs: JobsProcess | undefined;

  beforeAll(async () => {
    fx = await seedOutbox('wp_faults_redis');
    redis = await ScratchRedis.start();
    jobs = new JobsProcess(jobsEnv(fx.db.url, redis.url));
    await jobs.start();
  });

  afterAll(async () => {
    await jobs?.stop();
    await redis?.dispose();
    await fx?.dispose();
  });

  it(`delivers each of ${COUNT} inbox notifications exactly once across a ${OUTAGE_MS / 1000} s outage`, async () => {
    if (!fx || !redis || !jobs) throw new Error('setup failed');
    const { ds } = fx;
    const point = await createPoint(fx, 1, '开展知识产权保护专项行动');
    const recipients = [...fx.users.values()].filter((u) => /\.(staff|head)$/.test(u.username));

    try {
      const inserted = performance.now();
      await insertNotifications(fx, point, {
        channel: 'inbox',
        recipients,
        count: COUNT,
        occasion: 'redis-outage',
      });
      await waitFor(
        'a tenth of the burst to be delivered',
        async () => {
          const o = await inboxOutcome(ds, point.id);
          return (o.byStatus.sent ?? 0) >= COUNT / 10 ? o : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 20 },
      );
      const keysBefore = await redis.keyCount();
      await redis.stop();
      const down = performance.now();
      const atStop = await inboxOutcome(ds, point.id);
      await sleep(OUTAGE_MS);
      const beforeRestart = await inboxOutcome(ds, point.id);
      await redis.start();
      const up = performance.now();
      const keysAfter = await redis.keyCount();

      const outcome = await waitForSettled(ds, point.id, 150_000);
      console.log(
        [
          `Redis outage, ${COUNT} inbox notifications to ${recipients.length} users:`,
          `  Redis stopped ${((down - inserted) / 1000).toFixed(1)} s after the insert, with ${atStop.byStatus.sent ?? 0} sent`,
          `  (${atStop.byStatus.queued ?? 0} queued, ${atStop.byStatus.pending ?? 0} pending)`,
          `  Redis held ${keysBefore} keys before the stop and ${keysAfter} right after the restart`,
          `  during the ${OUTAGE_MS / 1000} s outage: ${(beforeRestart.byStatus.sent ?? 0) - (atStop.byStatus.sent ?? 0)} more sent (jobs already taken)`,
          `  all settled ${secondsSince(up)} after Redis came back (${secondsSince(inserted)} after the insert)`,
          `  jobs process: ${jobs.alive ? 'survived' : 'exited'}, started ${jobs.startCount} time(s)`,
        ].join('\n'),
      );
      // The premise: Redis came back without the queued jobs and the dispatcher's schedule.
      expect(keysAfter).toBeLessThan(keysBefore);
      expectDeliveredOnce(outcome, COUNT);
      expect(jobs.exit()).toBeUndefined();
      expect(jobs.startCount).toBe(1);
      jobs.removeLog();
    } catch (error) {
      console.log(await failureReport(jobs, redis));
      throw error;
    }
  });
});
