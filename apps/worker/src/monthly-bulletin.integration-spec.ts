import {
  DEFAULT_POLICY,
  acknowledgeUpdate,
  approveUpdate,
  reportProgressUpdate,
  returnUpdate,
  submitCompletionUpdate,
  type Actor,
  type MonthlyBulletinResult,
  type PointPolicy,
} from '@workpoints/contracts';
import {
  BulletinEntity,
  CalendarOverrideEntity,
  NotificationEntity,
  PlanEntity,
} from '@workpoints/persistence';
import { Client } from '@temporalio/client';
import { monthlyBulletinSchedule } from '@workpoints/temporal';
import { readDocx } from '@workpoints/testing';
import { IsNull } from 'typeorm';
import { TimeSkippingFixture } from './testing/time-skipping-fixture';

/**
 * Three months of a plan under the time-skipping server, with the bulletin produced the way
 * the monthly Schedule produces it: the test server has no Schedules, so at 00:05 on each 1st
 * the test starts the Schedule's own action (workflow type and arguments from
 * `monthlyBulletinSchedule`) and the workflow waits for the first working day by itself.
 *
 * The calendar of 2064 (overrides): weekends only, plus 清明 Friday 04-04 and 劳动节
 * Thursday 05-01, Friday 05-02 and Monday 05-05. So the bulletins come out on Tuesday 04-01,
 * Tuesday 05-06 (after the holiday) and Monday 06-02 (the 1st is a Sunday).
 *
 * Points (no reporting cadence, so no missed-report flags): P1 专利管理处, due 03-31, completed
 * on 03-03; P2 专利管理处, due Thursday 03-20, nobody acts; P3 保护处, due Wednesday 04-30,
 * reports on 04-10, completed late on 05-07 after one return. Scores worked by hand below
 * with the default rules (+1 report, +3 on time, +1 late, −0.5 per overdue working day capped
 * at 10 per point and month, −1 per return).
 */
describe('monthly bulletin (time-skipping)', () => {
  const fx = new TimeSkippingFixture();
  const quiet: PointPolicy = { ...DEFAULT_POLICY, reportCadence: 'none' };
  let requests = 0;

  beforeAll(async () => {
    await fx.start('wp_bulletin');
    const overrides = fx.ds.getRepository(CalendarOverrideEntity);
    for (const year of [2064, 2065])
      await overrides.save({ kind: 'weekends-only', date: null, year });
    for (const date of ['2064-04-04', '2064-05-01', '2064-05-02', '2064-05-05'])
      await overrides.save({ kind: 'holiday', date, year: 2064 });
    await fx.ds
      .getRepository(PlanEntity)
      .update(fx.planId, { title: '2064年工作要点', year: 2064 });
  });
  afterAll(() => fx.stop());

  /** What the Schedule does at 00:05 on the 1st: start its action, here by hand. */
  /**
   * Starts the Schedule's action at 00:05 on the 1st and lets time pass to a minute after 09:00
   * on `producedOn`, the first working day it must wait for. The result is then read through a
   * plain client: the time-skipping client's wait would let the server skip on to the points'
   * next timers once the bulletin is done, past the instant the test acts next.
   */
  const runSchedule = async (
    firstOfMonth: string,
    producedOn: string,
  ): Promise<MonthlyBulletinResult> => {
    await fx.sleepUntil(`${firstOfMonth} 00:05`);
    const action = monthlyBulletinSchedule(fx.taskQueue).action;
    const handle = await fx.env.client.workflow.start(action.workflowType, {
      taskQueue: fx.taskQueue,
      workflowId: `${action.workflowId}-${firstOfMonth}`,
      args: action.args ?? [],
    });
    await fx.sleepUntil(`${producedOn} 09:01`);
    const plain = new Client({ connection: fx.env.connection, namespace: fx.env.namespace });
    return (await Promise.race([
      plain.workflow.getHandle(handle.workflowId).result(),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(`no bulletin by ${producedOn} 09:01 (workflow time)`)),
          30_000,
        ).unref(),
      ),
    ])) as MonthlyBulletinResult;
  };

  const bulletin = async (month: string) => {
    const row = await fx.ds.getRepository(BulletinEntity).findOneOrFail({
      where: { planId: fx.planId, month },
      select: { id: true, trigger: true, ranking: true, document: true, producedAt: true },
    });
    const doc = await readDocx(row.document);
    const [completed, overdue, ranking] = doc.tables.map((t) => t.slice(1));
    return { row, doc, completed, overdue, ranking };
  };
  const ranks = (row: BulletinEntity) => row.ranking.map((r) => [r.rank, r.name, r.score]);

  type Handle = Awaited<ReturnType<TimeSkippingFixture['publish']>>['handle'];
  const request = () => `bulletin-spec-${(requests += 1)}`;
  const ack = (h: Handle, actor: Actor) =>
    h.executeUpdate(acknowledgeUpdate, { args: [{ requestId: request(), actor }] });
  const submit = (h: Handle, actor: Actor) =>
    h.executeUpdate(submitCompletionUpdate, {
      args: [{ requestId: request(), actor, text: '已完成' }],
    });
  const approve = (h: Handle, actor: Actor) =>
    h.executeUpdate(approveUpdate, { args: [{ requestId: request(), actor, comment: null }] });

  it('produces each month’s bulletin on its first working day, from what happened', async () => {
    await fx.sleepUntil('2064-03-03 10:00');
    const [zlglc, bhc] = [fx.lead.name, fx.co[0].name];
    const bhcStaff = await fx.actor('bhc.staff');
    const bhcHead = await fx.actor('bhc.head');
    const p1 = await fx.publish({ deadline: '2064-03-31', policy: quiet });
    await fx.publish({ deadline: '2064-03-20', policy: quiet });
    const p3 = await fx.publish({
      deadline: '2064-04-30',
      policy: quiet,
      leadDepartmentId: fx.co[0].id,
    });
    await ack(p1.handle, fx.staff);
    await submit(p1.handle, fx.staff);
    await approve(p1.handle, fx.head);
    await approve(p1.handle, fx.supervisor);
    await ack(p3.handle, bhcStaff);

    // March — 专利管理处: P1 on time +3; P2 late from Friday 03-21: 21, 24–28, 31 = 7 working
    // days, −3.5 → 99.5. 保护处: nothing happened → 100.
    const march = await runSchedule('2064-04-01', '2064-04-01');
    expect(march).toMatchObject({ month: '2064-03', producedOn: '2064-04-01' });
    expect(march.bulletins).toHaveLength(1);
    const m = await bulletin('2064-03');
    expect(m.row.trigger).toBe('schedule');
    expect(m.row.producedAt.toISOString().slice(0, 16)).toBe('2064-04-01T01:00'); // 09:00 Beijing
    expect(ranks(m.row)).toEqual([
      [1, bhc, 100],
      [2, zlglc, 99.5],
    ]);
    expect(m.doc.paragraphs[0]).toBe('关于2064年3月工作要点落实情况的通报');
    expect(m.doc.paragraphs).toContain(
      '截至2064年3月31日，《2064年工作要点》在办工作要点3项。3月办结1项（其中按期办结1项、逾期后办结0项），逾期未完成1项。现将有关情况通报如下。',
    );
    expect(m.completed).toEqual([['1', '要点1', zlglc, '3月3日', '按期']]);
    expect(m.overdue).toEqual([['2', '要点2', zlglc, '2064年3月20日', '7']]);
    expect(m.ranking.map((r) => [r[0], r[1], r[2], r[7], r[9]])).toEqual([
      ['1', bhc, '1', '0', '100.0'],
      ['2', zlglc, '2', '7', '99.5'],
    ]);

    // April — 保护处 reports on 04-10: +1 → 101. 专利管理处: P2 late all April, 21 working days
    // (清明 off), capped at 10 → −5 → 95; 28 working days late in all.
    await fx.sleepUntil('2064-04-10 10:00');
    await p3.handle.executeUpdate(reportProgressUpdate, {
      args: [{ requestId: request(), actor: bhcStaff, text: '推进中', percent: 60 }],
    });
    const april = await runSchedule('2064-05-01', '2064-05-06');
    expect(april).toMatchObject({ month: '2064-04', producedOn: '2064-05-06' });
    const a = await bulletin('2064-04');
    expect(ranks(a.row)).toEqual([
      [1, bhc, 101],
      [2, zlglc, 95],
    ]);
    expect(a.doc.paragraphs).toContain('本月无办结的工作要点。');
    expect(a.doc.tables).toHaveLength(2); // no completions table
    expect(a.doc.tables[0].slice(1)).toEqual([['2', '要点2', zlglc, '2064年3月20日', '28']]);

    // May — P3 overdue from Tuesday 05-06, returned once and completed on 05-07: late +1, two
    // working days late −1, one return −1 → 99. 专利管理处: 19 more working days → −5 → 95.
    await fx.sleepUntil('2064-05-07 10:00');
    await submit(p3.handle, bhcStaff);
    await p3.handle.executeUpdate(returnUpdate, {
      args: [{ requestId: request(), actor: bhcHead, comment: '请补充佐证材料' }],
    });
    await submit(p3.handle, bhcStaff);
    await approve(p3.handle, bhcHead);
    await approve(p3.handle, fx.supervisor);
    const may = await runSchedule('2064-06-01', '2064-06-02');
    expect(may).toMatchObject({ month: '2064-05', producedOn: '2064-06-02' });
    const y = await bulletin('2064-05');
    expect(ranks(y.row)).toEqual([
      [1, bhc, 99],
      [2, zlglc, 95],
    ]);
    expect(y.completed).toEqual([['3', '要点3', bhc, '5月7日', '逾期']]);
    expect(y.overdue).toEqual([['2', '要点2', zlglc, '2064年3月20日', '47']]);
    expect(y.ranking.map((r) => [r[1], r[6], r[7], r[8], r[9]])).toEqual([
      [bhc, '1', '2', '1', '99.0'],
      [zlglc, '0', '19（计10）', '0', '95.0'],
    ]);
  });

  it('tells the coordinator once per plan and month, even when a month is produced again', async () => {
    const again: MonthlyBulletinResult = await fx.env.client.workflow.execute(
      'monthlyBulletinWorkflow',
      { taskQueue: fx.taskQueue, workflowId: 'bulletin-again', args: [{ month: '2064-03' }] },
    );
    expect(again.month).toBe('2064-03');
    const rows = await fx.ds.getRepository(NotificationEntity).find({
      where: { pointId: IsNull(), kind: 'bulletin' },
      order: { occasion: 'ASC' },
    });
    expect(rows.map((r) => [r.occasion, r.userId, r.channel])).toEqual(
      ['2064-03', '2064-04', '2064-05'].map((month) => [
        `bulletin:${fx.planId}:${month}`,
        fx.coordinator.userId,
        'inbox',
      ]),
    );
    expect(rows[0].context).toMatchObject({
      kind: 'bulletin',
      pointTitle: '2064年3月',
      planTitle: '2064年工作要点',
      link: `http://localhost:3000/plans/${fx.planId}/bulletins/2064-03`,
    });
  });
});
