import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { UnknownYearError, WorkCalendar } from '@workpoints/calendar';
import {
  ErrorCode,
  type Actor,
  type ChangeDeadlineArgs,
  type ChangePolicyArgs,
  type ContributeArgs,
  type DecideExtensionArgs,
  type NoticeRecord,
  type PointAction,
  type PointChanges,
  type PointContext,
  type ReassignArgs,
  type ReportProgressArgs,
  type RequestExtensionArgs,
  type ReturnArgs,
  type SteerArgs,
  type SubmitCompletionArgs,
  type TargetActual,
  type TransitionRecord,
  type WorkPointActivities,
  type WorkPointInput,
  type WorkPointState,
  type ApproveArgs,
} from '@workpoints/contracts';
import {
  catchUpOverdue,
  deadlineNear,
  deadlinePassed,
  decide,
  effectiveDeadline,
  isClosedStatus,
  nextWake,
  noticeEffects,
  overdueAfterNewDeadline,
  passOver,
  resolvePolicy,
  riskColour,
  shanghaiDate,
  applies,
  type ActionFacts,
  type Wake,
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

export interface ActionArgs {
  requestId: string;
  actor: Actor;
}

type Details = Partial<Pick<TransitionRecord, 'comment' | 'report' | 'changes'>>;
type RecordFields = Pick<TransitionRecord, 'requestId' | 'event' | 'actor' | 'from'> &
  Partial<Pick<TransitionRecord, 'comment' | 'report' | 'signOff' | 'notices' | 'changes'>>;

const refuse = (code: ErrorCode, message: string): never => {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
};

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The actuals a report record carries: copied, and left out when there are none. */
const actualsOf = (actuals: TargetActual[] | undefined): { actuals?: TargetActual[] } =>
  actuals && actuals.length > 0
    ? { actuals: actuals.map((a) => ({ target: a.target, value: a.value })) }
    : {};

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
    submittedBy: null,
    pendingExtension: null,
    noticesThrough: now.toISOString(),
  };
}

/**
 * One work point inside its workflow: the state, the checks of every action, how an accepted
 * action changes the state, and the recording of each transition. The workflow function owns
 * the messages and the wait; the chase is planned by the pure functions of libs/domain's
 * chase.ts, from this state and the working-day calendar loaded here.
 */
export class WorkPoint {
  readonly state: WorkPointState;
  /** Set by every applied action, so the wait for the next wake plans again. */
  changed = false;
  private calendar: WorkCalendar | null = null;
  private calendarYears = { fromYear: 0, toYear: -1 };
  /** Transitions are recorded in the order they happen, even when updates overlap. */
  private recording: Promise<void> = Promise.resolve();
  private readonly historyLimit: number;

  constructor(
    private readonly input: WorkPointInput,
    carried: WorkPointState | undefined,
    /** Whoever submitted a completion may not approve it (patch `separation-of-duties`). */
    private readonly separationOfDuties: boolean,
  ) {
    this.state = initialState(input, carried, new Date());
    // A floor keeps a run from continuing as new before it has done anything.
    this.historyLimit = Math.max(100, input.historyLimit ?? DEFAULT_HISTORY_LIMIT);
  }

  // ---- what the point is -----------------------------------------------------------------

  snapshot(): WorkPointState {
    const state = this.state;
    return {
      ...state,
      coDepartmentIds: [...state.coDepartmentIds],
      appliedRequests: { ...state.appliedRequests },
      policy: {
        ...state.policy,
        deadlineReminderWorkdaysBefore: [...state.policy.deadlineReminderWorkdaysBefore],
      },
      reportDays: [...state.reportDays],
      pendingExtension: state.pendingExtension ? { ...state.pendingExtension } : null,
    };
  }

  closed(): boolean {
    return isClosedStatus(this.state.status);
  }

  wantsContinueAsNew(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= this.historyLimit;
  }

  /** What the argument checks of an action need: today and the current deadline. */
  facts(): ActionFacts {
    return { today: shanghaiDate(new Date()), deadline: this.state.deadline };
  }

  private context(): PointContext {
    return {
      suspended: this.state.suspended,
      deadlinePassed: deadlinePassed(this.state.effectiveDeadline, Date.now()),
      extensionPending: this.state.pendingExtension !== null,
      // Runs from before separation of duties keep the rule they started with: a sign-off
      // they accepted must be accepted again on replay.
      submittedBy: this.separationOfDuties ? (this.state.submittedBy ?? null) : null,
    };
  }

  // ---- the working-day calendar ------------------------------------------------------------

  /** Loads the calendar for every year from publication to a year past `date` (and today). */
  async ensureCalendar(date = this.state.deadline, force = false): Promise<WorkCalendar> {
    const fromYear = yearOf(this.state.publishedOn);
    const toYear =
      Math.max(yearOf(date), yearOf(shanghaiDate(new Date())), yearOf(this.state.deadline)) + 1;
    const { calendar, calendarYears: years } = this;
    if (calendar && !force && years.fromYear <= fromYear && years.toYear >= toYear) return calendar;
    const loaded = new WorkCalendar(await loadCalendar({ fromYear, toYear }));
    this.calendar = loaded;
    this.calendarYears = { fromYear, toYear };
    return loaded;
  }

  /** Moves the deadline onto a working day of `calendar` by the policy's rule. */
  followCalendar(calendar: WorkCalendar): void {
    this.state.effectiveDeadline = effectiveDeadline(
      this.state.deadline,
      this.state.policy.nonWorkdayRule,
      calendar,
    );
  }

  // ---- recording ---------------------------------------------------------------------------

  private record(fields: RecordFields): Promise<void> {
    const { state } = this;
    const rec: TransitionRecord = {
      pointId: state.pointId,
      planId: state.planId,
      to: state.status,
      risk: state.risk,
      overdue: state.overdue,
      version: state.version,
      effectiveDeadline: state.effectiveDeadline,
      at: new Date().toISOString(),
      comment: null,
      report: null,
      signOff: null,
      notices: [],
      changes: null,
      ...fields,
    };
    const run = this.recording.then(() => recordTransition(rec));
    this.recording = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every transition so far is recorded. */
  settled(): Promise<void> {
    return this.recording;
  }

  /** Sets the colour from the facts; true when it changed. */
  refreshRisk(): boolean {
    const { state } = this;
    const before = state.risk;
    state.risk = riskColour({
      status: state.status,
      overdue: state.overdue,
      reportMissing: state.reportMissedFor !== null,
      deadlineNear: deadlineNear(state, this.calendar, Date.now()),
    });
    return state.risk !== before;
  }

  /** The first transition of a new point. */
  publish(): Promise<void> {
    this.state.version = 1;
    return this.record({
      requestId: this.input.publishRequestId,
      event: 'publish',
      actor: this.input.publishedBy,
      from: 'draft',
      changes: { deadline: this.state.deadline, policy: { ...this.state.policy } },
    });
  }

  // ---- actions -----------------------------------------------------------------------------

  /**
   * Update validator: shape, idempotency, the lifecycle rule, then the action's argument
   * checks. A retry of an applied request passes, and its handler changes nothing.
   */
  validate(action: PointAction, args: ActionArgs, problems?: () => string[]): void {
    if (!args || typeof args.requestId !== 'string' || args.requestId.length === 0)
      refuse(ErrorCode.InvalidInput, '缺少请求编号 requestId');
    if (!args.actor || typeof args.actor.userId !== 'string')
      refuse(ErrorCode.InvalidInput, '缺少操作人');
    const prior = this.state.appliedRequests[args.requestId];
    if (prior !== undefined) {
      if (prior !== action)
        refuse(
          ErrorCode.RequestIdReused,
          `请求编号 ${args.requestId} 已用于“${prior}”操作，不能再用于“${action}”`,
        );
      return;
    }
    const decision = decide(this.state.status, action, args.actor, this.state, this.context());
    if (!decision.allowed) refuse(decision.code, decision.message);
    const found = problems?.() ?? [];
    if (found.length > 0) refuse(ErrorCode.InvalidInput, found.join('；'));
  }

  private applied(requestId: string): boolean {
    return this.state.appliedRequests[requestId] !== undefined;
  }

  /**
   * Applies an accepted action and records it; a retried request id returns the state as is.
   * `mutate` changes the state beyond the status (before the record is written) and may return
   * the details the record carries.
   */
  private async apply(
    action: PointAction,
    args: ActionArgs,
    details: Details = {},
    mutate?: () => Details | void,
  ): Promise<WorkPointState> {
    const { state } = this;
    if (this.applied(args.requestId)) {
      await this.recording;
      return this.snapshot();
    }
    const decision = decide(state.status, action, args.actor, state, this.context());
    if (!decision.allowed) return refuse(decision.code, decision.message);
    const from = state.status;
    state.status = decision.to;
    state.version += 1;
    state.appliedRequests[args.requestId] = action;
    if (action === 'return') {
      state.returnComment = details.comment ?? null;
      state.submittedBy = null;
    }
    if (action === 'submit') {
      state.returnComment = null;
      state.submittedBy = args.actor.userId;
    }
    const more = mutate?.() ?? {};
    this.refreshRisk();
    this.changed = true;
    await this.record({
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
    return this.snapshot();
  }

  /** Before a deadline moves: the calendar must know its year, to count working days to it. */
  private async checkNewDeadline(deadline: string): Promise<void> {
    const calendar = await this.ensureCalendar(deadline);
    if (!calendar.isKnown(yearOf(deadline)))
      refuse(ErrorCode.PlanState, new UnknownYearError(yearOf(deadline)).message);
  }

  /** A new deadline: future notices follow it, the stale ones are dropped, red clears. */
  private setDeadline(deadline: string): void {
    const { state, calendar } = this;
    state.deadline = deadline;
    state.effectiveDeadline = calendar
      ? effectiveDeadline(deadline, state.policy.nonWorkdayRule, calendar)
      : deadline;
    state.overdue = overdueAfterNewDeadline(state, calendar, Date.now());
    state.noticesThrough = new Date().toISOString();
  }

  acknowledge(args: ActionArgs): Promise<WorkPointState> {
    return this.apply('acknowledge', args);
  }

  report(args: ReportProgressArgs): Promise<WorkPointState> {
    const report = { text: args.text, percent: args.percent, kind: 'progress' as const };
    return this.apply('report', args, { report: { ...report, ...actualsOf(args.actuals) } }, () => {
      const today = shanghaiDate(new Date());
      this.state.reportDays = [...this.state.reportDays, today].slice(-REPORT_DAYS_KEPT);
      this.state.reportMissedFor = null;
    });
  }

  submit(args: SubmitCompletionArgs): Promise<WorkPointState> {
    return this.apply('submit', args, {
      report: { text: args.text, percent: 100, kind: 'completion', ...actualsOf(args.actuals) },
    });
  }

  approve(args: ApproveArgs): Promise<WorkPointState> {
    return this.apply('approve', args, { comment: args.comment });
  }

  returnForRework(args: ReturnArgs): Promise<WorkPointState> {
    return this.apply('return', args, { comment: args.comment });
  }

  contribute(args: ContributeArgs): Promise<WorkPointState> {
    return this.apply('contribute', args, {
      report: { text: args.text, percent: null, kind: 'contribution' },
    });
  }

  async requestExtension(args: RequestExtensionArgs): Promise<WorkPointState> {
    if (!this.applied(args.requestId)) await this.checkNewDeadline(args.deadline);
    return this.apply('request-extension', args, { comment: args.reason }, () => {
      const pending = {
        requestId: args.requestId,
        requestedBy: args.actor.userId,
        requestedByName: args.actor.displayName,
        deadline: args.deadline,
        reason: args.reason,
        at: new Date().toISOString(),
      };
      this.state.pendingExtension = pending;
      return {
        changes: {
          extension: { decision: 'requested', deadline: args.deadline, reason: args.reason },
          pendingExtension: { ...pending },
        },
      };
    });
  }

  async decideExtension(args: DecideExtensionArgs): Promise<WorkPointState> {
    const pending = this.state.pendingExtension;
    const deadline = args.deadline ?? pending?.deadline ?? this.state.deadline;
    if (args.approve && !this.applied(args.requestId)) await this.checkNewDeadline(deadline);
    return this.apply('decide-extension', args, { comment: args.comment ?? null }, () => {
      this.state.pendingExtension = null;
      const changes: PointChanges = {
        pendingExtension: null,
        extension: {
          decision: args.approve ? 'approved' : 'rejected',
          deadline: args.approve ? deadline : (pending?.deadline ?? deadline),
          reason: args.comment ?? null,
        },
      };
      if (args.approve) {
        this.setDeadline(deadline);
        changes.deadline = deadline;
      }
      return { changes };
    });
  }

  suspend(args: SteerArgs): Promise<WorkPointState> {
    return this.apply('suspend', args, { comment: args.reason }, () => {
      this.state.suspended = true;
      return { changes: { suspended: true } };
    });
  }

  resume(args: SteerArgs): Promise<WorkPointState> {
    return this.apply('resume', args, { comment: args.reason ?? null }, () => {
      this.state.suspended = false;
      // Notices that fell due while suspended are not sent late.
      this.state.noticesThrough = new Date().toISOString();
      return { changes: { suspended: false } };
    });
  }

  cancel(args: SteerArgs): Promise<WorkPointState> {
    return this.apply('cancel', args, { comment: args.reason });
  }

  reassign(args: ReassignArgs): Promise<WorkPointState> {
    return this.apply('reassign', args, { comment: args.reason ?? null }, () => {
      const { state } = this;
      state.leadDepartmentId = args.leadDepartmentId;
      state.coDepartmentIds = [...args.coDepartmentIds];
      state.supervisorId = args.supervisorId;
      return { changes: { parties: this.parties() } };
    });
  }

  async changeDeadline(args: ChangeDeadlineArgs): Promise<WorkPointState> {
    if (!this.applied(args.requestId)) await this.checkNewDeadline(args.deadline);
    return this.apply('change-deadline', args, { comment: args.reason }, () => {
      this.setDeadline(args.deadline);
      return { changes: { deadline: args.deadline } };
    });
  }

  changePolicy(args: ChangePolicyArgs): Promise<WorkPointState> {
    return this.apply('change-policy', args, { comment: args.reason ?? null }, () => {
      const { state, calendar } = this;
      state.policy = resolvePolicy(state.policy, args.policy);
      if (calendar)
        state.effectiveDeadline = effectiveDeadline(
          state.deadline,
          state.policy.nonWorkdayRule,
          calendar,
        );
      state.noticesThrough = new Date().toISOString();
      return { changes: { policy: { ...state.policy } } };
    });
  }

  // ---- the chase ---------------------------------------------------------------------------

  private parties() {
    const { state } = this;
    return {
      leadDepartmentId: state.leadDepartmentId,
      coDepartmentIds: [...state.coDepartmentIds],
      supervisorId: state.supervisorId,
    };
  }

  /**
   * After a resumption or a change: a point whose overdue instant passed while nobody was
   * watching turns red now.
   */
  async catchUpOverdue(): Promise<void> {
    const { state } = this;
    const late = catchUpOverdue(state, this.calendar, Date.now());
    if (!late) return;
    state.overdue = true;
    this.refreshRisk();
    state.version += 1;
    await this.record({
      requestId: `overdue:${state.effectiveDeadline}:${new Date().toISOString()}`,
      event: 'overdue',
      actor: null,
      from: state.status,
      notices: [{ ...late, parties: this.parties() }],
    });
  }

  /** A change of colour with nothing else happening (after `refreshRisk()` said so). */
  recordRisk(): Promise<void> {
    this.state.version += 1;
    return this.record({
      requestId: `risk:${new Date().toISOString()}`,
      event: 'risk',
      actor: null,
      from: this.state.status,
    });
  }

  nextWake(calendar: WorkCalendar): Wake | null {
    return nextWake(this.state, calendar, Date.now());
  }

  /** The wait for `wake` was interrupted: what was passed over stays unsent. */
  passOver(wake: Wake | null): void {
    this.state.noticesThrough = passOver(this.state.noticesThrough, wake, Date.now());
  }

  /** Sends the notices of one instant and records what changed with them. */
  async fire(wake: Wake): Promise<void> {
    const { state } = this;
    const riskBefore = state.risk;
    const iso = new Date(wake.at).toISOString();
    state.noticesThrough = iso;
    const notices = wake.notices.filter((n) => applies(n, state));
    const effects = noticeEffects(notices, state);
    state.overdue = effects.overdue;
    state.reportMissedFor = effects.reportMissedFor;
    this.refreshRisk();
    if (notices.length === 0 && state.risk === riskBefore) return;
    state.version += 1;
    const parties = this.parties();
    await this.record({
      requestId: notices.length > 0 ? `notice:${iso}` : `risk:${iso}`,
      event: effects.turnedOverdue ? 'overdue' : notices.length > 0 ? 'notice' : 'risk',
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
  }
}
