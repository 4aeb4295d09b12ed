import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  ApplicationFailure,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
  type WorkflowHandleWithFirstExecutionRunId,
} from '@temporalio/client';
import { atShanghaiTime } from '@workpoints/calendar';
import { deadlineInstant } from '@workpoints/domain';
import {
  acknowledgeUpdate,
  approveUpdate,
  decideExtensionUpdate,
  getStateQuery,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnUpdate,
  submitCompletionUpdate,
  type Actor,
  type TransitionRecord,
  type WorkPointInput,
  type WorkPointState,
} from '@workpoints/contracts';
import {
  CYCLE_MS,
  CYCLE_YEARS,
  LAST_CYCLIC_YEAR,
  WorkflowHarness,
  cyclesToReach,
  packageCalendar,
  shiftDate,
} from '@workpoints/testing/workflows';
import { compareEvents, eventsOf, type SimulationEvent } from './simulation-events';
import {
  PUBLISH_TIME,
  type ScriptedAction,
  type ScriptedActor,
  type SimulatedPoint,
  type SimulationPlan,
} from './simulation-plan';
import { SimulationException } from './simulation.exception';

export interface SimulationOptions {
  /** First and last simulated day, `YYYY-MM-DD` (Asia/Shanghai). */
  from: string;
  to: string;
  /** Progress lines (stderr). */
  log: (line: string) => void;
  /** Fetch every workflow's history at the end, for the run's figures. */
  histories?: boolean;
}

export interface PointFigures {
  pointNo: string;
  workflowId: string;
  /** Runs of the workflow (more than one after continue-as-new). */
  runs: number;
  /** History events, summed over the runs. */
  historyEvents: number;
}

export interface SimulationFigures {
  points: number;
  events: number;
  /** Milliseconds: bundling and starting the worker, publishing, driving the clock, reading histories. */
  workerMs: number;
  publishMs: number;
  simulateMs: number;
  historyMs: number;
  totalMs: number;
  perPoint: PointFigures[];
}

export interface SimulationResult {
  events: SimulationEvent[];
  figures: SimulationFigures;
}

const PLAN_ID = 'simulation';
const COORDINATOR: Actor = {
  userId: 'coordinator',
  displayName: '督办员',
  departmentId: null,
  roles: ['coordinator'],
};
/** Workflows started at once while publishing. */
const START_CONCURRENCY = 64;

function actors(point: SimulatedPoint): Record<ScriptedActor, Actor> {
  return {
    lead: {
      userId: `${point.lead}承办人`,
      displayName: `${point.lead}承办人`,
      departmentId: point.lead,
      roles: ['staff'],
    },
    head: {
      userId: `${point.lead}负责人`,
      displayName: `${point.lead}负责人`,
      departmentId: point.lead,
      roles: ['head'],
    },
    supervisor: {
      userId: point.supervisor,
      displayName: point.supervisor,
      departmentId: null,
      roles: ['supervisor'],
    },
  };
}

function workflowInput(point: SimulatedPoint, cycles = 0): WorkPointInput {
  const onceDate = point.policy.reportOnceDate;
  return {
    pointId: `simulated-point-${point.no}`,
    planId: PLAN_ID,
    number: point.number,
    title: point.title,
    // Departments and the supervisor are known by name only: the name is the id.
    leadDepartmentId: point.lead,
    coDepartmentIds: point.co,
    supervisorId: point.supervisor,
    deadline: shiftDate(point.deadline, cycles),
    publishedBy: COORDINATOR,
    publishRequestId: `publish:${PLAN_ID}`,
    policy: { ...point.policy, reportOnceDate: onceDate && shiftDate(onceDate, cycles) },
  };
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

const monthStarts = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (;;) {
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    if (first > to) return out;
    out.push(first);
  }
};

/**
 * Runs the plan's real workflows on the time-skipping test server from `from` 09:00 to the end
 * of `to` (Asia/Shanghai), with the scripted actions as Workflow Updates at their instants, and
 * returns the notices and actions recorded up to then. Nothing is written anywhere: the
 * recording activity keeps transitions in memory.
 *
 * Time: the test server's clock starts at the real now and cannot be set back (its binary
 * takes no start time; SleepUntil only moves forward), so a past `from` is replayed whole
 * 28-year cycles later, when every date has the same weekday: deadlines, calendar data and
 * scripted dates go out shifted, recorded instants come back shifted home
 * (libs/testing's calendar-cycle.ts). The workflows run unchanged on a consistent, later calendar.
 */
export async function runSimulation(
  plan: SimulationPlan,
  options: SimulationOptions,
): Promise<SimulationResult> {
  const started = performance.now();
  const { log } = options;
  const byPointId = new Map(plan.points.map((p) => [workflowInput(p).pointId, p]));
  const records: { rec: TransitionRecord; point: SimulatedPoint }[] = [];
  /** Server time = simulated time + offset (whole 28-year cycles); known once the server runs. */
  let cycles = 0;
  let offset = 0;
  const harness = await WorkflowHarness.start({
    log,
    calendar: (request) => packageCalendar(cycles)(request),
    // Nothing is written anywhere: transitions are kept in memory, their instants shifted home.
    onRecord: (rec) => {
      const point = byPointId.get(rec.pointId);
      const at = new Date(Date.parse(rec.at) - offset).toISOString();
      if (point) records.push({ rec: { ...rec, at }, point });
    },
    maxCachedWorkflows: Math.max(plan.points.length + 10, 100),
  });
  try {
    const runId = randomUUID().slice(0, 8);
    const workflowId = (p: SimulatedPoint) => `simulate-${runId}-point-${p.no}`;
    const publishAt = atShanghaiTime(options.from, PUBLISH_TIME).getTime();
    const endAt = deadlineInstant(options.to).getTime(); // the end of that day
    cycles = cyclesToReach(publishAt, await harness.now());
    const lastYear = Number(options.to.slice(0, 4)) + 1 + cycles * CYCLE_YEARS;
    if (lastYear > LAST_CYCLIC_YEAR)
      throw new SimulationException(
        'BAD_RANGE',
        `模拟区间过长：${options.from} 至 ${options.to} 需要平移到 ${lastYear} 年，超出 ${LAST_CYCLIC_YEAR} 年`,
        `the range ${options.from}…${options.to} would have to be replayed up to ${lastYear}, past ${LAST_CYCLIC_YEAR}`,
      );
    offset = cycles * CYCLE_MS;
    const workerReady = performance.now();

    const sleepUntil = (simulated: number) => harness.sleepUntil(simulated + offset);
    const handles = new Map<string, WorkflowHandleWithFirstExecutionRunId>();
    const scriptedAt = new Map<string, number>();

    // ---- publish every point at `from` 09:00 ------------------------------------------------
    await sleepUntil(publishAt);
    const t0 = performance.now();
    await inBatches(plan.points, START_CONCURRENCY, async (point) => {
      handles.set(
        point.no,
        await harness.startPoint(workflowInput(point, cycles), workflowId(point)),
      );
    });
    const publishMs = performance.now() - t0;
    log(
      `已发布 ${plan.points.length} 项要点（${options.from} ${PUBLISH_TIME}） / published ${plan.points.length} points`,
    );

    // ---- drive the clock: month by month, stopping at each scripted action ------------------
    const stops = [
      ...monthStarts(options.from, options.to).map((d) => ({
        at: atShanghaiTime(d, '00:00').getTime(),
        month: d.slice(0, 7),
        action: null as ScriptedAction | null,
      })),
      ...plan.actions.map((a) => ({ at: a.at, month: null, action: a })),
    ].sort((a, b) => a.at - b.at || (a.action?.seq ?? -1) - (b.action?.seq ?? -1));
    for (const stop of stops) {
      await sleepUntil(stop.at);
      if (stop.month)
        log(`模拟至 ${stop.month} … 已记录 ${records.length} 次流转 / simulated to ${stop.month}`);
      const action = stop.action;
      const point = action && plan.points.find((p) => p.no === action.pointNo);
      const handle = point && handles.get(point.no);
      if (action && point && handle) {
        const requestId = `script:${action.seq}`;
        scriptedAt.set(requestId, action.at);
        await act(handle, point, action, requestId, cycles);
      }
    }
    await sleepUntil(endAt);
    const simulated = performance.now();

    const perPoint: PointFigures[] = [];
    if (options.histories) {
      for (const { no: pointNo } of plan.points) {
        const handle = handles.get(pointNo);
        if (!handle) continue;
        perPoint.push({
          pointNo,
          workflowId: handle.workflowId,
          ...(await historyOf(harness, handle.workflowId, handle.firstExecutionRunId)),
        });
      }
    }
    const done = performance.now();

    const events = records
      .flatMap(({ rec, point }) => eventsOf(rec, point, scriptedAt.get(rec.requestId)))
      .filter((e) => Date.parse(e.at) <= endAt)
      .sort(compareEvents);
    return {
      events,
      figures: {
        points: plan.points.length,
        events: events.length,
        workerMs: workerReady - started,
        publishMs,
        simulateMs: simulated - workerReady - publishMs,
        historyMs: done - simulated,
        totalMs: done - started,
        perPoint,
      },
    };
  } finally {
    await harness.teardown();
  }
}

/** Sums history events over the whole continue-as-new chain, from the first run. */
async function historyOf(
  harness: WorkflowHarness,
  workflowId: string,
  firstRunId: string,
): Promise<{ runs: number; historyEvents: number }> {
  let runId: string | undefined = firstRunId;
  let runs = 0;
  let historyEvents = 0;
  while (runId) {
    const history: Awaited<ReturnType<WorkflowHandle['fetchHistory']>> =
      await harness.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    runs += 1;
    historyEvents += events.length;
    runId =
      events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return { runs, historyEvents };
}

/** Sends one scripted action as its Workflow Update; a refusal ends the simulation. */
async function act(
  handle: WorkflowHandle,
  point: SimulatedPoint,
  action: ScriptedAction,
  requestId: string,
  cycles: number,
): Promise<void> {
  const deadline = action.deadline && shiftDate(action.deadline, cycles);
  const people = actors(point);
  let by: ScriptedActor = action.by ?? 'lead';
  if (!action.by && (action.do === 'approve' || action.do === 'return')) {
    // The next sign-off in turn: the lead head, then the supervisor.
    const state: WorkPointState = await handle.query(getStateQuery);
    by = state.status === 'head_approved' ? 'supervisor' : 'head';
  }
  if (!action.by && action.do === 'decide-extension') by = 'supervisor';
  const base = { requestId, actor: people[by] };
  const options = { updateId: requestId };
  try {
    switch (action.do) {
      case 'acknowledge':
        await handle.executeUpdate(acknowledgeUpdate, { ...options, args: [base] });
        break;
      case 'report':
        await handle.executeUpdate(reportProgressUpdate, {
          ...options,
          args: [{ ...base, text: action.text ?? '进展情况（模拟）', percent: action.percent }],
        });
        break;
      case 'submit':
        await handle.executeUpdate(submitCompletionUpdate, {
          ...options,
          args: [{ ...base, text: action.text ?? '已完成（模拟）' }],
        });
        break;
      case 'approve':
        await handle.executeUpdate(approveUpdate, {
          ...options,
          args: [{ ...base, comment: action.comment }],
        });
        break;
      case 'return':
        await handle.executeUpdate(returnUpdate, {
          ...options,
          args: [{ ...base, comment: action.comment ?? '请补充完善（模拟）' }],
        });
        break;
      case 'request-extension':
        await handle.executeUpdate(requestExtensionUpdate, {
          ...options,
          args: [
            {
              ...base,
              deadline: deadline ?? '',
              reason: action.comment ?? action.text ?? '申请延期（模拟）',
            },
          ],
        });
        break;
      case 'decide-extension': {
        const approve = action.approve ?? true;
        await handle.executeUpdate(decideExtensionUpdate, {
          ...options,
          args: [
            {
              ...base,
              approve,
              deadline,
              comment: action.comment ?? (approve ? null : '不同意延期（模拟）'),
            },
          ],
        });
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof WorkflowUpdateFailedError)) {
      // A closed point's workflow has returned: the server refuses the Update itself.
      const status = await handle.describe().then(
        (d) => d.status.name,
        () => null,
      );
      if (status === null || status === 'RUNNING') throw error;
      throw new SimulationException(
        'ACTION_REFUSED',
        `第${point.no}项 ${action.on} 的操作 ${action.do}（${by}）无法执行：该要点的工作流已结束（已办结或已取消）`,
        `point ${point.no}, ${action.on}: "${action.do}" by ${by} cannot run: the point's workflow has ended (${status})`,
      );
    }
    const reason =
      error.cause instanceof ApplicationFailure
        ? error.cause.message
        : (error.cause?.message ?? error.message);
    const type =
      error.cause instanceof ApplicationFailure ? ` (${error.cause.type ?? 'refused'})` : '';
    throw new SimulationException(
      'ACTION_REFUSED',
      `第${point.no}项 ${action.on} 的操作 ${action.do}（${by}）被工作流拒绝：${reason}`,
      `point ${point.no}, ${action.on}: the workflow refused "${action.do}" by ${by}${type}: ${reason}`,
    );
  }
}
