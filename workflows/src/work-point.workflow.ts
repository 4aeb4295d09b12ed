import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  UnknownYearError,
  unlessUnknownYear,
  WorkCalendar,
  atShanghaiTime,
  isCalendarDate,
} from '@workpoints/calendar';
import {
  ErrorCode,
  acknowledgeUpdate,
  approveUpdate,
  cancelUpdate,
  changeDeadlineUpdate,
  changePolicyUpdate,
  contributeUpdate,
  decideExtensionUpdate,
  getStateQuery,
  reassignUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  resumeUpdate,
  returnUpdate,
  submitCompletionUpdate,
  suspendUpdate,
  type Actor,
  type NoticeRecord,
  type PointAction,
  type PointChanges,
  type PointContext,
  type TargetActual,
  type TransitionRecord,
  type WorkPointActivities,
  type WorkPointInput,
  type WorkPointState,
} from '@workpoints/contracts';
import {
  actualsProblems,
  completionSubmitted,
  decide,
  noticeSchedule,
  policyProblems,
  resolvePolicy,
  riskColour,
  shanghaiDate,
  yellowFrom,
  type ScheduledNotice,
} from '@workpoints/domain';

const { recordTransition, loadCalendar } = proxyActivities<WorkPointActivities>({
  startToCloseTimeout: '30 seconds',
  // Recording must eventually succeed: a database outage delays the read model, it never
  // loses a transition. Attempts are unlimited, spaced out to one a minute.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Continue-as-new once the history holds this many events, unless the input says otherwise. */
const DEFAULT_HISTORY_LIMIT = 2_000;
/** How many recent report days the state keeps (enough to answer the current period). */
const REPORT_DAYS_KEPT = 6;
/** Escalations are scheduled this far ahead of the later of today and the deadline. */
const HORIZON_DAYS = 120;
const DAY_MS = 86_400_000;

interface ActionArgs {
  requestId: string;
  actor: Actor;
}

type Details = Partial<Pick<TransitionRecord, 'comment' | 'report' | 'changes'>>;

/** The state a run starts from: the carried one after continue-as-new, else a new point's. */
function initialState(
  input: WorkPointInput,
  carried: WorkPointState | undefined,
  now: Date,
): WorkPointState {
  if (carried)
    return {
      ...carried,
      coDepartmentIds: [...carried.coDepartmentIds],
      appliedRequests: { ...carried.appliedRequests },
      reportDays: [...carried.reportDays],
    };
  return {
    pointId: input.pointId,
    planId: input.planId,
    number: input.number,
    leadDepartmentId: input.leadDepartmentId,
    coDepartmentIds: [...input.coDepartmentIds],
    supervisorId: input.supervisorId,
    deadline: input.deadline,
    status: 'assigned',
    risk: 'green',
    overdue: false,
    returnComment: null,
    version: 0,
    appliedRequests: {},
    policy: resolvePolicy(input.policy),
    publishedOn: shanghaiDate(now),
    effectiveDeadline: input.deadline,
    suspended: false,
    reportMissedFor: null,
    reportDays: [],
    pendingExtension: null,
    noticesThrough: now.toISOString(),
  };
}

/**
 * One published work point, from assignment to completion (办结) or cancellation. The workflow
 * is the source of truth for the point's lifecycle and the only clock that chases it: every
 * reminder, missed-report flag, overdue turn and escalation is a durable timer computed from
 * the point's policy and the working-day calendar (data loaded by an activity, never read from
 * a clock or a package at run time). Every transition is recorded by one activity into the
 * read model, the audit table and the notice outbox. Human actions arrive as Updates whose
 * validators apply the lifecycle rule from libs/domain, so a refused action never enters the
 * history.
 */
export async function workPointWorkflow(
  input: WorkPointInput,
  carried?: WorkPointState,
): Promise<WorkPointState> {
  const state = initialState(input, carried, new Date());
  // A floor keeps a run from continuing as new before it has done anything.
  const historyLimit = Math.max(100, input.historyLimit ?? DEFAULT_HISTORY_LIMIT);
  const nowIso = () => new Date().toISOString();
  const today = () => shanghaiDate(new Date());

  // ---- the working-day calendar ------------------------------------------------------------
  let calendar: WorkCalendar | null = null;
  let calendarYears = { fromYear: 0, toYear: -1 };
  const yearOf = (date: string) => Number(date.slice(0, 4));
  /** Loads the calendar for every year from publication to a year past `date` (and today). */
  const ensureCalendar = async (date: string, force = false): Promise<WorkCalendar> => {
    const fromYear = yearOf(state.publishedOn);
    const toYear = Math.max(yearOf(date), yearOf(today()), yearOf(state.deadline)) + 1;
    if (calendar && !force && calendarYears.fromYear <= fromYear && calendarYears.toYear >= toYear)
      return calendar;
    calendar = new WorkCalendar(await loadCalendar({ fromYear, toYear }));
    calendarYears = { fromYear, toYear };
    return calendar;
  };
  const effectiveDeadline = (
    cal: WorkCalendar,
    deadline: string,
    rule = state.policy.nonWorkdayRule,
  ) => unlessUnknownYear(() => cal.adjustDeadline(deadline, rule)) ?? deadline;

  // ---- recording ----------------------------------------------------------------------------
  // Transitions are recorded in the order they happen, even when updates overlap.
  let recording: Promise<void> = Promise.resolve();
  const record = (
    partial: Pick<TransitionRecord, 'requestId' | 'event' | 'actor' | 'from'> &
      Partial<Pick<TransitionRecord, 'comment' | 'report' | 'signOff' | 'notices' | 'changes'>>,
  ): Promise<void> => {
    const rec: TransitionRecord = {
      pointId: state.pointId,
      planId: state.planId,
      to: state.status,
      risk: state.risk,
      overdue: state.overdue,
      version: state.version,
      at: nowIso(),
      comment: null,
      report: null,
      signOff: null,
      notices: [],
      changes: null,
      ...partial,
    };
    const run = recording.then(() => recordTransition(rec));
    recording = run.catch(() => undefined);
    return run;
  };

  const snapshot = (): WorkPointState => ({
    ...state,
    coDepartmentIds: [...state.coDepartmentIds],
    appliedRequests: { ...state.appliedRequests },
    policy: {
      ...state.policy,
      deadlineReminderWorkdaysBefore: [...state.policy.deadlineReminderWorkdaysBefore],
    },
    reportDays: [...state.reportDays],
    pendingExtension: state.pendingExtension ? { ...state.pendingExtension } : null,
  });

  // ---- time facts ---------------------------------------------------------------------------
  const deadlinePassed = () =>
    Date.now() > new Date(`${state.effectiveDeadline}T23:59:59.999+08:00`).getTime();
  const context = (): PointContext => ({
    suspended: state.suspended,
    deadlinePassed: deadlinePassed(),
    extensionPending: state.pendingExtension !== null,
  });
  const deadlineNear = (): boolean => {
    const cal = calendar;
    if (!cal) return false;
    const from = unlessUnknownYear(() => yellowFrom(state.deadline, state.policy, cal));
    return from !== null && Date.now() >= Date.parse(from);
  };
  const refreshRisk = (): boolean => {
    const before = state.risk;
    state.risk = riskColour({
      status: state.status,
      overdue: state.overdue,
      reportMissing: state.reportMissedFor !== null,
      deadlineNear: deadlineNear(),
    });
    return state.risk !== before;
  };
  /** The instant the point turns overdue: reminder time on the first working day after the deadline. */
  const overdueAt = (): number | null => {
    const cal = calendar;
    if (!cal) return null;
    return unlessUnknownYear(() =>
      atShanghaiTime(cal.nextWorkday(state.effectiveDeadline), state.policy.reminderTime).getTime(),
    );
  };

  // ---- actions ------------------------------------------------------------------------------
  const refuse = (code: ErrorCode, message: string): never => {
    throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
  };
  const requireText = (value: unknown, message: string) => {
    if (typeof value !== 'string' || value.trim() === '') refuse(ErrorCode.InvalidInput, message);
  };
  const requireDate = (value: unknown, label: string): string => {
    if (!isCalendarDate(value))
      refuse(ErrorCode.InvalidInput, `${label}应为 YYYY-MM-DD 格式的真实日期：${String(value)}`);
    const date = value as string;
    if (date < today())
      refuse(ErrorCode.InvalidInput, `${label}不能早于今天（${today()}）：${date}`);
    return date;
  };
  /**
   * Target actuals: their shape only, since the targets live in the read model (the API checks
   * each index against them). Invalid ones are refused here so the history never holds them.
   */
  const requireActuals = (actuals: unknown) => {
    const problems = actualsProblems(actuals, null);
    if (problems.length > 0) refuse(ErrorCode.InvalidInput, `实际值有误：${problems.join('；')}`);
  };
  /** The actuals a report record carries: copied, and left out when there are none. */
  const actualsOf = (actuals: TargetActual[] | undefined): { actuals?: TargetActual[] } =>
    actuals && actuals.length > 0
      ? { actuals: actuals.map((a) => ({ target: a.target, value: a.value })) }
      : {};

  /** Shared validator: shape, idempotency, then the lifecycle rule. */
  const validate = (action: PointAction, args: ActionArgs, extra?: () => void): void => {
    if (!args || typeof args.requestId !== 'string' || args.requestId.length === 0)
      refuse(ErrorCode.InvalidInput, '缺少请求编号 requestId');
    if (!args.actor || typeof args.actor.userId !== 'string')
      refuse(ErrorCode.InvalidInput, '缺少操作人');
    const prior = state.appliedRequests[args.requestId];
    if (prior !== undefined) {
      if (prior !== action)
        refuse(
          ErrorCode.RequestIdReused,
          `请求编号 ${args.requestId} 已用于“${prior}”操作，不能再用于“${action}”`,
        );
      return; // a retry of an applied request: accepted, and the handler changes nothing
    }
    const decision = decide(state.status, action, args.actor, state, context());
    if (!decision.allowed) refuse(decision.code, decision.message);
    extra?.();
  };

  /** Wakes the main loop so it plans again from the changed state. */
  let changed = false;

  /**
   * Applies an accepted action and records it; a retried request id returns the state as is.
   * `mutate` changes the state beyond the status (before the record is written) and may return
   * the details the record carries.
   */
  const apply = async (
    action: PointAction,
    args: ActionArgs,
    details: Details = {},
    mutate?: () => Details | void,
  ): Promise<WorkPointState> => {
    if (state.appliedRequests[args.requestId] !== undefined) {
      await recording;
      return snapshot();
    }
    const decision = decide(state.status, action, args.actor, state, context());
    if (!decision.allowed) return refuse(decision.code, decision.message);
    const from = state.status;
    state.status = decision.to;
    state.version += 1;
    state.appliedRequests[args.requestId] = action;
    if (action === 'return') state.returnComment = details.comment ?? null;
    if (action === 'submit') state.returnComment = null;
    const more = mutate?.() ?? {};
    refreshRisk();
    changed = true;
    await record({
      requestId: args.requestId,
      event: action,
      actor: args.actor,
      from,
      ...details,
      ...more,
      signOff: decision.signOff
        ? { level: decision.signOff, decision: action === 'return' ? 'returned' : 'approved' }
        : null,
    });
    return snapshot();
  };

  /** A new deadline: future notices follow it, the stale ones are dropped, red clears. */
  const moveDeadline = async (deadline: string): Promise<void> => {
    const cal = await ensureCalendar(deadline);
    if (!cal.isKnown(yearOf(deadline)))
      refuse(ErrorCode.PlanState, new UnknownYearError(yearOf(deadline)).message);
  };
  const setDeadline = (deadline: string) => {
    state.deadline = deadline;
    state.effectiveDeadline = calendar ? effectiveDeadline(calendar, deadline) : deadline;
    const at = overdueAt();
    if (at !== null && at > Date.now()) state.overdue = false;
    state.noticesThrough = nowIso();
  };

  setHandler(getStateQuery, snapshot);
  setHandler(acknowledgeUpdate, (args) => apply('acknowledge', args), {
    validator: (args) => validate('acknowledge', args),
  });
  setHandler(
    reportProgressUpdate,
    (args) =>
      apply(
        'report',
        args,
        {
          report: {
            text: args.text,
            percent: args.percent,
            kind: 'progress',
            ...actualsOf(args.actuals),
          },
        },
        () => {
          state.reportDays = [...state.reportDays, today()].slice(-REPORT_DAYS_KEPT);
          state.reportMissedFor = null;
        },
      ),
    {
      validator: (args) =>
        validate('report', args, () => {
          requireText(args.text, '进展内容不能为空');
          if (
            args.percent !== null &&
            !(Number.isInteger(args.percent) && args.percent >= 0 && args.percent <= 100)
          )
            refuse(ErrorCode.InvalidInput, '完成百分比应为 0 到 100 的整数');
          requireActuals(args.actuals);
        }),
    },
  );
  setHandler(
    submitCompletionUpdate,
    (args) =>
      apply('submit', args, {
        report: { text: args.text, percent: 100, kind: 'completion', ...actualsOf(args.actuals) },
      }),
    {
      validator: (args) =>
        validate('submit', args, () => {
          requireText(args.text, '办结情况说明不能为空');
          requireActuals(args.actuals);
        }),
    },
  );
  setHandler(approveUpdate, (args) => apply('approve', args, { comment: args.comment }), {
    validator: (args) => validate('approve', args),
  });
  setHandler(returnUpdate, (args) => apply('return', args, { comment: args.comment }), {
    validator: (args) =>
      validate('return', args, () => requireText(args.comment, '退回时必须填写意见')),
  });
  setHandler(
    contributeUpdate,
    (args) =>
      apply('contribute', args, {
        report: { text: args.text, percent: null, kind: 'contribution' },
      }),
    {
      validator: (args) =>
        validate('contribute', args, () => requireText(args.text, '配合材料内容不能为空')),
    },
  );
  setHandler(
    requestExtensionUpdate,
    async (args) => {
      if (state.appliedRequests[args.requestId] === undefined) await moveDeadline(args.deadline);
      return apply('request-extension', args, { comment: args.reason }, () => {
        state.pendingExtension = {
          requestId: args.requestId,
          requestedBy: args.actor.userId,
          requestedByName: args.actor.displayName,
          deadline: args.deadline,
          reason: args.reason,
          at: nowIso(),
        };
        return {
          changes: {
            extension: { decision: 'requested', deadline: args.deadline, reason: args.reason },
            pendingExtension: { ...state.pendingExtension },
          },
        };
      });
    },
    {
      validator: (args) =>
        validate('request-extension', args, () => {
          const date = requireDate(args.deadline, '申请延期至');
          if (date <= state.deadline)
            refuse(
              ErrorCode.InvalidInput,
              `申请的新时限（${date}）应晚于当前时限（${state.deadline}）`,
            );
          requireText(args.reason, '申请延期须说明理由');
        }),
    },
  );
  setHandler(
    decideExtensionUpdate,
    async (args) => {
      const pending = state.pendingExtension;
      const deadline = args.deadline ?? pending?.deadline ?? state.deadline;
      if (args.approve && state.appliedRequests[args.requestId] === undefined)
        await moveDeadline(deadline);
      return apply('decide-extension', args, { comment: args.comment ?? null }, () => {
        state.pendingExtension = null;
        const changes: PointChanges = {
          pendingExtension: null,
          extension: {
            decision: args.approve ? 'approved' : 'rejected',
            deadline: args.approve ? deadline : (pending?.deadline ?? deadline),
            reason: args.comment ?? null,
          },
        };
        if (args.approve) {
          setDeadline(deadline);
          changes.deadline = deadline;
        }
        return { changes };
      });
    },
    {
      validator: (args) =>
        validate('decide-extension', args, () => {
          if (typeof args.approve !== 'boolean')
            refuse(ErrorCode.InvalidInput, '请选择同意或不同意延期');
          if (args.approve) {
            const date = requireDate(
              args.deadline ?? state.pendingExtension?.deadline,
              '延期后的时限',
            );
            if (date <= state.deadline)
              refuse(
                ErrorCode.InvalidInput,
                `延期后的时限（${date}）应晚于当前时限（${state.deadline}）`,
              );
          } else requireText(args.comment, '不同意延期时必须说明理由');
        }),
    },
  );
  setHandler(
    suspendUpdate,
    (args) =>
      apply('suspend', args, { comment: args.reason }, () => {
        state.suspended = true;
        return { changes: { suspended: true } };
      }),
    {
      validator: (args) =>
        validate('suspend', args, () => requireText(args.reason, '暂停须说明理由')),
    },
  );
  setHandler(
    resumeUpdate,
    (args) =>
      apply('resume', args, { comment: args.reason ?? null }, () => {
        state.suspended = false;
        // Notices that fell due while suspended are not sent late.
        state.noticesThrough = nowIso();
        return { changes: { suspended: false } };
      }),
    { validator: (args) => validate('resume', args) },
  );
  setHandler(cancelUpdate, (args) => apply('cancel', args, { comment: args.reason }), {
    validator: (args) => validate('cancel', args, () => requireText(args.reason, '取消须说明理由')),
  });
  setHandler(
    reassignUpdate,
    (args) =>
      apply('reassign', args, { comment: args.reason ?? null }, () => {
        state.leadDepartmentId = args.leadDepartmentId;
        state.coDepartmentIds = [...args.coDepartmentIds];
        state.supervisorId = args.supervisorId;
        const parties = {
          leadDepartmentId: state.leadDepartmentId,
          coDepartmentIds: [...state.coDepartmentIds],
          supervisorId: state.supervisorId,
        };
        return { changes: { parties } };
      }),
    {
      validator: (args) =>
        validate('reassign', args, () => {
          const id = (v: unknown) => typeof v === 'string' && v.length > 0;
          if (!id(args.leadDepartmentId)) refuse(ErrorCode.InvalidInput, '请指定牵头单位');
          if (!id(args.supervisorId)) refuse(ErrorCode.InvalidInput, '请指定分管领导');
          if (!Array.isArray(args.coDepartmentIds) || !args.coDepartmentIds.every(id))
            refuse(ErrorCode.InvalidInput, '配合单位应为单位编号列表');
          if (args.coDepartmentIds.includes(args.leadDepartmentId))
            refuse(ErrorCode.InvalidInput, '牵头单位不能同时是配合单位');
        }),
    },
  );
  setHandler(
    changeDeadlineUpdate,
    async (args) => {
      if (state.appliedRequests[args.requestId] === undefined) await moveDeadline(args.deadline);
      return apply('change-deadline', args, { comment: args.reason }, () => {
        setDeadline(args.deadline);
        return { changes: { deadline: args.deadline } };
      });
    },
    {
      validator: (args) =>
        validate('change-deadline', args, () => {
          requireDate(args.deadline, '新的完成时限');
          requireText(args.reason, '调整完成时限须说明理由');
        }),
    },
  );
  setHandler(
    changePolicyUpdate,
    (args) =>
      apply('change-policy', args, { comment: args.reason ?? null }, () => {
        state.policy = resolvePolicy(state.policy, args.policy);
        if (calendar) state.effectiveDeadline = effectiveDeadline(calendar, state.deadline);
        state.noticesThrough = nowIso();
        return { changes: { policy: { ...state.policy } } };
      }),
    {
      validator: (args) =>
        validate('change-policy', args, () => {
          const problems = [
            ...policyProblems(args.policy),
            ...(policyProblems(args.policy).length === 0
              ? policyProblems(resolvePolicy(state.policy, args.policy))
              : []),
          ];
          if (problems.length > 0)
            refuse(ErrorCode.InvalidInput, `督办规则有误：${problems.join('；')}`);
        }),
    },
  );

  // ---- publication --------------------------------------------------------------------------
  if (!carried) {
    state.version = 1;
    await record({
      requestId: input.publishRequestId,
      event: 'publish',
      actor: input.publishedBy,
      from: 'draft',
      changes: { deadline: state.deadline, policy: { ...state.policy } },
    });
  }
  const cal0 = await ensureCalendar(state.deadline, true);
  state.effectiveDeadline = effectiveDeadline(cal0, state.deadline);

  // ---- the chase ----------------------------------------------------------------------------
  const closed = () => state.status === 'completed' || state.status === 'cancelled';
  const wantsContinueAsNew = () =>
    workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyLimit;

  const reportedIn = (after: string, upTo: string) =>
    state.reportDays.some((d) => d > after && d <= upTo);
  /** Whether a scheduled notice still has something to chase when its time comes. */
  const applies = (n: ScheduledNotice): boolean => {
    switch (n.kind) {
      case 'ack-reminder':
        return state.status === 'assigned';
      case 'report-reminder':
        return (
          !completionSubmitted(state.status) &&
          !reportedIn(n.periodStart ?? state.publishedOn, n.date)
        );
      case 'report-missed':
        return (
          !completionSubmitted(state.status) &&
          !reportedIn(n.periodStart ?? state.publishedOn, n.dueDate)
        );
      case 'deadline-reminder':
        return !completionSubmitted(state.status);
      case 'overdue':
      case 'escalation':
        return true;
    }
  };

  interface Wake {
    at: number;
    notices: ScheduledNotice[];
    /** Load the calendar again (a year it did not know may have been added). */
    refresh: boolean;
  }
  /** The next instant something happens if nobody acts: notices due then, or a change of colour. */
  const nextWake = (cal: WorkCalendar): Wake | null => {
    const now = Date.now();
    const through = Date.parse(state.noticesThrough);
    const until = shanghaiDate(
      new Date(
        Math.max(now, Date.parse(`${state.effectiveDeadline}T00:00:00+08:00`)) +
          HORIZON_DAYS * DAY_MS,
      ),
    );
    const missing = new Set<number>();
    const schedule = noticeSchedule({
      publishedOn: state.publishedOn,
      deadline: state.deadline,
      policy: state.policy,
      calendar: cal,
      until,
      onUnknownYear: (year) => missing.add(year),
    });
    const due = schedule.filter((n) => Date.parse(n.at) > through && applies(n));
    const first = due[0];
    let at = first ? Date.parse(first.at) : Number.POSITIVE_INFINITY;
    let refresh = false;
    // The yellow window opens, or the point turns overdue, even where no notice applies.
    if (!deadlineNear() && !completionSubmitted(state.status)) {
      const from = unlessUnknownYear(() => yellowFrom(state.deadline, state.policy, cal));
      if (from && Date.parse(from) > through) at = Math.min(at, Date.parse(from));
    }
    if (missing.size > 0 && now + DAY_MS < at) {
      at = now + DAY_MS;
      refresh = true;
    }
    if (!Number.isFinite(at)) return null;
    return { at, notices: due.filter((n) => Date.parse(n.at) === at), refresh };
  };

  /** Sends the notices of one instant and records what changed with them. */
  const fire = async (wake: Wake): Promise<void> => {
    const riskBefore = state.risk;
    const iso = new Date(wake.at).toISOString();
    state.noticesThrough = iso;
    const notices = wake.notices.filter(applies);
    let turnedOverdue = false;
    for (const n of notices) {
      if (n.kind === 'overdue' && !state.overdue) {
        state.overdue = true;
        turnedOverdue = true;
      }
      if (n.kind === 'report-missed') state.reportMissedFor = n.dueDate;
    }
    refreshRisk();
    if (notices.length === 0 && state.risk === riskBefore) return;
    state.version += 1;
    const parties = {
      leadDepartmentId: state.leadDepartmentId,
      coDepartmentIds: [...state.coDepartmentIds],
      supervisorId: state.supervisorId,
    };
    await record({
      requestId: notices.length > 0 ? `notice:${iso}` : `risk:${iso}`,
      event: turnedOverdue ? 'overdue' : notices.length > 0 ? 'notice' : 'risk',
      actor: null,
      from: state.status,
      notices: notices.map((n): NoticeRecord => ({
        kind: n.kind,
        dueDate: n.dueDate,
        noticeDate: n.date,
        recipients: n.recipients,
        parties,
      })),
    });
  };

  /** Catches up after a resumption or a change: a point whose overdue day has passed is red now. */
  const catchUpOverdue = async (): Promise<void> => {
    const at = overdueAt();
    if (state.overdue || at === null || Date.now() < at) return;
    state.overdue = true;
    refreshRisk();
    state.version += 1;
    await record({
      requestId: `overdue:${state.effectiveDeadline}:${nowIso()}`,
      event: 'overdue',
      actor: null,
      from: state.status,
      notices: [
        {
          kind: 'overdue',
          dueDate: state.effectiveDeadline,
          noticeDate: today(),
          recipients: ['lead', 'lead-head'],
          parties: {
            leadDepartmentId: state.leadDepartmentId,
            coDepartmentIds: [...state.coDepartmentIds],
            supervisorId: state.supervisorId,
          },
        },
      ],
    });
  };

  /**
   * After an interruption: notices due before the planned wake were passed over because they
   * did not apply then (the state has not changed since the planning), so a change now — a
   * return, say — does not send them late. The planned wake itself stays due.
   */
  const passOver = (wake: Wake | null): void => {
    const upTo = Math.min(Date.now(), wake ? wake.at - 1 : Date.now());
    if (upTo > Date.parse(state.noticesThrough))
      state.noticesThrough = new Date(upTo).toISOString();
  };

  while (!closed() && !wantsContinueAsNew()) {
    if (state.suspended) {
      await condition(() => !state.suspended || closed() || wantsContinueAsNew());
      continue;
    }
    const cal = await ensureCalendar(state.deadline);
    state.effectiveDeadline = effectiveDeadline(cal, state.deadline);
    await catchUpOverdue();
    if (refreshRisk()) {
      state.version += 1;
      await record({
        requestId: `risk:${nowIso()}`,
        event: 'risk',
        actor: null,
        from: state.status,
      });
    }
    const wake = nextWake(cal);
    changed = false;
    const interrupted = () => changed || closed() || wantsContinueAsNew();
    if (!wake) {
      await condition(interrupted);
      passOver(wake);
      continue;
    }
    const timeout = wake.at - Date.now();
    if (
      (timeout > 0 && (await condition(interrupted, timeout))) ||
      interrupted() ||
      state.suspended
    ) {
      passOver(wake);
      continue;
    }
    if (wake.refresh) await ensureCalendar(state.deadline, true);
    else await fire(wake);
  }

  await condition(allHandlersFinished);
  await recording;
  if (!closed()) return continueAsNew<typeof workPointWorkflow>(input, snapshot());
  return snapshot();
}
