import { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
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
  returnUpdate,
  submitCompletionUpdate,
  type WorkPointState,
} from '@workpoints/contracts';
import { CalendarOverrideEntity, NoticeEntity, WorkPointEntity } from '@workpoints/persistence';
import { workflowBundleOptions } from '@workpoints/temporal';
import { TimeSkippingFixture } from './testing/time-skipping-fixture';

/**
 * The work-point workflow under the time-skipping test server, with the real activities
 * writing to a real PostgreSQL database. The year-long schedule is in work-point.year; this
 * file covers a year the calendar does not know, the sign-off chain and the coordinator's
 * steering as the read model sees them. The validators' refusals need no database: they are
 * in workflows/src/work-point.workflow-spec.ts.
 */
describe('work-point workflow (time-skipping)', () => {
  const fx = new TimeSkippingFixture();
  const weekendsOnly = (year: number) =>
    fx.ds.getRepository(CalendarOverrideEntity).save({ kind: 'weekends-only', date: null, year });

  beforeAll(async () => {
    await fx.start('wp_wf');
    await weekendsOnly(2060);
  });

  afterAll(() => fx.stop());

  it('stops at a year the calendar does not know and goes on once the admin adds it', async () => {
    await fx.sleepUntil('2060-12-01 10:00');
    const { handle, pointId, workflowId } = await fx.publish({ deadline: '2060-12-30' });
    await handle.executeUpdate(acknowledgeUpdate, {
      args: [{ requestId: 'ack-1', actor: fx.staff }],
    });
    const notices = async () =>
      (await fx.ds.getRepository(NoticeEntity).findBy({ pointId }))
        .map((r) => `${r.noticeDate} ${r.kind} ${r.recipient}`)
        .sort();

    // Deadline Thursday 12-30; overdue on Friday 12-31 at 09:00. The escalation 3 working
    // days later falls in 2061, which nobody has entered: it is not guessed.
    await fx.sleepUntil('2061-01-09 12:00');
    expect(await handle.query(getStateQuery)).toMatchObject({ overdue: true, risk: 'red' });
    const before = await notices();
    expect(before.filter((n) => n.includes('escalation'))).toEqual([]);
    expect(before).toContain('2060-12-31 overdue lead-head');

    // The admin confirms 2061 as weekends-only; within a day the workflow loads the calendar
    // again, sends the escalation that was due on Wednesday 01-05 and goes on every 5 days.
    await weekendsOnly(2061);
    await fx.sleepUntil('2061-01-12 12:00');
    expect((await notices()).filter((n) => n.includes('escalation'))).toEqual([
      '2061-01-05 escalation supervisor',
      '2061-01-12 escalation coordinator',
    ]);
    const row = await fx.ds.getRepository(WorkPointEntity).findOneByOrFail({ id: pointId });
    expect(row).toMatchObject({ status: 'acknowledged', overdue: true, risk: 'red' });
    await fx.recordHistory(workflowId, 'work-point-unknown-year-overdue');
  });

  it('runs a whole lifecycle whose history replays deterministically', async () => {
    const { handle, workflowId } = await fx.publish({ deadline: '2061-06-30' });
    const { staff, head, supervisor } = fx;
    await handle.executeUpdate(acknowledgeUpdate, {
      args: [{ requestId: 'a', actor: staff }],
      updateId: 'a',
    });
    await handle.executeUpdate(reportProgressUpdate, {
      args: [{ requestId: 'r', actor: staff, text: '进展', percent: 50 }],
      updateId: 'r',
    });
    await handle.executeUpdate(submitCompletionUpdate, {
      args: [{ requestId: 's1', actor: staff, text: '完成' }],
      updateId: 's1',
    });
    await handle.executeUpdate(returnUpdate, {
      args: [{ requestId: 'x', actor: head, comment: '补充材料' }],
      updateId: 'x',
    });
    await handle.executeUpdate(submitCompletionUpdate, {
      args: [{ requestId: 's2', actor: staff, text: '已补充' }],
      updateId: 's2',
    });
    await handle.executeUpdate(approveUpdate, {
      args: [{ requestId: 'h', actor: head, comment: null }],
      updateId: 'h',
    });
    await handle.executeUpdate(approveUpdate, {
      args: [{ requestId: 'v', actor: supervisor, comment: '同意' }],
      updateId: 'v',
    });
    const result: WorkPointState = await handle.result();
    expect(result).toMatchObject({ status: 'completed', version: 8, overdue: false });

    const history = await handle.fetchHistory();
    await Worker.runReplayHistory(
      {
        ...workflowBundleOptions(),
        bundlerOptions: { webpackConfigHook: workflowBundleOptions().webpackConfigHook },
      },
      history,
    );
    await fx.recordHistory(workflowId, 'work-point-completed-with-return');
  });

  // histories/work-point-head-self-approved.json was recorded here before separation of duties,
  // when the head could sign off their own submission; it still replays (patch
  // separation-of-duties). A new run refuses it, and the read model knows who submitted.
  it('keeps the lead head from signing off a completion the head submitted', async () => {
    const { handle, pointId } = await fx.publish({ deadline: '2061-06-30' });
    const { head } = fx;
    await handle.executeUpdate(acknowledgeUpdate, {
      args: [{ requestId: 'sd-a', actor: head }],
      updateId: 'sd-a',
    });
    await handle.executeUpdate(submitCompletionUpdate, {
      args: [{ requestId: 'sd-s', actor: head, text: '已完成' }],
      updateId: 'sd-s',
    });
    await expect(
      handle.executeUpdate(approveUpdate, {
        args: [{ requestId: 'sd-h', actor: head, comment: null }],
        updateId: 'sd-h',
      }),
    ).rejects.toMatchObject({ cause: { type: 'NOT_IN_REMIT' } });
    const row = await fx.ds.getRepository(WorkPointEntity).findOneByOrFail({ id: pointId });
    expect(row).toMatchObject({ status: 'submitted', submittedById: head.userId });
  });

  it('is helped by a co-department and steered by the coordinator, and refuses an extension', async () => {
    await weekendsOnly(2062);
    await fx.sleepUntil('2061-02-07 10:00');
    const [bhc, ggfwc] = fx.co as [(typeof fx.co)[0], (typeof fx.co)[0]];
    const { handle, pointId, workflowId } = await fx.publish({
      deadline: '2061-09-30',
      coDepartmentIds: [bhc.id],
    });
    const { staff, coStaff, supervisor, coordinator } = fx;
    let n = 0;
    const act = <A extends { requestId: string }>(
      update: UpdateDefinition<WorkPointState, [A]>,
      args: Omit<A, 'requestId'>,
      on: WorkflowHandle = handle,
    ): Promise<WorkPointState> => {
      n += 1;
      const requestId = `steer-${n}`;
      return on.executeUpdate(update, { args: [{ ...args, requestId } as A], updateId: requestId });
    };

    // 2061 counts weekends only: published Monday 02-07, acknowledgement due Wednesday 02-09.
    await fx.sleepUntil('2061-02-09 10:00');
    await act(acknowledgeUpdate, { actor: staff });
    await act(contributeUpdate, { actor: coStaff, text: '保护处配合材料' });
    // February's report (due Friday 02-25) is missed: flagged Monday 02-28 at 09:00.
    await fx.sleepUntil('2061-02-28 10:00');
    expect((await handle.query(getStateQuery)).risk).toBe('yellow');
    expect(
      (await act(reportProgressUpdate, { actor: staff, text: '二月进展', percent: 10 })).risk,
    ).toBe('green');
    await act(requestExtensionUpdate, {
      actor: staff,
      deadline: '2061-10-31',
      reason: '需协调外部单位',
    });
    const rejected = await act(decideExtensionUpdate, {
      actor: supervisor,
      approve: false,
      comment: '理由不充分',
    });
    expect(rejected).toMatchObject({ deadline: '2061-09-30', pendingExtension: null });
    await act(reassignUpdate, {
      actor: coordinator,
      reason: '职能调整',
      leadDepartmentId: ggfwc.id,
      coDepartmentIds: [fx.lead.id],
      supervisorId: supervisor.userId,
    });
    await act(changeDeadlineUpdate, {
      actor: coordinator,
      reason: '任务量调整',
      deadline: '2061-11-30',
    });
    const steered = await act(changePolicyUpdate, {
      actor: coordinator,
      reason: '改为按季度报送',
      policy: { reportCadence: 'quarterly', reportDay: 20 },
    });
    expect(steered).toMatchObject({
      leadDepartmentId: ggfwc.id,
      coDepartmentIds: [fx.lead.id],
      deadline: '2061-11-30',
      effectiveDeadline: '2061-11-30',
      policy: { reportCadence: 'quarterly', reportDay: 20 },
    });

    // Quarterly now: the report of 02-28 answers March's (due 03-18, the 20th being a Sunday);
    // June's (due Monday 06-20) is missed.
    await fx.sleepUntil('2061-06-22 10:00');
    await act(reportProgressUpdate, {
      actor: await fx.actor('ggfwc.staff'),
      text: '二季度进展',
      percent: 50,
    });
    await act(cancelUpdate, { actor: coordinator, reason: '并入其他要点' });
    expect(await handle.result()).toMatchObject({ status: 'cancelled', version: 16 });

    const codes = new Map([bhc, ggfwc, fx.lead].map((d) => [d.id, d.code]));
    const rows = (await fx.ds.getRepository(NoticeEntity).findBy({ pointId }))
      .map((r) => `${r.noticeDate} ${r.kind} ${r.recipient} ${codes.get(r.departmentId ?? '')}`)
      .sort();
    expect(rows).toEqual([
      '2061-02-09 ack-reminder lead zlglc',
      '2061-02-23 report-reminder co bhc',
      '2061-02-23 report-reminder lead zlglc',
      '2061-02-28 report-missed lead zlglc',
      '2061-02-28 report-missed lead-head zlglc',
      '2061-06-16 report-reminder co zlglc',
      '2061-06-16 report-reminder lead ggfwc',
      '2061-06-21 report-missed lead ggfwc',
      '2061-06-21 report-missed lead-head ggfwc',
    ]);
    const row = await fx.ds.getRepository(WorkPointEntity).findOneByOrFail({ id: pointId });
    expect(row).toMatchObject({
      status: 'cancelled',
      leadDepartmentId: ggfwc.id,
      deadline: '2061-11-30',
    });
    await fx.recordHistory(workflowId, 'work-point-steered-cancelled');
  });
});
