import {
  WorkflowUpdateFailedError,
  type ApplicationFailure,
  type WorkflowHandle,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  DEFAULT_POLICY,
  acknowledgeUpdate,
  approveUpdate,
  changeDeadlineUpdate,
  getStateQuery,
  reassignUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnUpdate,
  submitCompletionUpdate,
  suspendUpdate,
  type Actor,
  type TransitionRecord,
  type WorkPointInput,
  type WorkPointState,
} from '@workpoints/contracts';
import { WorkflowHarness, cyclesToReach, packageCalendar, shiftDate } from '@workpoints/testing';

/*
 * The real work-point workflow on the time-skipping server with in-memory activities: no
 * database, transitions land in an array. The server's clock cannot go back, so 2026 is played
 * 28 years on (2054: the same weekdays), on the State Council's 2026 schedule shifted with it,
 * and 2027 as weekends-only. Every date below is a 2026/2027 date worked out by hand:
 * 清明 04-04…06, 劳动节 05-01…05, 端午 Friday 06-19, 中秋 Friday 09-25 and 国庆 10-01…10-07
 * off; Sunday 09-20 worked. Notices go out at 09:00 Shanghai time.
 */
describe('the work-point workflow (time-skipping, in-memory activities)', () => {
  let harness: WorkflowHarness;
  let cycles = 0;
  const shift = (date: string) => shiftDate(date, cycles);
  const home = (date: string) => shiftDate(date, -cycles);
  /** Server milliseconds of `YYYY-MM-DD HH:MM` (2026 terms, Shanghai). */
  const at = (local: string) =>
    Date.parse(`${shift(local.slice(0, 10))}T${local.slice(11)}:00+08:00`);
  const sleepUntil = (local: string) => harness.sleepUntil(at(local));

  const person = (userId: string, departmentId: string | null, role: Actor['roles'][number]) => ({
    userId,
    displayName: userId,
    departmentId,
    roles: [role],
  });
  const staff = person('zlglc.staff', 'zlglc', 'staff');
  const head = person('zlglc.head', 'zlglc', 'head');
  const supervisor = person('supervisor.li', null, 'supervisor');
  const coordinator = person('coordinator', null, 'coordinator');

  let numbers = 0;
  /** A point published now; its workflow id is its point id. */
  const publish = (deadline: string, extra: Partial<WorkPointInput> = {}) => {
    numbers += 1;
    const pointId = `point-${numbers}`;
    return harness.startPoint(
      {
        pointId,
        planId: 'plan',
        number: numbers,
        title: `要点${numbers}`,
        leadDepartmentId: 'zlglc',
        coDepartmentIds: ['bhc'],
        supervisorId: supervisor.userId,
        deadline: shift(deadline),
        publishedBy: coordinator,
        publishRequestId: 'publish:plan',
        ...extra,
      },
      pointId,
    );
  };
  const recordsOf = (handle: WorkflowHandle): TransitionRecord[] =>
    harness.records.filter((r) => r.pointId === handle.workflowId);
  /** An action as the API sends it: the request id is the update id. */
  const send = <A extends { requestId: string }>(
    handle: WorkflowHandle,
    update: UpdateDefinition<WorkPointState, [A]>,
    args: A,
  ): Promise<WorkPointState> =>
    handle.executeUpdate(update, { args: [args], updateId: args.requestId });
  /**
   * The same request id in an update the server does not know (a retry after continue-as-new,
   * or another client): the workflow itself must see through it.
   */
  const resend = <A extends { requestId: string }>(
    handle: WorkflowHandle,
    update: UpdateDefinition<WorkPointState, [A]>,
    args: A,
  ): Promise<WorkPointState> => handle.executeUpdate(update, { args: [args] });
  /** The refusal of an update: its type and message. */
  const refusal = async (sent: Promise<unknown>) => {
    const error = await sent.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
    return { type: cause.type, message: cause.message };
  };

  beforeAll(async () => {
    harness = await WorkflowHarness.start({
      calendar: (request) =>
        packageCalendar(cycles, [{ year: 2027, kind: 'weekends-only' }])(request),
    });
    cycles = cyclesToReach(Date.parse('2026-01-05T02:00:00Z'), await harness.now());
  });

  afterAll(() => harness?.teardown());

  it('chases a point nobody acts on through 2026, on the working days of its holidays', async () => {
    await sleepUntil('2026-01-05 10:00');
    const handle = await publish('2026-10-01', {
      policy: { ...DEFAULT_POLICY, reportCadence: 'quarterly', reportDay: 20 },
    });
    await sleepUntil('2026-03-23 10:00');
    expect(await handle.query(getStateQuery)).toMatchObject({
      risk: 'yellow',
      reportMissedFor: shift('2026-03-20'),
      effectiveDeadline: shift('2026-09-30'),
    });
    await sleepUntil('2026-10-31 12:00');

    const notices = recordsOf(handle).flatMap((r) =>
      (r.notices ?? []).map((n) => {
        // each at 09:00 on its day (the timer fires within a moment)
        expect(r.at.slice(0, 16)).toBe(`${n.noticeDate}T01:00`);
        return `${home(n.noticeDate)} ${n.kind} ${n.recipients.join('+')} due ${home(n.dueDate)}`;
      }),
    );
    expect(notices).toEqual([
      // acknowledgement due 2 working days after Monday 01-05
      '2026-01-07 ack-reminder lead due 2026-01-07',
      // quarterly reports due on the 20th, reminded 2 working days before, missed the next one
      '2026-03-18 report-reminder lead+co due 2026-03-20',
      '2026-03-23 report-missed lead+lead-head due 2026-03-20',
      // 06-20 is a Saturday and Friday 06-19 is 端午: due Thursday 06-18
      '2026-06-16 report-reminder lead+co due 2026-06-18',
      '2026-06-22 report-missed lead+lead-head due 2026-06-18',
      // Sunday 09-20 is worked: due that day
      '2026-09-17 report-reminder lead+co due 2026-09-20',
      '2026-09-21 report-missed lead+lead-head due 2026-09-20',
      // the deadline on 国庆 moves back to Wednesday 09-30: reminders 5, 2 and 1 working days
      // before it (中秋 Friday 09-25 skipped)
      '2026-09-22 deadline-reminder lead+co due 2026-09-30',
      '2026-09-28 deadline-reminder lead+co due 2026-09-30',
      '2026-09-29 deadline-reminder lead+co due 2026-09-30',
      // overdue on the first working day after 国庆, the supervisor 3 working days later
      // (Saturday 10-10 is worked), then the coordinator every 5
      '2026-10-08 overdue lead+lead-head due 2026-09-30',
      '2026-10-12 escalation supervisor due 2026-09-30',
      '2026-10-19 escalation coordinator due 2026-09-30',
      '2026-10-26 escalation coordinator due 2026-09-30',
    ]);
    const records = recordsOf(handle);
    expect(records.map((r) => r.version)).toEqual(records.map((_, i) => i + 1));
    expect(records.at(-1)).toMatchObject({ risk: 'red', overdue: true, to: 'assigned' });
    expect(new Set(records.map((r) => r.effectiveDeadline))).toEqual(
      new Set([shift('2026-10-01'), shift('2026-09-30')]),
    );
  });

  it('refuses in the validator, with a coded reason, and records nothing refused', async () => {
    await sleepUntil('2026-11-02 10:00');
    const handle = await publish('2026-12-31');
    const expectations: [Promise<unknown>, { type: string; message: string }][] = [
      [
        send(handle, acknowledgeUpdate, { requestId: 'x1', actor: supervisor }),
        { type: 'NOT_IN_REMIT', message: '只有牵头单位的承办人或负责人可以签收' },
      ],
      [
        send(handle, approveUpdate, { requestId: 'x2', actor: head, comment: null }),
        { type: 'OUT_OF_TURN', message: expect.stringContaining('没有待审核的办结申请') },
      ],
      [
        send(handle, suspendUpdate, { requestId: 'x3', actor: coordinator, reason: ' ' }),
        { type: 'INVALID_INPUT', message: '暂停须说明理由' },
      ],
      [
        send(handle, reassignUpdate, {
          requestId: 'x4',
          actor: coordinator,
          reason: null,
          leadDepartmentId: 'bhc',
          coDepartmentIds: ['bhc'],
          supervisorId: supervisor.userId,
        }),
        { type: 'INVALID_INPUT', message: '牵头单位不能同时是配合单位' },
      ],
    ];
    for (const [sent, expected] of expectations) expect(await refusal(sent)).toEqual(expected);

    await send(handle, acknowledgeUpdate, { requestId: 'a', actor: staff });
    expect(
      await refusal(
        send(handle, reportProgressUpdate, {
          requestId: 'r',
          actor: staff,
          text: ' ',
          percent: 101,
        }),
      ),
    ).toEqual({
      type: 'INVALID_INPUT',
      message: '进展内容不能为空；完成百分比应为 0 到 100 的整数',
    });
    expect(
      await refusal(
        send(handle, requestExtensionUpdate, {
          requestId: 'e',
          actor: staff,
          deadline: shift('2026-12-30'),
          reason: '需协调',
        }),
      ),
    ).toEqual({
      type: 'INVALID_INPUT',
      message: `申请延期至（${shift('2026-12-30')}）应晚于当前时限（${shift('2026-12-31')}）`,
    });
    // A year the calendar does not know is refused by the handler, before anything changes.
    expect(
      await refusal(
        send(handle, changeDeadlineUpdate, {
          requestId: 'd',
          actor: coordinator,
          reason: '远期',
          deadline: shift('2031-06-30'),
        }),
      ),
    ).toMatchObject({ type: 'PLAN_STATE' });

    expect(await handle.query(getStateQuery)).toMatchObject({
      status: 'acknowledged',
      version: 2,
      deadline: shift('2026-12-31'),
    });
    expect(recordsOf(handle).map((r) => r.event)).toEqual(['publish', 'acknowledge']);
  });

  it('keeps whoever submitted a completion from approving it, at either step', async () => {
    const handle = await publish('2026-12-31');
    const otherHead = person('zlglc.head2', 'zlglc', 'head');
    await send(handle, acknowledgeUpdate, { requestId: 'sd-a', actor: head });
    await send(handle, submitCompletionUpdate, { requestId: 'sd-s', actor: head, text: '已完成' });
    expect(
      await refusal(send(handle, approveUpdate, { requestId: 'sd-h', actor: head, comment: null })),
    ).toEqual({
      type: 'NOT_IN_REMIT',
      message:
        '办结申请由您提交，不能由您本人审核（职责分离）：请由牵头单位其他负责人或分管领导审核',
    });
    // The submitter may still take it back for rework; a resubmission by staff frees the head.
    await send(handle, returnUpdate, { requestId: 'sd-r', actor: head, comment: '撤回补充' });
    await send(handle, submitCompletionUpdate, {
      requestId: 'sd-s2',
      actor: staff,
      text: '已补充',
    });
    await send(handle, approveUpdate, { requestId: 'sd-h2', actor: head, comment: null });
    // Another head's submission, and the first head is free to approve at the head step only.
    expect((await handle.query(getStateQuery)).status).toBe('head_approved');
    expect(
      await send(handle, approveUpdate, { requestId: 'sd-v', actor: supervisor, comment: '同意' }),
    ).toMatchObject({ status: 'completed' });
    const handle2 = await publish('2026-12-31');
    await send(handle2, acknowledgeUpdate, { requestId: 'o-a', actor: otherHead });
    await send(handle2, submitCompletionUpdate, {
      requestId: 'o-s',
      actor: otherHead,
      text: '完成',
    });
    expect(
      await send(handle2, approveUpdate, { requestId: 'o-h', actor: head, comment: null }),
    ).toMatchObject({ status: 'head_approved', submittedBy: otherHead.userId });
    expect(recordsOf(handle).map((r) => r.event)).toEqual([
      'publish',
      'acknowledge',
      'submit',
      'return',
      'submit',
      'approve',
      'approve',
    ]);
  });

  it('takes the same request twice as one action, and a reused id for another as a refusal', async () => {
    const handle = await publish('2026-12-31');
    const first = await send(handle, acknowledgeUpdate, { requestId: 'ack', actor: staff });
    const again = await send(handle, acknowledgeUpdate, { requestId: 'ack', actor: staff });
    expect(again.version).toBe(first.version);
    const report = { requestId: 'rep', actor: staff, text: '十一月进展', percent: 20 };
    await send(handle, reportProgressUpdate, report);
    expect((await resend(handle, reportProgressUpdate, report)).version).toBe(first.version + 1);
    expect(
      await refusal(
        resend(handle, approveUpdate, { requestId: 'rep', actor: head, comment: null }),
      ),
    ).toEqual({
      type: 'REQUEST_ID_REUSED',
      message: '请求编号 rep 已用于“report”操作，不能再用于“approve”',
    });
    expect(recordsOf(handle).map((r) => r.event)).toEqual(['publish', 'acknowledge', 'report']);
  });

  it('continues as new carrying the applied request ids, and keeps chasing once each', async () => {
    const handle = await publish('2027-06-30', { historyLimit: 100 });
    const firstRun = (await handle.describe()).runId;
    await send(handle, acknowledgeUpdate, { requestId: 'g-ack', actor: staff });
    await sleepUntil('2027-03-31 12:00');

    expect((await handle.describe()).runId).not.toBe(firstRun);
    const before = await handle.query(getStateQuery);
    expect(before.appliedRequests).toEqual({ 'g-ack': 'acknowledge' });
    const retried = await resend(handle, acknowledgeUpdate, { requestId: 'g-ack', actor: staff });
    expect(retried.version).toBe(before.version);
    expect(
      await refusal(
        resend(handle, reportProgressUpdate, {
          requestId: 'g-ack',
          actor: staff,
          text: 'x',
          percent: null,
        }),
      ),
    ).toMatchObject({ type: 'REQUEST_ID_REUSED' });
    const records = recordsOf(handle);
    expect(records.filter((r) => r.event === 'acknowledge')).toHaveLength(1);
    expect(records.map((r) => r.version)).toEqual(records.map((_, i) => i + 1));
    // Monthly reports due on the 25th, reminded 2 working days before; 2027 counts weekends
    // only (Friday 01-01 is a working day there).
    expect(
      records
        .flatMap((r) => r.notices ?? [])
        .filter((n) => n.kind === 'report-reminder')
        .map((n) => home(n.noticeDate)),
    ).toEqual(['2026-11-23', '2026-12-23', '2027-01-21', '2027-02-23', '2027-03-23']);
  });
});
