import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { NotificationContext } from '@workpoints/contracts';
import { findFreePort, findRedisServer, startRedis, type RunningRedis } from '@workpoints/devstack';
import {
  NotificationEntity,
  PlanEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
  runMigrations,
  seedDemoOrganisation,
} from '@workpoints/persistence';
import { repoRoot } from '@workpoints/temporal';
import { AppProcess, createTestDatabase, type TestDatabase } from '@workpoints/testing';
import type { DataSource } from 'typeorm';

/**
 * `npm run bench` (after the other benches): the notification outbox through the inbox
 * channel, with the built jobs app as a child process on a redis-server of its own.
 *
 * 1. Burst — 1,000 inbox rows (status pending, due now) written in one transaction, as the
 *    worker's recording activity writes a transition's notifications: the time from the insert
 *    until every row is sent, as notifications per second, and each row's lag from its
 *    `created_at` to its inbox item's `created_at`, p50 and p99.
 * 2. Due at one instant — 1,000 rows written ahead with the same `not_before` (what quiet hours
 *    and digests produce, and what 1,000 reminders firing at once would write): the lag from
 *    that instant to each inbox item, p50 and p99.
 *
 * Neither covers the Temporal side (timer → workflow task → recording activity): a real
 * reminder's row is written with `created_at` = the workflow time of its timer, so a real
 * reminder's lag is the recording activity's latency plus the burst's lag measured here.
 * Figures go to stdout (a table) and to test/bench/results/notifications.json; progress to
 * stderr. Nothing is asserted: compare figures across commits on the same machine.
 */

const COUNT = 1000;
const WARMUP = 200;
/** Rows of the second round are written this long before the instant they are all due. */
const DUE_AHEAD_MS = 3000;
const POLL_MS = 20;
const ROUND_TIMEOUT_MS = 2 * 60_000;

const started = performance.now();
const progress = (line: string) =>
  process.stderr.write(
    `[notifications +${((performance.now() - started) / 1000).toFixed(1)}s] ${line}\n`,
  );

interface Percentiles {
  p50: number;
  p99: number;
  min: number;
  max: number;
  n: number;
}

interface Results {
  at: string;
  environment: { cores: number; node: string; redis: string; platform: string };
  burst: {
    rows: number;
    insertMs: number;
    /** From the start of the insert until the poll saw every row sent. */
    drainMs: number;
    perSecond: number;
    /** inbox_items.created_at − notifications.created_at */
    lagMs: Percentiles;
    /**
     * notifications.queued_at − notifications.created_at: waiting for the dispatcher's tick.
     * Rows delivered before the dispatcher marked them queued have no queued_at and are left out.
     */
    dispatchMs: Percentiles;
  };
  dueAtOnce: {
    rows: number;
    /** From the instant they were due until the poll saw every row sent. */
    drainMs: number;
    /** inbox_items.created_at − notifications.not_before */
    lagMs: Percentiles;
  };
}

/** Nearest-rank percentiles, in milliseconds. */
function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return {
    p50: rank(50),
    p99: rank(99),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    n: sorted.length,
  };
}

async function redisVersion(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(findRedisServer(process.env), ['--version']);
    return /v=(\S+)/.exec(stdout)?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

class Bench {
  private points = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly plan: PlanEntity,
    private readonly recipients: UserEntity[],
  ) {}

  /** A point of its own for each round, so each round's rows are told apart by point. */
  private async point(title: string): Promise<WorkPointEntity> {
    this.points += 1;
    return this.ds.getRepository(WorkPointEntity).save({
      planId: this.plan.id,
      number: this.points,
      title,
      position: this.points,
      deadline: `${new Date().getFullYear() + 1}-06-30`,
    });
  }

  /** `count` inbox rows of one point, round robin over the recipients, in one transaction. */
  private async insert(
    point: WorkPointEntity,
    count: number,
    createdAt: Date,
    notBefore: Date,
  ): Promise<void> {
    const context: NotificationContext = {
      kind: 'deadline-reminder',
      pointNumber: point.number,
      pointTitle: point.title,
      planTitle: this.plan.title,
      departmentName: '专利管理处',
      dueDate: point.deadline,
      link: `https://workpoints.example.gov.cn/points/${point.id}`,
      detail: null,
    };
    const rows = Array.from({ length: count }, (_, i) => {
      const user = this.recipients[i % this.recipients.length] as UserEntity;
      return {
        pointId: point.id,
        kind: 'deadline-reminder' as const,
        occasion: `bench-${i}`,
        recipientKey: `user:${user.id}`,
        userId: user.id,
        channel: 'inbox' as const,
        context,
        notBefore,
        createdAt,
      };
    });
    await this.ds.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 500)
        await tx
          .createQueryBuilder()
          .insert()
          .into(NotificationEntity)
          .values(rows.slice(i, i + 500))
          .execute();
    });
  }

  /** Polls until every row of the point is sent; returns when the poll saw it (epoch ms). */
  private async drained(point: WorkPointEntity, count: number): Promise<number> {
    const deadline = Date.now() + ROUND_TIMEOUT_MS;
    for (;;) {
      const [{ sent }] = (await this.ds.query(
        "SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM notifications WHERE point_id = $1",
        [point.id],
      )) as [{ sent: number }];
      if (sent >= count) return Date.now();
      if (Date.now() > deadline)
        throw new Error(
          `only ${sent} of ${count} notifications sent after ${ROUND_TIMEOUT_MS / 1000} s`,
        );
      await sleep(POLL_MS);
    }
  }

  /** Per row, in ms: the inbox item's created_at minus the row's `from` column. */
  private async lags(point: WorkPointEntity, from: string): Promise<number[]> {
    const rows = (await this.ds.query(
      `SELECT extract(epoch FROM i.created_at - n.${from}) * 1000 AS ms
         FROM notifications n JOIN inbox_items i ON i.notification_id = n.id
        WHERE n.point_id = $1`,
      [point.id],
    )) as { ms: string }[];
    return rows.map((r) => Number(r.ms));
  }

  async warmUp(): Promise<void> {
    const point = await this.point('预热');
    const now = new Date();
    await this.insert(point, WARMUP, now, now);
    await this.drained(point, WARMUP);
  }

  async burst(): Promise<Results['burst']> {
    const point = await this.point('推进知识产权强市建设');
    const now = new Date();
    await this.insert(point, COUNT, now, now);
    const insertMs = Date.now() - now.getTime();
    const drainMs = (await this.drained(point, COUNT)) - now.getTime();
    const dispatch = (await this.ds.query(
      `SELECT extract(epoch FROM queued_at - created_at) * 1000 AS ms
         FROM notifications WHERE point_id = $1 AND queued_at IS NOT NULL`,
      [point.id],
    )) as { ms: string }[];
    return {
      rows: COUNT,
      insertMs,
      drainMs,
      perSecond: COUNT / (drainMs / 1000),
      lagMs: percentiles(await this.lags(point, 'created_at')),
      dispatchMs: percentiles(dispatch.map((r) => Number(r.ms))),
    };
  }

  async dueAtOnce(): Promise<Results['dueAtOnce']> {
    const point = await this.point('开展知识产权保护专项行动');
    const writtenAt = new Date();
    const due = new Date(writtenAt.getTime() + DUE_AHEAD_MS);
    await this.insert(point, COUNT, writtenAt, due);
    const drainedAt = await this.drained(point, COUNT);
    return {
      rows: COUNT,
      drainMs: drainedAt - due.getTime(),
      lagMs: percentiles(await this.lags(point, 'not_before')),
    };
  }
}

const line = (label: string, value: string) => `${`${label} `.padEnd(46, '.')} ${value}`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (x: number) => `${Math.round(x)} ms`;

function table(r: Results): string {
  const { burst: b, dueAtOnce: d } = r;
  return [
    `workpoints notifications (${r.environment.cores} cores, node ${r.environment.node}, Redis ${r.environment.redis}, jobs app as a child process)`,
    line(
      `inbox burst, ${b.rows} rows in one transaction`,
      `${s(b.drainMs)} from insert to all sent (${Math.round(b.perSecond)} notifications/s; insert ${ms(b.insertMs)})`,
    ),
    line(
      '  lag row created → inbox item',
      `p50 ${ms(b.lagMs.p50)}  p99 ${ms(b.lagMs.p99)}  (n=${b.lagMs.n}; waiting for the dispatcher p50 ${ms(b.dispatchMs.p50)})`,
    ),
    line(
      `inbox, ${d.rows} rows due at one instant`,
      `${s(d.drainMs)} from the instant to all sent`,
    ),
    line(
      '  lag due instant → inbox item',
      `p50 ${ms(d.lagMs.p50)}  p99 ${ms(d.lagMs.p99)}  (n=${d.lagMs.n})`,
    ),
    '  (lags start at the outbox row: a reminder timer firing → its row committed is not included)',
  ].join('\n');
}

async function measure(): Promise<Results> {
  const cleanups: (() => Promise<unknown>)[] = [];
  let interruptedOnce = false;
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  const interrupted = () => {
    if (interruptedOnce) return;
    interruptedOnce = true;
    progress('interrupted: stopping the jobs app and Redis, dropping the database');
    void cleanUp().finally(() => process.exit(130));
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    progress('creating a migrated, seeded database');
    const db: TestDatabase = await createTestDatabase('wp_bench_notify');
    cleanups.push(() => db.drop());
    await runMigrations(db.url);
    const ds = await createDataSource(db.url).initialize();
    cleanups.push(() => ds.destroy());
    await seedDemoOrganisation(ds, { password: randomBytes(9).toString('hex') });
    const users = await ds.getRepository(UserEntity).find();
    const coordinator = users.find((u) => u.username === 'coordinator');
    if (!coordinator) throw new Error('the demo organisation has no coordinator');
    const plan = await ds.getRepository(PlanEntity).save({
      title: `${new Date().getFullYear()}年市知识产权局工作要点`,
      year: new Date().getFullYear(),
      status: 'published',
      createdById: coordinator.id,
      publishedAt: new Date(),
    });

    const dataDir = mkdtempSync(join(tmpdir(), 'wp-bench-redis-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const redis: RunningRedis = await startRedis({
      port: await findFreePort(),
      dataDir,
      log: (l) => progress(`redis: ${l}`),
    });
    cleanups.push(() => redis.stop());
    progress(`redis-server on ${redis.url} (append-only file, as the dev stack runs it)`);

    const jobs = new AppProcess('jobs', {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `wp-bench-${randomBytes(3).toString('hex')}`,
      JWT_SECRET: randomBytes(24).toString('hex'),
      PUBLIC_URL: 'https://workpoints.example.gov.cn',
    });
    cleanups.push(() => jobs.stop());
    await jobs.start();
    progress('jobs app ready');

    const recipients = users.filter((u) => /\.(staff|head)$/.test(u.username));
    const bench = new Bench(ds, plan, recipients);
    progress(`warm-up: ${WARMUP} inbox rows`);
    await bench.warmUp();
    progress(`burst: ${COUNT} inbox rows to ${recipients.length} users`);
    const burst = await bench.burst();
    progress(`due at one instant: ${COUNT} rows, due ${DUE_AHEAD_MS} ms after they are written`);
    const dueAtOnce = await bench.dueAtOnce();

    const results: Results = {
      at: new Date().toISOString(),
      environment: {
        cores: availableParallelism(),
        node: process.version,
        redis: await redisVersion(),
        platform: `${process.platform}-${process.arch}`,
      },
      burst,
      dueAtOnce,
    };
    const out = join(repoRoot(), 'test/bench/results/notifications.json');
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    progress(`figures written to ${out}`);
    return results;
  } finally {
    progress('stopping the jobs app and Redis, dropping the database');
    await cleanUp();
  }
}

measure().then(
  (results) => {
    process.stdout.write(`${table(results)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
