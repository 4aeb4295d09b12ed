import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { buildCalendarData, type CalendarOverride } from '@workpoints/calendar';
import {
  WORK_POINT_WORKFLOW_TYPE,
  type CalendarData,
  type CalendarRequest,
  type TransitionRecord,
  type WorkPointActivities,
  type WorkPointInput,
} from '@workpoints/contracts';
import { ensureTemporalCli, ensureTemporalTestServer } from '@workpoints/devstack';
import { repoRoot, workflowBundleOptions } from '@workpoints/temporal';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYCLE_YEARS, shiftCalendar } from './calendar-cycle';

export interface WorkflowHarnessOptions {
  /**
   * The worker's activities. Default: in memory — transitions are kept in `records` (and
   * handed to `onRecord`), the calendar comes from `calendar`.
   */
  activities?: object;
  /** The working-day calendar of the in-memory activities; default {@link packageCalendar}. */
  calendar?: (request: CalendarRequest) => Promise<CalendarData>;
  /** Called with each transition the in-memory activities record; a throw fails the activity. */
  onRecord?: (record: TransitionRecord) => void | Promise<void>;
  /** Workflows kept in the worker's cache (one per running point is fastest). */
  maxCachedWorkflows?: number;
  /** Progress of fetching the test server binary. */
  log?: (line: string) => void;
  /** Default: a new unique one. */
  taskQueue?: string;
}

/**
 * The chinese-days package's calendar with the given overrides, for years `cycles` 28-year
 * cycles on from the ones it holds (see calendar-cycle.ts).
 */
export function packageCalendar(
  cycles = 0,
  overrides: readonly CalendarOverride[] = [],
): (request: CalendarRequest) => Promise<CalendarData> {
  return ({ fromYear, toYear }) => {
    const years: number[] = [];
    for (let y = fromYear; y <= toYear; y += 1) years.push(y - cycles * CYCLE_YEARS);
    return Promise.resolve(shiftCalendar(buildCalendarData(years, overrides), cycles));
  };
}

let runtimeInstalled = false;
/** Core's own warnings (about the test server's capabilities, say) are noise here. */
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({
      logger: new DefaultLogger('ERROR'),
      telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } },
    });
  } catch {
    // Already installed by the host (another test, the bench): keep its logging.
  }
}

const quiet = (): void => undefined;

/**
 * The real workflows (the same bundle the worker runs) on the time-skipping test server, where
 * months pass in milliseconds. With the default in-memory activities no database is needed:
 * the workflow tier (`*.workflow-spec.ts`) and the CLI's simulator run on it; the worker's
 * integration specs give it their real, database-backed activities instead.
 */
export class WorkflowHarness {
  /** Transitions recorded by the in-memory activities, in the order they were recorded. */
  readonly records: TransitionRecord[] = [];
  private worker: Worker | undefined;
  private running: Promise<void> | undefined;
  private failure: unknown;

  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly taskQueue: string,
  ) {}

  static async start(options: WorkflowHarnessOptions = {}): Promise<WorkflowHarness> {
    installQuietRuntime();
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: {
        executable: {
          type: 'existing-path',
          path: await ensureTemporalTestServer(options.log ?? quiet),
        },
      },
    });
    const harness = new WorkflowHarness(env, options.taskQueue ?? `harness-${randomUUID()}`);
    try {
      const records = harness.records;
      const inMemory: WorkPointActivities = {
        recordTransition: async (record) => {
          await options.onRecord?.(record);
          records.push(record);
        },
        loadCalendar: options.calendar ?? packageCalendar(),
      };
      const bundle = workflowBundleOptions();
      harness.worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue: harness.taskQueue,
        activities: options.activities ?? inMemory,
        workflowsPath: bundle.workflowsPath,
        bundlerOptions: { webpackConfigHook: bundle.webpackConfigHook },
        ...(options.maxCachedWorkflows ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
      });
      harness.running = harness.worker.run().catch((error: unknown) => {
        harness.failure = error;
      });
    } catch (error) {
      await env.teardown();
      throw error;
    }
    return harness;
  }

  get client() {
    return this.env.client;
  }

  /** Server time now, in milliseconds. */
  async now(): Promise<number> {
    this.assertRunning();
    return this.env.currentTimeMs();
  }

  /** Lets time pass until `instant`: milliseconds, an ISO instant or `YYYY-MM-DD HH:MM` (Shanghai). */
  async sleepUntil(instant: number | string): Promise<void> {
    const target =
      typeof instant === 'number'
        ? instant
        : Date.parse(
            /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(instant)
              ? `${instant.replace(' ', 'T')}:00+08:00`
              : instant,
          );
    const ms = target - (await this.now());
    if (ms < 0) throw new Error(`cannot sleep back to ${String(instant)}`);
    if (ms > 0) await this.env.sleep(ms);
    this.assertRunning();
  }

  /** Starts one work point's workflow now. */
  startPoint(input: WorkPointInput, workflowId = `point-${randomUUID()}`) {
    this.assertRunning();
    return this.env.client.workflow.start(WORK_POINT_WORKFLOW_TYPE, {
      taskQueue: this.taskQueue,
      workflowId,
      args: [input],
    });
  }

  /**
   * `RECORD_HISTORIES=1` writes the history of `workflowId` (its latest run, or `runId`) to
   * workflows/histories/`name`.json, which workflows/src/replay checks every later change of
   * workflow code against.
   */
  async recordHistory(workflowId: string, name: string, runId?: string): Promise<void> {
    if (process.env['RECORD_HISTORIES'] !== '1') return;
    const json = execFileSync(await ensureTemporalCli(quiet), [
      'workflow',
      'show',
      '--address',
      this.env.address,
      '--workflow-id',
      workflowId,
      ...(runId ? ['--run-id', runId] : []),
      '--output',
      'json',
    ]);
    writeFileSync(join(repoRoot(), 'workflows/histories', `${name}.json`), json);
  }

  /** Stops the worker (after its running tasks) and the server. */
  async teardown(): Promise<void> {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.env.teardown();
  }

  /** A worker that stopped on its own fails whatever the test does next, with its reason. */
  private assertRunning(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
