import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import {
  NOTIFICATION_QUEUES,
  QueueName,
  notificationJobId,
  type Channel,
  type DeliveryStatus,
  type NotificationContext,
} from '@workpoints/contracts';
import {
  describeExit,
  findFreePort,
  findRedisServer,
  formatRecentOutput,
  startProcess,
  waitForPort,
  type ManagedProcess,
  type ProcessExit,
} from '@workpoints/devstack';
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
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

/** Seconds since `start` (a `performance.now()`), for the figures each test prints. */
export const secondsSince = (start: number): string =>
  `${((performance.now() - start) / 1000).toFixed(1)} s`;

/** Polls `probe` until it returns something other than undefined; the message says what was awaited. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * A redis-server of our own on a free port, without persistence (`--save "" --appendonly no`):
 * stopping it loses every key, as a production Redis restarted without RDB or AOF does. The
 * shared Redis on 6379 is never touched.
 */
export class ScratchRedis {
  private process: ManagedProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'wp-faults-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<ScratchRedis> {
    const redis = new ScratchRedis(await findFreePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.process !== null;
  }

  /** Starts it (again) on the same port and waits until it accepts connections. */
  async start(): Promise<void> {
    if (this.process) return;
    // prettier-ignore
    const args = [
      '--port', String(this.port),
      '--bind', '127.0.0.1',
      '--dir', this.dir,
      '--save', '',
      '--appendonly', 'no',
      '--maxmemory-policy', 'noeviction',
      '--daemonize', 'no',
      '--loglevel', 'warning',
    ];
    const child = startProcess({
      name: 'redis',
      command: findRedisServer(process.env),
      args,
      env: process.env,
      quietOnStop: true,
    });
    this.process = child;
    try {
      await waitForPort(this.port, {
        timeoutMs: 20_000,
        giveUp: () => (child.exit() ? 'redis-server exited' : undefined),
      });
    } catch (error) {
      this.process = null;
      await child.stop();
      throw new Error(
        `redis-server did not start on ${this.port}: ${(error as Error).message}\n${formatRecentOutput(child.recentOutput())}`,
        { cause: error },
      );
    }
  }

  /** How many keys it holds (DBSIZE). */
  async keyCount(): Promise<number> {
    const client = new Redis(this.url, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await client.connect();
      return await client.dbsize();
    } finally {
      client.disconnect();
    }
  }

  /** SIGTERM: with no save points configured Redis exits without writing anything. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    await child?.stop();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The built jobs app (dist/apps/jobs/src/main.js) as a child process, the way production runs
 * it. Unlike `AppProcess` it tells whether the process is still alive, and `kill()` is a crash.
 */
export class JobsProcess {
  private process: ManagedProcess | null = null;
  private starts = 0;
  /** Everything the process printed, over all its starts (ANSI colours stripped). */
  readonly logFile = join(tmpdir(), `wp-faults-jobs-${randomBytes(4).toString('hex')}.log`);

  constructor(private readonly env: Record<string, string>) {}

  /** Its QUEUE_PREFIX, to look at its queues. */
  get queuePrefix(): string {
    return this.env['QUEUE_PREFIX'] ?? 'workpoints';
  }

  /** How many times it was started. */
  get startCount(): number {
    return this.starts;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** The exit of the current process, or undefined while it runs. */
  exit(): ProcessExit | undefined {
    return this.process?.exit();
  }

  get alive(): boolean {
    return this.process !== null && this.process.exit() === undefined;
  }

  recentOutput(): string {
    return formatRecentOutput(this.process?.recentOutput() ?? [], 80);
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const entry = join(repoRoot(), 'dist/apps/jobs/src/main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
    let ready: () => void = () => undefined;
    const readyLine = new Promise<void>((resolve) => (ready = resolve));
    const child = startProcess({
      name: 'jobs',
      command: process.execPath,
      args: [entry],
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'log',
        ...this.env,
      },
      keepLines: 400,
      onLine: (line) => {
        // eslint-disable-next-line no-control-regex
        appendFileSync(this.logFile, `${line.replace(/\x1b\[[0-9;]*m/g, '')}\n`);
        if (/jobs ready/.test(line)) ready();
      },
    });
    this.process = child;
    this.starts += 1;
    appendFileSync(this.logFile, `--- start ${this.starts} (pid ${child.pid ?? '?'})\n`);
    let timer: NodeJS.Timeout | undefined;
    const failed = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`jobs not ready after ${timeoutMs} ms`)),
        timeoutMs,
      );
      void child.exited.then((exit) =>
        reject(new Error(`jobs exited (${exit.code ?? exit.signal}) before it was ready`)),
      );
    });
    try {
      await Promise.race([readyLine, failed]);
    } catch (error) {
      await child.stop();
      throw new Error(`${(error as Error).message}:\n${this.recentOutput()}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGKILL: no shutdown hook runs, active jobs keep their locks until they expire. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child?.pid || child.exit()) return;
    process.kill(child.pid, 'SIGKILL');
    await child.exited;
  }

  /** Deletes the log file: a test that passed has no use for it. */
  removeLog(): void {
    rmSync(this.logFile, { force: true });
  }

  /** SIGTERM, the clean drain. */
  async stop(): Promise<void> {
    await this.process?.stop();
  }
}

/** What to print when a fault test fails: the jobs process's state and output, and its queues. */
export async function failureReport(jobs: JobsProcess, redis: ScratchRedis): Promise<string> {
  const exit = jobs.exit();
  const lines = [
    `jobs process ${exit ? describeExit(exit) : 'running'}; its output (all of it in ${jobs.logFile}):`,
    jobs.recentOutput(),
  ];
  if (redis.running)
    for (const name of [QueueName.NotifyDispatch, QueueName.NotifyInbox, QueueName.NotifyEmail])
      lines.push(
        `${name}: ${await queueCounts(redis.url, jobs.queuePrefix, name).then(
          (counts) => JSON.stringify(counts),
          (error: Error) => error.message,
        )}`,
      );
  else lines.push('(Redis is stopped)');
  return lines.join('\n');
}

/** Environment of a jobs process on `redisUrl` and `databaseUrl`, with its own queue prefix. */
export function jobsEnv(
  databaseUrl: string,
  redisUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `wp-faults-${randomBytes(3).toString('hex')}`,
    JWT_SECRET: randomBytes(24).toString('hex'),
    PUBLIC_URL: 'https://workpoints.example.gov.cn',
    ...extra,
  };
}

/** Job counts of one queue, read with a BullMQ Queue of our own (for the figures and diagnostics). */
export async function queueCounts(
  redisUrl: string,
  prefix: string,
  name: string,
): Promise<Record<string, number>> {
  const { port, hostname } = new URL(redisUrl);
  const queue = new Queue(name, {
    connection: { host: hostname, port: Number(port), maxRetriesPerRequest: 1 },
    prefix,
  });
  try {
    return await queue.getJobCounts();
  } finally {
    await queue.close();
  }
}

/**
 * An admin's retry of a dead notification, as `POST /api/admin/notifications/:id/retry` does
 * it (NotificationsService.retry): the failed BullMQ job is removed, if one was kept (the
 * dispatcher reuses the row's job id, which BullMQ ignores while the old job exists), then the
 * row is pending again with no attempts, due now.
 */
export async function adminRetry(
  ds: DataSource,
  redisUrl: string,
  prefix: string,
  row: NotificationEntity,
): Promise<void> {
  const { port, hostname } = new URL(redisUrl);
  const queue = new Queue(NOTIFICATION_QUEUES[row.channel], {
    connection: { host: hostname, port: Number(port), maxRetriesPerRequest: 1 },
    prefix,
  });
  try {
    await queue.remove(notificationJobId(row.id));
  } finally {
    await queue.close();
  }
  await ds
    .getRepository(NotificationEntity)
    .update(
      { id: row.id, status: 'dead' },
      { status: 'pending', attempts: 0, notBefore: new Date(), queuedAt: null, sentAt: null },
    );
}

/** A migrated, seeded test database with one published plan, and a DataSource on it. */
export interface OutboxFixture {
  db: TestDatabase;
  ds: DataSource;
  plan: PlanEntity;
  /** The demo accounts of the divisions, heads and staff, by username. */
  users: Map<string, UserEntity>;
  dispose(): Promise<void>;
}

export async function seedOutbox(prefix: string): Promise<OutboxFixture> {
  const db = await createTestDatabase(prefix);
  try {
    await runMigrations(db.url);
    const ds = await createDataSource(db.url).initialize();
    await seedDemoOrganisation(ds, { password: `faults-${randomBytes(6).toString('hex')}` });
    const all = await ds.getRepository(UserEntity).find();
    const coordinator = all.find((u) => u.username === 'coordinator');
    if (!coordinator) throw new Error('the demo organisation has no coordinator');
    const plan = await ds.getRepository(PlanEntity).save({
      title: `${new Date().getFullYear()}年市知识产权局工作要点`,
      year: new Date().getFullYear(),
      status: 'published',
      createdById: coordinator.id,
      publishedAt: new Date(),
    });
    return {
      db,
      ds,
      plan,
      users: new Map(all.map((u) => [u.username, u])),
      async dispose() {
        await ds.destroy().catch(() => undefined);
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/** A point of the fixture's plan: each test's notifications hang off their own point. */
export async function createPoint(
  fx: OutboxFixture,
  number: number,
  title: string,
): Promise<WorkPointEntity> {
  return fx.ds.getRepository(WorkPointEntity).save({
    planId: fx.plan.id,
    number,
    title,
    position: number,
    deadline: `${new Date().getFullYear() + 1}-06-30`,
  });
}

export function contextOf(
  fx: OutboxFixture,
  point: WorkPointEntity,
  kind: NotificationContext['kind'] = 'deadline-reminder',
): NotificationContext {
  return {
    kind,
    pointNumber: point.number,
    pointTitle: point.title,
    planTitle: fx.plan.title,
    departmentName: '专利管理处',
    dueDate: point.deadline,
    link: `https://workpoints.example.gov.cn/points/${point.id}`,
    detail: null,
  };
}

/**
 * Writes `count` due notification rows (status pending, notBefore now) of one point in one
 * transaction, round robin over `recipients`, as the worker's recording activity would: the
 * outbox is the interface under test. Returns their ids.
 */
export async function insertNotifications(
  fx: OutboxFixture,
  point: WorkPointEntity,
  opts: { channel: Channel; recipients: UserEntity[]; count: number; occasion: string },
): Promise<string[]> {
  const now = new Date();
  const rows = Array.from({ length: opts.count }, (_, i) => {
    const user = opts.recipients[i % opts.recipients.length] as UserEntity;
    return {
      pointId: point.id,
      kind: 'deadline-reminder' as const,
      occasion: `${opts.occasion}-${i}`,
      recipientKey: `user:${user.id}`,
      userId: user.id,
      departmentId: null,
      channel: opts.channel,
      context: contextOf(fx, point),
      notBefore: now,
      createdAt: now,
    };
  });
  return fx.ds.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const result = await tx
        .createQueryBuilder()
        .insert()
        .into(NotificationEntity)
        .values(rows.slice(i, i + 500))
        .returning('id')
        .execute();
      ids.push(...(result.raw as { id: string }[]).map((r) => r.id));
    }
    return ids;
  });
}

/** What became of a point's notifications and their inbox items. */
export interface InboxOutcome {
  notifications: number;
  byStatus: Partial<Record<DeliveryStatus, number>>;
  inboxItems: number;
  /** Notifications with more than one inbox item (impossible while the unique index holds). */
  duplicated: number;
  /** Sent notifications without an inbox item. */
  sentWithoutItem: number;
  /** Inbox items whose user is not the notification's. */
  wrongUser: number;
}

export async function inboxOutcome(ds: DataSource, pointId: string): Promise<InboxOutcome> {
  const statuses = await ds.query<{ status: DeliveryStatus; n: number }[]>(
    'SELECT status, count(*)::int AS n FROM notifications WHERE point_id = $1 GROUP BY status',
    [pointId],
  );
  const [items] = await ds.query<
    { items: number; duplicated: number; wrong_user: number; sent_without_item: number }[]
  >(
    `SELECT
       (SELECT count(*)::int FROM inbox_items i
          JOIN notifications n ON n.id = i.notification_id WHERE n.point_id = $1) AS items,
       (SELECT count(*)::int FROM (SELECT i.notification_id FROM inbox_items i
          JOIN notifications n ON n.id = i.notification_id WHERE n.point_id = $1
          GROUP BY i.notification_id HAVING count(*) > 1) d) AS duplicated,
       (SELECT count(*)::int FROM inbox_items i
          JOIN notifications n ON n.id = i.notification_id
          WHERE n.point_id = $1 AND i.user_id IS DISTINCT FROM n.user_id) AS wrong_user,
       (SELECT count(*)::int FROM notifications n WHERE n.point_id = $1 AND n.status = 'sent'
          AND NOT EXISTS (SELECT 1 FROM inbox_items i WHERE i.notification_id = n.id))
          AS sent_without_item`,
    [pointId],
  );
  const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
  return {
    notifications: statuses.reduce((sum, s) => sum + s.n, 0),
    byStatus,
    inboxItems: items?.items ?? 0,
    duplicated: items?.duplicated ?? 0,
    sentWithoutItem: items?.sent_without_item ?? 0,
    wrongUser: items?.wrong_user ?? 0,
  };
}

/** The assertions every inbox fault test ends with: all sent, each exactly once. */
export function expectDeliveredOnce(outcome: InboxOutcome, count: number): void {
  expect(outcome).toEqual({
    notifications: count,
    byStatus: { sent: count },
    inboxItems: count,
    duplicated: 0,
    sentWithoutItem: 0,
    wrongUser: 0,
  });
}

/** Waits until none of the point's notifications is pending or queued any more. */
export async function waitForSettled(
  ds: DataSource,
  pointId: string,
  timeoutMs: number,
): Promise<InboxOutcome> {
  let last: InboxOutcome | undefined;
  try {
    return await waitFor(
      'every notification to be sent or dead',
      async () => {
        last = await inboxOutcome(ds, pointId);
        const open = (last.byStatus.pending ?? 0) + (last.byStatus.queued ?? 0);
        return open === 0 ? last : undefined;
      },
      { timeoutMs, intervalMs: 250 },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen ${JSON.stringify(last)}`, {
      cause: error,
    });
  }
}

/** How an `SmtpSink` answers RCPT TO for an address: accept, or an SMTP reply code. */
export type RcptAnswer = 'accept' | { code: number; text: string };

export interface ReceivedMail {
  to: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server on 127.0.0.1 whose answer to RCPT TO the test changes while it runs
 * (`answer`), and which keeps every message it accepted, parsed.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Every RCPT TO seen, with the code it got. */
  readonly rcpts: { address: string; code: number }[] = [];
  answer: (address: string) => RcptAnswer = () => 'accept';
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const answer = sink?.answer(address.address) ?? 'accept';
        sink?.rcpts.push({
          address: address.address,
          code: answer === 'accept' ? 250 : answer.code,
        });
        if (answer === 'accept') callback();
        else callback(Object.assign(new Error(answer.text), { responseCode: answer.code }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks))
            .then((mail) => {
              sink?.received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
