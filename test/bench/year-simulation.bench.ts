import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { buildCalendarData } from '@workpoints/calendar';
import {
  WORK_POINT_WORKFLOW_TYPE,
  type Actor,
  type WorkPointActivities,
  type WorkPointInput,
} from '@workpoints/contracts';
import { shanghaiDate } from '@workpoints/domain';
import { repoRoot, workflowBundleOptions } from '@workpoints/temporal';
import { startTimeSkippingServer } from '@workpoints/testing';

/**
 * The year simulation (`npm run bench`, after the other benches):
 *
 * 1. `workpoints simulate` on the hubei corpus plan (32 points) from 2024-01-01 to 2024-12-31,
 *    nobody acting, as a child process: wall time, events, and each workflow's history length
 *    over the year (summed over continue-as-new runs), read from the CLI's `--stats` file.
 * 2. The worker's memory per running point: an in-process worker on the time-skipping test
 *    server, RSS and heap before and after starting POINTS work-point workflows that then wait
 *    on their timers, divided by POINTS.
 *
 * Figures go to stdout (a table) and to test/bench/results/year-simulation.json; progress to
 * stderr. Nothing is asserted: compare figures across commits on the same machine.
 */

const POINTS = 1000;
const WARMUP_POINTS = 20;
const START_CONCURRENCY = 64;
const SETTLE_MS = 1500;
const START_TIMEOUT_MS = 5 * 60_000;
const FROM = '2024-01-01';
const TO = '2024-12-31';

const progress = (line: string) => process.stderr.write(`[year-simulation] ${line}\n`);

interface PointFigures {
  pointNo: string;
  runs: number;
  historyEvents: number;
}
interface SimulationFigures {
  points: number;
  events: number;
  workerMs: number;
  publishMs: number;
  simulateMs: number;
  historyMs: number;
  totalMs: number;
  perPoint: PointFigures[];
}
interface YearResult {
  document: string;
  wallMs: number;
  events: number;
  eventsByKind: Record<string, number>;
  figures: SimulationFigures;
}
interface MemoryResult {
  /** Where workflows ran: the SDK's worker threads (as in production), or the main thread. */
  workflowsOn: 'worker-threads' | 'main-thread';
  points: number;
  cachedWorkflows: number;
  before: NodeJS.MemoryUsage;
  after: NodeJS.MemoryUsage;
  rssPerPointBytes: number;
  heapUsedPerPointBytes: number;
  gc: boolean;
  startMs: number;
}

function hubeiDocument(): string | null {
  const corpus = join(repoRoot(), '..', 'shared', 'corpus');
  if (!existsSync(corpus)) return null;
  const name = readdirSync(corpus).find((f) => f.includes('hubei'));
  return name ? join(corpus, name) : null;
}

/** Runs the built CLI (dist/) exactly as a user would, and reads its --stats file. */
async function simulateYear(document: string): Promise<YearResult> {
  const dir = mkdtempSync(join(tmpdir(), 'wp-year-'));
  const statsFile = join(dir, 'stats.json');
  try {
    // The corpus plan is 2023's and names no deadlines: --year 2024 makes every point's deadline
    // 2024-12-31, so the year is the plan's own year rather than a year of overdue escalations.
    const args = [
      join(repoRoot(), 'dist/apps/cli/src/main.js'),
      'simulate',
      '--plan',
      document,
      '--year',
      '2024',
      '--from',
      FROM,
      '--to',
      TO,
      '--json',
      '--stats',
      statsFile,
    ];
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    let notes = 0;
    let pending = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      // Progress lines are worth seeing; the notes about points without a lead are not.
      for (const text of lines.filter(Boolean))
        if (text.startsWith('提示')) notes += 1;
        else progress(`simulate: ${text}`);
    });
    const code = await new Promise<number>((resolve) =>
      child.once('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1))),
    );
    const wallMs = performance.now() - started;
    if (code !== 0) throw new Error(`workpoints simulate exited with ${code}`);
    progress(`simulate: ${notes} notes on stderr (points without lead or deadline)`);
    const { events } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      events: { kind: string }[];
    };
    const eventsByKind: Record<string, number> = {};
    for (const e of events) eventsByKind[e.kind] = (eventsByKind[e.kind] ?? 0) + 1;
    const figures = JSON.parse(readFileSync(statsFile, 'utf8')) as SimulationFigures;
    return { document, wallMs, events: events.length, eventsByKind, figures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const gc = (): boolean => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) return false;
  collect();
  collect();
  return true;
};

/**
 * Memory per running point: POINTS workflows published now with a deadline a month ahead, so
 * each waits on its next timer (the acknowledgement reminder) after recording its publication.
 * The worker caches all of them (maxCachedWorkflows above POINTS), as a production worker does
 * for the points it runs.
 */
async function measureMemory(workflowsOn: MemoryResult['workflowsOn']): Promise<MemoryResult> {
  const env = await startTimeSkippingServer();
  try {
    let published = 0;
    let calendars = 0;
    const activities: WorkPointActivities = {
      recordTransition: (rec) => {
        if (rec.event === 'publish') published += 1;
        return Promise.resolve();
      },
      loadCalendar: ({ fromYear, toYear }) => {
        calendars += 1;
        const years: number[] = [];
        for (let y = fromYear; y <= toYear; y += 1) years.push(y);
        return Promise.resolve(buildCalendarData(years));
      },
    };
    const taskQueue = `bench-memory-${randomUUID()}`;
    const bundle = workflowBundleOptions();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities,
      workflowsPath: bundle.workflowsPath,
      bundlerOptions: { webpackConfigHook: bundle.webpackConfigHook },
      maxCachedWorkflows: POINTS + WARMUP_POINTS + 100,
      // debugMode runs workflows on the main thread, where heapUsed (after gc) sees them.
      debugMode: workflowsOn === 'main-thread',
    });
    const coordinator: Actor = {
      userId: 'coordinator',
      displayName: '督办员',
      departmentId: null,
      roles: ['coordinator'],
    };
    const deadline = shanghaiDate(new Date(Date.now() + 30 * 86_400_000));
    const input = (n: number): WorkPointInput => ({
      pointId: `bench-point-${n}`,
      planId: 'bench',
      number: n,
      title: `要点${n}`,
      leadDepartmentId: `dept-${n % 10}`,
      coDepartmentIds: [],
      supervisorId: 'supervisor',
      deadline,
      publishedBy: coordinator,
      publishRequestId: 'publish:bench',
    });
    const start = async (from: number, count: number) => {
      for (let i = 0; i < count; i += START_CONCURRENCY)
        await Promise.all(
          Array.from({ length: Math.min(START_CONCURRENCY, count - i) }, (_, k) =>
            env.client.workflow.start(WORK_POINT_WORKFLOW_TYPE, {
              taskQueue,
              workflowId: `${taskQueue}-${from + i + k}`,
              args: [input(from + i + k)],
            }),
          ),
        );
    };
    /** Until every started workflow has recorded its publication and loaded its calendar. */
    const settled = async (total: number) => {
      const deadlineAt = Date.now() + START_TIMEOUT_MS;
      while (published < total || calendars < total) {
        if (Date.now() > deadlineAt)
          throw new Error(`only ${published} of ${total} points published after 5 minutes`);
        await sleep(50);
      }
      await sleep(SETTLE_MS);
    };

    return await worker.runUntil(async () => {
      await start(0, WARMUP_POINTS);
      await settled(WARMUP_POINTS);
      const collected = gc();
      const before = process.memoryUsage();
      progress(
        `memory (${workflowsOn}): starting ${POINTS} points, baseline RSS ${mib(before.rss)}`,
      );
      const t0 = performance.now();
      await start(WARMUP_POINTS, POINTS);
      await settled(WARMUP_POINTS + POINTS);
      const startMs = performance.now() - t0 - SETTLE_MS;
      gc();
      const after = process.memoryUsage();
      const cachedWorkflows = worker.getStatus().numCachedWorkflows;
      return {
        workflowsOn,
        points: POINTS,
        cachedWorkflows,
        before,
        after,
        rssPerPointBytes: (after.rss - before.rss) / POINTS,
        heapUsedPerPointBytes: (after.heapUsed - before.heapUsed) / POINTS,
        gc: collected,
        startMs,
      };
    });
  } finally {
    await env.teardown();
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const line = (label: string, value: string) => `${`${label} `.padEnd(46, '.')} ${value}`;

function table(year: YearResult | null, memory: MemoryResult[]): string {
  const rows = [
    `workpoints year simulation (${availableParallelism()} cores, node ${process.version}, Temporal time-skipping test server)`,
  ];
  if (year) {
    const f = year.figures;
    const history = f.perPoint.map((p) => p.historyEvents).sort((a, b) => a - b);
    const runs = f.perPoint.map((p) => p.runs);
    const total = history.reduce((a, b) => a + b, 0);
    rows.push(
      line(
        `simulate ${f.points} points ${FROM} … ${TO}`,
        `${s(year.wallMs)} wall (bundle+worker ${s(f.workerMs)}, publish ${s(f.publishMs)}, clock ${s(f.simulateMs)}, histories ${s(f.historyMs)})`,
      ),
      line(
        'events (nobody acting)',
        `${year.events}: ${Object.entries(year.eventsByKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      ),
      line(
        'history events per point per year',
        `min ${history[0] ?? 0}  median ${history[Math.floor(history.length / 2)] ?? 0}  max ${history.at(-1) ?? 0}  (total ${total}; runs per workflow ${Math.min(...runs)}–${Math.max(...runs)})`,
      ),
    );
  } else rows.push(line('year simulation', 'skipped: no hubei document in ../shared/corpus'));
  for (const m of memory)
    rows.push(
      line(
        `memory per waiting point, ${m.workflowsOn}`,
        `RSS ${kib(m.rssPerPointBytes)}  heapUsed ${kib(m.heapUsedPerPointBytes)}  (${m.points} points, ${m.cachedWorkflows} cached, started in ${s(m.startMs)})`,
      ),
      line(
        '  process before → after',
        `RSS ${mib(m.before.rss)} → ${mib(m.after.rss)}, heapUsed ${mib(m.before.heapUsed)} → ${mib(m.after.heapUsed)}${m.gc ? '' : ' (no --expose-gc: figures include garbage)'}`,
      ),
    );
  return rows.join('\n');
}

async function main(): Promise<number> {
  // The in-process worker would otherwise log every bundling step and core's warnings.
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } },
  });
  const document = hubeiDocument();
  let year: YearResult | null = null;
  if (document) {
    progress(`simulating ${FROM} … ${TO} of ${document}`);
    year = await simulateYear(document);
  } else progress('no hubei document in ../shared/corpus: skipping the year simulation');
  progress(`measuring the worker's memory with ${POINTS} waiting points`);
  const memory = [await measureMemory('worker-threads'), await measureMemory('main-thread')];
  const out = join(repoRoot(), 'test/bench/results/year-simulation.json');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ year, memory }, null, 2)}\n`);
  progress(`figures written to ${out}`);
  process.stdout.write(`${table(year, memory)}\n`);
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
