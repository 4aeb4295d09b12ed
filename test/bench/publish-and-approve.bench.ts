import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import {
  approveUpdate,
  workPointWorkflowId,
  type Actor,
  type WorkPointState,
} from '@workpoints/contracts';
import { repoRoot } from '@workpoints/temporal';
import { type E2eStack, startE2eStack, temporalCliPath } from '@workpoints/testing';
import { Client as PgClient } from 'pg';
import { benchEmptyWorkflow } from './empty.workflow';

/**
 * `npm run bench`: what publishing and approving cost on top of bare Temporal, measured in one
 * run on one Temporal dev server.
 *
 * 1. Publish a 1,000-point plan through the API and wait until every point's workflow has
 *    recorded its first transition (read-model status `assigned`), against the bare client
 *    starting 1,000 empty workflows (64 in flight, as the API does) until all have completed
 *    their first workflow task.
 * 2. A head's approval (submitted → head_approved) as an HTTP round trip through the API,
 *    against the same Workflow Update sent directly with the Temporal client.
 *
 * Figures go to stdout (a table) and to test/bench/results/latest.json; progress to stderr.
 */

const POINTS = 1000;
/** Same as START_CONCURRENCY in apps/api/src/plans/plan-publication.service.ts. */
const START_CONCURRENCY = 64;
/** Approvals measured per side, after WARMUP_APPROVALS discarded ones. */
const APPROVALS = 100;
const WARMUP_APPROVALS = 10;
/** Empty workflows (and a small plan) run before the measurements, so neither side pays first-use costs. */
const WARMUP_WORKFLOWS = 20;
/** How many API calls run in parallel while driving points to `submitted` (not measured). */
const PREPARE_CONCURRENCY = 8;
const POLL_MS = 50;
const PUBLISH_TIMEOUT_MS = 10 * 60_000;
const BARE_TIMEOUT_MS = 10 * 60_000;
const DIVISIONS = [
  'bgs',
  'tfc',
  'zlglc',
  'sbppc',
  'yycjc',
  'bhc',
  'ggfwc',
  'rsc',
  'ghcwc',
  'jgdw',
] as const;
const SUPERVISORS = ['supervisor.li', 'supervisor.zhang'] as const;

interface Department {
  id: string;
  code: string;
}
interface User {
  id: string;
  username: string;
}
interface PlanView {
  id: string;
  points: { id: string; number: number }[];
}
interface PointDraft {
  number: number;
  title: string;
  leadDepartmentId: string;
  deadline: string;
  supervisorId: string;
}
/** A point of the measured plan, with the division that leads it. */
interface BenchPoint {
  id: string;
  number: number;
  division: string;
  workflowId: string;
}

interface Percentiles {
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
  n: number;
}

interface Results {
  at: string;
  environment: { cores: number; node: string; temporal: string; platform: string };
  publish: {
    points: number;
    concurrency: number;
    planJsonBytes: number;
    api: { totalMs: number; requestMs: number; pointsPerSecond: number };
    bare: { totalMs: number; startsMs: number; workflowsPerSecond: number };
    ratio: number;
  };
  approve: {
    samples: number;
    warmup: number;
    apiMs: Percentiles;
    bareUpdateMs: Percentiles;
    ratio: { p50: number; p95: number };
  };
  /** The publication's 'assigned' notices of the measured plan, through worker, jobs, inbox. */
  notify: {
    inboxRows: number;
    /** From the workflow's transition (the row's created_at, workflow time) to the inbox row. */
    lagMs: Percentiles & { p99: number };
  };
}

const started = performance.now();
function progress(message: string): void {
  process.stderr.write(
    `[bench +${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` over `items` with at most `concurrency` in flight. */
async function inLanes<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await fn(item);
    }
  });
  await Promise.all(lanes);
}

/** Rejects with `message` if `promise` has not settled after `ms`. */
async function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Nearest-rank percentiles of a sample, in milliseconds. */
function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return {
    p50: rank(50),
    p95: rank(95),
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: sorted.length,
  };
}

async function temporalVersion(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(await temporalCliPath(), ['--version']);
    return stdout.trim().split('\n')[0] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

class Bench {
  private tokens: Record<string, string> = {};
  private dept: Record<string, string> = {};
  private supervisor: Record<string, string> = {};
  private readonly deadline = `${new Date().getFullYear() + 1}-06-30`;
  private readonly runId = randomBytes(3).toString('hex');

  constructor(
    private readonly stack: E2eStack,
    private readonly pg: PgClient,
  ) {}

  private async call<T>(
    method: string,
    path: string,
    who: string,
    body?: unknown,
    expected = 200,
  ): Promise<T> {
    const res = await this.stack.api.request<T>(method, path, this.tokens[who], body);
    if (res.status !== expected)
      throw new Error(
        `${method} ${path} as ${who}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`,
      );
    return res.body;
  }

  async setUp(): Promise<void> {
    const users = ['coordinator', ...DIVISIONS.flatMap((d) => [`${d}.staff`, `${d}.head`])];
    for (const u of users) this.tokens[u] = await this.stack.api.login(u, this.stack.password);
    const departments = await this.call<Department[]>('GET', '/departments', 'coordinator');
    this.dept = Object.fromEntries(departments.map((d) => [d.code, d.id]));
    const supervisors = await this.call<User[]>('GET', '/users?role=supervisor', 'coordinator');
    this.supervisor = Object.fromEntries(supervisors.map((u) => [u.username, u.id]));
    // Deadlines are next year; until the holiday package knows it, confirm it as weekends-only.
    const year = Number(this.deadline.slice(0, 4));
    const calendar = await this.call<{ known: boolean }>('GET', `/calendar/${year}`, 'coordinator');
    if (!calendar.known)
      await this.call(
        'POST',
        '/calendar/overrides',
        'coordinator',
        { kind: 'weekends-only', year },
        201,
      );
    for (const code of DIVISIONS)
      if (!this.dept[code]) throw new Error(`department ${code} is not seeded`);
    for (const name of SUPERVISORS)
      if (!this.supervisor[name]) throw new Error(`supervisor ${name} is not seeded`);
  }

  /** Creates a draft plan of `count` fully assigned points: lead divisions and supervisors round robin. */
  async createPlan(
    title: string,
    count: number,
  ): Promise<{
    planId: string;
    points: BenchPoint[];
    jsonBytes: number;
  }> {
    const divisionOf = (n: number) => DIVISIONS[(n - 1) % DIVISIONS.length] as string;
    const drafts: PointDraft[] = Array.from({ length: count }, (_, i) => ({
      number: i + 1,
      title: `基准要点${i + 1}`,
      leadDepartmentId: this.dept[divisionOf(i + 1)] as string,
      deadline: this.deadline,
      supervisorId: this.supervisor[SUPERVISORS[i % SUPERVISORS.length] as string] as string,
    }));
    // Ten chapters, as a real plan has, rather than one flat list.
    const perChapter = Math.ceil(count / 10);
    const chapters = Array.from({ length: Math.ceil(count / perChapter) }, (_, c) => ({
      label: String(c + 1),
      title: `第${c + 1}章`,
      points: drafts.slice(c * perChapter, (c + 1) * perChapter),
    }));
    const body = { title, year: Number(this.deadline.slice(0, 4)), chapters };
    const bytes = Buffer.byteLength(JSON.stringify(body));
    const res = await this.stack.api.request<PlanView>(
      'POST',
      '/plans',
      this.tokens['coordinator'],
      body,
    );
    if (res.status !== 201)
      throw new Error(
        `POST /plans (${count} points): ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`,
      );
    const plan = res.body;
    if (plan.points.length !== count)
      throw new Error(`plan has ${plan.points.length} points, expected ${count}`);
    return {
      jsonBytes: bytes,
      planId: plan.id,
      points: plan.points.map((p) => ({
        id: p.id,
        number: p.number,
        division: divisionOf(p.number),
        workflowId: workPointWorkflowId(plan.id, p.number),
      })),
    };
  }

  private async assignedCount(planId: string): Promise<number> {
    const { rows } = await this.pg.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM work_points WHERE plan_id = $1 AND status = 'assigned'",
      [planId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Publishes through the API; resolves when every point's workflow has recorded `assigned`. */
  async publishViaApi(
    planId: string,
    count: number,
  ): Promise<{ totalMs: number; requestMs: number }> {
    const t0 = performance.now();
    const request = this.call<{ started: number }>(
      'POST',
      `/plans/${planId}/publish`,
      'coordinator',
      {},
    ).then((body) => {
      if (body.started !== count)
        throw new Error(`publish started ${body.started} workflows, expected ${count}`);
      return performance.now() - t0;
    });
    let requestFailed: unknown = null;
    request.catch((error: unknown) => {
      requestFailed = error;
    });
    let seen = 0;
    let lastReport = t0;
    for (;;) {
      if (requestFailed) throw requestFailed;
      seen = await this.assignedCount(planId);
      if (seen >= count) break;
      const now = performance.now();
      if (now - t0 > PUBLISH_TIMEOUT_MS)
        throw new Error(
          `only ${seen} of ${count} points reached 'assigned' ${PUBLISH_TIMEOUT_MS / 60_000} minutes after publishing`,
        );
      if (count >= 100 && now - lastReport > 5000) {
        progress(`  ${seen}/${count} assigned`);
        lastReport = now;
      }
      await sleep(POLL_MS);
    }
    const totalMs = performance.now() - t0;
    // The read model can only be complete once every start has returned, but wait for the
    // response anyway so a failed request is never reported as a result.
    const requestMs = await request;
    return { totalMs, requestMs };
  }

  /** Starts `count` empty workflows with the bare client; resolves when all have completed. */
  async startBare(
    taskQueue: string,
    count: number,
    label: string,
  ): Promise<{ totalMs: number; startsMs: number }> {
    const client = this.stack.temporal.client;
    const ids = Array.from({ length: count }, (_, i) => `bench-${this.runId}-${label}-${i + 1}`);
    const results: Promise<unknown>[] = [];
    const t0 = performance.now();
    await inLanes(ids, START_CONCURRENCY, async (workflowId) => {
      const handle = await client.workflow.start(benchEmptyWorkflow, {
        taskQueue,
        workflowId,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        args: [],
      });
      results.push(handle.result());
    });
    const startsMs = performance.now() - t0;
    await within(
      Promise.all(results),
      BARE_TIMEOUT_MS,
      `${count} empty workflows did not all complete within ${BARE_TIMEOUT_MS / 60_000} minutes`,
    );
    return { totalMs: performance.now() - t0, startsMs };
  }

  /** Drives points to `submitted` through the API: the lead division's staff acknowledges, then submits. */
  async submit(points: BenchPoint[]): Promise<void> {
    await inLanes(points, PREPARE_CONCURRENCY, async (p) => {
      const staff = `${p.division}.staff`;
      await this.call('POST', `/points/${p.id}/acknowledge`, staff, {
        requestId: `bench-ack-${p.number}`,
      });
      const state = await this.call<WorkPointState>('POST', `/points/${p.id}/submit`, staff, {
        requestId: `bench-submit-${p.number}`,
        text: '基准测试：已完成',
      });
      if (state.status !== 'submitted')
        throw new Error(`point ${p.number} is ${state.status} after submit`);
    });
  }

  /** One head approval through the API, timed from request to parsed response. */
  async approveViaApi(p: BenchPoint): Promise<number> {
    const t0 = performance.now();
    const state = await this.call<WorkPointState>(
      'POST',
      `/points/${p.id}/approve`,
      `${p.division}.head`,
      {
        requestId: `bench-api-approve-${p.number}`,
      },
    );
    const ms = performance.now() - t0;
    if (state.status !== 'head_approved')
      throw new Error(`point ${p.number} is ${state.status} after approval via API`);
    return ms;
  }

  /** The same approval as a bare Workflow Update, with the head as the API would resolve them. */
  async approveBare(p: BenchPoint, actor: Actor): Promise<number> {
    const handle: WorkflowHandle = this.stack.temporal.client.workflow.getHandle(p.workflowId);
    const requestId = `bench-bare-approve-${p.number}`;
    const t0 = performance.now();
    const state = await handle.executeUpdate(approveUpdate, {
      args: [{ requestId, actor, comment: null }],
      updateId: requestId,
    });
    const ms = performance.now() - t0;
    if (state.status !== 'head_approved')
      throw new Error(`point ${p.number} is ${state.status} after the bare Update`);
    return ms;
  }

  /**
   * Every point's workflow records its publication with 'assigned' notification rows (lead
   * staff and head, inbox) in the same transaction; the jobs app dispatches and delivers them.
   * Lag: the row's created_at (the workflow's time of the transition — for a reminder, the
   * instant its timer fired) to the inbox row's created_at.
   */
  async inboxLag(planId: string): Promise<Results['notify']> {
    const where = `n.point_id IN (SELECT id FROM work_points WHERE plan_id = $1) AND n.channel = 'inbox' AND n.kind = 'assigned'`;
    const deadline = Date.now() + 180_000;
    for (;;) {
      const { rows } = await this.pg.query<{ total: string; open: string }>(
        `SELECT count(*) AS total, count(*) FILTER (WHERE n.status <> 'sent') AS open FROM notifications n WHERE ${where}`,
        [planId],
      );
      const total = Number(rows[0]?.total ?? 0);
      if (total >= POINTS && Number(rows[0]?.open) === 0) break;
      if (Date.now() > deadline)
        throw new Error(`inbox notifications not delivered in time: ${JSON.stringify(rows[0])}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const { rows } = await this.pg.query<{ lag: string }>(
      `SELECT extract(epoch FROM (i.created_at - n.created_at)) * 1000 AS lag
         FROM notifications n JOIN inbox_items i ON i.notification_id = n.id WHERE ${where}`,
      [planId],
    );
    const lags = rows.map((r) => Number(r.lag));
    const sorted = [...lags].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
    return {
      inboxRows: rows.length,
      lagMs: { ...percentiles(lags), p99 },
    };
  }

  async heads(): Promise<Record<string, Actor>> {
    const heads: Record<string, Actor> = {};
    for (const d of DIVISIONS) heads[d] = await this.call<Actor>('GET', '/me', `${d}.head`);
    return heads;
  }

  async run(): Promise<Results> {
    await this.setUp();

    // --- publish ---------------------------------------------------------------------------
    progress(`warm-up: publishing a ${WARMUP_WORKFLOWS}-point plan`);
    const warm = await this.createPlan('基准测试预热', WARMUP_WORKFLOWS);
    await this.publishViaApi(warm.planId, WARMUP_WORKFLOWS);

    progress(`creating the ${POINTS}-point plan`);
    const plan = await this.createPlan(`基准测试${POINTS}项工作要点`, POINTS);
    progress(`publishing ${POINTS} points through the API`);
    const api = await this.publishViaApi(plan.planId, POINTS);
    progress(
      `  all ${POINTS} assigned after ${(api.totalMs / 1000).toFixed(2)} s (publish request returned after ${(api.requestMs / 1000).toFixed(2)} s)`,
    );

    progress(`waiting for the publication's inbox notifications of the ${POINTS}-point plan`);
    const notify = await this.inboxLag(plan.planId);
    progress(
      `  ${notify.inboxRows} inbox rows; lag p50 ${Math.round(notify.lagMs.p50)} ms, p99 ${Math.round(notify.lagMs.p99)} ms`,
    );

    const taskQueue = `bench-bare-${this.runId}`;
    progress(`bundling the empty workflow for an in-process worker on "${taskQueue}"`);
    const worker = await Worker.create({
      connection: this.stack.temporal.nativeConnection,
      namespace: this.stack.temporal.namespace ?? 'default',
      taskQueue,
      workflowsPath: require.resolve('./empty.workflow'),
    });
    const bare = await worker.runUntil(async () => {
      progress(`warm-up: ${WARMUP_WORKFLOWS} empty workflows`);
      await this.startBare(taskQueue, WARMUP_WORKFLOWS, 'warmup');
      progress(
        `starting ${POINTS} empty workflows with the bare client (${START_CONCURRENCY} in flight)`,
      );
      return this.startBare(taskQueue, POINTS, 'measured');
    });
    progress(
      `  all ${POINTS} completed after ${(bare.totalMs / 1000).toFixed(2)} s (starts returned after ${(bare.startsMs / 1000).toFixed(2)} s)`,
    );

    // --- approve ---------------------------------------------------------------------------
    const perSide = APPROVALS + WARMUP_APPROVALS;
    const forApi = plan.points.slice(0, perSide);
    const forBare = plan.points.slice(perSide, 2 * perSide);
    progress(`driving ${2 * perSide} points to 'submitted' (acknowledge, submit)`);
    await this.submit([...forApi, ...forBare]);
    const heads = await this.heads();

    progress(
      `timing ${perSide} head approvals via the API and ${perSide} bare Updates, interleaved (first ${WARMUP_APPROVALS} of each discarded)`,
    );
    const apiMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < perSide; i += 1) {
      const a = forApi[i] as BenchPoint;
      const b = forBare[i] as BenchPoint;
      const viaApi = await this.approveViaApi(a);
      const viaUpdate = await this.approveBare(b, heads[b.division] as Actor);
      if (i >= WARMUP_APPROVALS) {
        apiMs.push(viaApi);
        bareMs.push(viaUpdate);
      }
    }
    const apiP = percentiles(apiMs);
    const bareP = percentiles(bareMs);

    return {
      at: new Date().toISOString(),
      environment: {
        cores: availableParallelism(),
        node: process.version,
        temporal: await temporalVersion(),
        platform: `${process.platform}-${process.arch}`,
      },
      publish: {
        points: POINTS,
        concurrency: START_CONCURRENCY,
        planJsonBytes: plan.jsonBytes,
        api: {
          totalMs: api.totalMs,
          requestMs: api.requestMs,
          pointsPerSecond: POINTS / (api.totalMs / 1000),
        },
        bare: {
          totalMs: bare.totalMs,
          startsMs: bare.startsMs,
          workflowsPerSecond: POINTS / (bare.totalMs / 1000),
        },
        ratio: api.totalMs / bare.totalMs,
      },
      notify,
      approve: {
        samples: APPROVALS,
        warmup: WARMUP_APPROVALS,
        apiMs: apiP,
        bareUpdateMs: bareP,
        ratio: { p50: apiP.p50 / bareP.p50, p95: apiP.p95 / bareP.p95 },
      },
    };
  }
}

function table(r: Results): string {
  const row = (label: string, value: string) => `${`${label} `.padEnd(37, '.')} ${value}`;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const ms = (x: number) => `${Math.round(x)} ms`;
  const { publish: p, approve: a } = r;
  return [
    `workpoints bench (${r.environment.cores} cores, node ${r.environment.node}, Temporal dev server ${r.environment.temporal})`,
    row(
      `publish ${p.points} points via API`,
      `${s(p.api.totalMs)} (${Math.round(p.api.pointsPerSecond)} points/s; request returned after ${s(p.api.requestMs)})`,
    ),
    row(
      `bare client start ${p.points} workflows`,
      `${s(p.bare.totalMs)} (${Math.round(p.bare.workflowsPerSecond)} workflows/s; starts returned after ${s(p.bare.startsMs)})`,
    ),
    row('ratio API/bare', p.ratio.toFixed(2)),
    row(
      'approve round trip via API',
      `p50 ${ms(a.apiMs.p50)}  p95 ${ms(a.apiMs.p95)}  (n=${a.samples})`,
    ),
    row(
      'bare Update',
      `p50 ${ms(a.bareUpdateMs.p50)}  p95 ${ms(a.bareUpdateMs.p95)}  (n=${a.samples})`,
    ),
    row('ratio p50 / p95', `${a.ratio.p50.toFixed(2)} / ${a.ratio.p95.toFixed(2)}`),
    row(
      `inbox: ${r.notify.inboxRows} publication notices`,
      `p50 ${ms(r.notify.lagMs.p50)}  p99 ${ms(r.notify.lagMs.p99)} from the workflow's transition to the inbox row`,
    ),
  ].join('\n');
}

/**
 * Runs the measurements (in the child process, see below): starts the stack, measures, writes
 * latest.json, always stops the stack, and hands the figures back.
 */
async function measure(): Promise<Results> {
  // The in-process worker would otherwise log every bundling step to the console.
  Runtime.install({ logger: new DefaultLogger('WARN') });

  progress('starting the e2e stack (PostgreSQL database, Temporal dev server, api, worker, jobs)');
  const stack = await startE2eStack();
  let pg: PgClient | null = null;
  let interruptedOnce = false;
  const interrupted = () => {
    // Ctrl-C arrives twice: from the terminal and forwarded by the parent.
    if (interruptedOnce) return;
    interruptedOnce = true;
    progress('interrupted: stopping the stack');
    void Promise.resolve(pg?.end())
      .catch(() => undefined)
      .then(() => stack.stop())
      .finally(() => process.exit(130));
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    pg = new PgClient({ connectionString: stack.db.url });
    await pg.connect();
    const results = await new Bench(stack, pg).run();
    const out = join(repoRoot(), 'test/bench/results/latest.json');
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    progress(`figures written to ${out}`);
    return results;
  } finally {
    progress('stopping the stack');
    await pg?.end().catch(() => undefined);
    await stack.stop();
  }
}

const CHILD_ENV = 'WORKPOINTS_BENCH_CHILD';

/**
 * The Temporal dev server writes its banner to the stdout it inherits, so the measurements run
 * in a child process whose stdout goes to stderr; this parent prints only the table on stdout.
 */
async function main(): Promise<number> {
  if (process.env[CHILD_ENV] === '1') {
    const results = await measure();
    await new Promise<void>((resolve, reject) =>
      process.send
        ? process.send(results, (error: Error | null) => (error ? reject(error) : resolve()))
        : resolve(),
    );
    return 0;
  }
  const child = spawn(process.execPath, [__filename], {
    env: { ...process.env, [CHILD_ENV]: '1' },
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  let results: Results | null = null;
  child.on('message', (message) => {
    results = message as Results;
  });
  // Ctrl-C reaches the child too (same process group); wait for it to stop the stack.
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  const code = await new Promise<number>((resolve) =>
    child.once('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1))),
  );
  if (code !== 0 || !results) return code || 1;
  process.stdout.write(`${table(results)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
