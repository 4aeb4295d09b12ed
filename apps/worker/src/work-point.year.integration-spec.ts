import {
  WorkflowUpdateFailedError,
  type ApplicationFailure,
  type WorkflowHandle,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  acknowledgeUpdate,
  approveUpdate,
  cancelUpdate,
  decideExtensionUpdate,
  getStateQuery,
  reportProgressUpdate,
  requestExtensionUpdate,
  resumeUpdate,
  returnUpdate,
  submitCompletionUpdate,
  suspendUpdate,
  type WorkPointState,
} from '@workpoints/contracts';
import {
  AuditEventEntity,
  CalendarOverrideEntity,
  DepartmentEntity,
  NoticeEntity,
  WorkPointEntity,
} from '@workpoints/persistence';
import { TimeSkippingFixture } from './testing/time-skipping-fixture';

/*
 * A year of work points under the time-skipping server, with the real activities writing to
 * PostgreSQL, compared with a schedule this file computes on its own from the State Council's
 * holiday notices for 2023 and 2024.
 *
 * The test server's clock starts at the real now and only moves forward, so the 2023 and 2024
 * seasons are replayed 28 years on: 2051 and 2052 have exactly the weekdays of 2023 and 2024
 * (28 years hold 7 leap days: 10,227 days, 1,461 weeks). Their holidays and 调休 working weekends
 * are entered as the admin's calendar overrides — what an office does for a year the holiday
 * package does not know yet — and every date below is written, and compared, in 2023/2024 terms.
 */
const SHIFT_YEARS = 28;
const shift = (date: string) => `${Number(date.slice(0, 4)) + SHIFT_YEARS}${date.slice(4)}`;
const unshift = (date: string) => `${Number(date.slice(0, 4)) - SHIFT_YEARS}${date.slice(4)}`;

// Weekdays off, and weekend days worked, by the State Council's notices (国办发明电〔2022〕16号,
// 国办发明电〔2023〕7号).
const HOLIDAYS = new Set([
  '2023-01-02', // 元旦
  ...['2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27'], // 春节
  '2023-04-05', // 清明
  ...['2023-05-01', '2023-05-02', '2023-05-03'], // 劳动节 (04-29…05-03)
  ...['2023-06-22', '2023-06-23'], // 端午
  ...['2023-09-29', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06'], // 中秋国庆
  '2024-01-01', // 元旦
  ...['2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16'], // 春节 (02-10…17)
  ...['2024-04-04', '2024-04-05'], // 清明 (04-04…06)
  ...['2024-05-01', '2024-05-02', '2024-05-03'], // 劳动节 (05-01…05)
  '2024-06-10', // 端午
  ...['2024-09-16', '2024-09-17'], // 中秋 (09-15…17)
  ...['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'], // 国庆 (10-01…07)
]);
const WORKED_WEEKENDS = new Set([
  ...[
    '2023-01-28',
    '2023-01-29',
    '2023-04-23',
    '2023-05-06',
    '2023-06-25',
    '2023-10-07',
    '2023-10-08',
  ],
  ...['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14'],
  ...['2024-09-29', '2024-10-12'],
]);

const DAY = 86_400_000;
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const isWorkday = (date: string) => {
  if (WORKED_WEEKENDS.has(date)) return true;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !HOLIDAYS.has(date);
};
/** The `n`-th working day after (n > 0) or before (n < 0) `date`. */
const workdays = (date: string, n: number) => {
  let day = date;
  for (let left = Math.abs(n); left > 0;) {
    day = plusDays(day, Math.sign(n));
    if (isWorkday(day)) left -= 1;
  }
  return day;
};
const onOrBefore = (date: string) => (isWorkday(date) ? date : workdays(date, -1));

interface Expected {
  published: string;
  deadline: string;
  co: string[];
  until: string;
}

/** The default policy's notices for a point nobody acts on, one line per recipient row. */
function expectedRows({ published, deadline, co, until }: Expected): string[] {
  const rows: string[] = [];
  const add = (date: string, kind: string, to: string[], due: string) => {
    if (date > published && date <= until)
      for (const r of to) rows.push(`${date} ${kind} ${r} due ${due}`);
  };
  const lead = ['lead'];
  const leadAndCo = ['lead', ...co.map((c) => `co:${c}`)];
  const leadAndHead = ['lead', 'lead-head'];
  add(workdays(published, 2), 'ack-reminder', lead, workdays(published, 2));
  const due = onOrBefore(deadline);
  for (let month = published.slice(0, 7); month <= due.slice(0, 7);) {
    const raw = `${month}-25`;
    const reportDue = onOrBefore(raw);
    if (raw > published && reportDue <= due) {
      add(workdays(reportDue, -2), 'report-reminder', leadAndCo, reportDue);
      add(workdays(reportDue, 1), 'report-missed', leadAndHead, reportDue);
    }
    month = plusDays(`${month}-28`, 7).slice(0, 7);
  }
  for (const n of [5, 2, 1]) add(workdays(due, -n), 'deadline-reminder', leadAndCo, due);
  const overdue = workdays(due, 1);
  add(overdue, 'overdue', leadAndHead, due);
  let escalation = workdays(overdue, 3);
  add(escalation, 'escalation', ['supervisor'], due);
  for (
    escalation = workdays(escalation, 5);
    escalation <= until;
    escalation = workdays(escalation, 5)
  )
    add(escalation, 'escalation', ['coordinator'], due);
  return rows.sort();
}

describe('a year of work points (time-skipping, 2023–2024 holiday seasons)', () => {
  const fx = new TimeSkippingFixture();
  const codes = new Map<string, string>();

  /** The notice rows of a point, in the same one-line form, with 2023/2024 dates. */
  async function rows(pointId: string): Promise<string[]> {
    const found = await fx.ds.getRepository(NoticeEntity).findBy({ pointId });
    for (const r of found) {
      // Every notice goes out at 09:00 in Shanghai on its day (the timer fires within ms).
      const nine = Date.parse(`${r.noticeDate}T09:00:00+08:00`);
      expect(r.createdAt.getTime() - nine).toBeGreaterThanOrEqual(0);
      expect(r.createdAt.getTime() - nine).toBeLessThan(60_000);
    }
    return found
      .map((r) => {
        const who =
          r.recipient === 'co' ? `co:${codes.get(r.departmentId as string)}` : r.recipient;
        return `${unshift(r.noticeDate)} ${r.kind} ${who} due ${unshift(r.dueDate)}`;
      })
      .sort();
  }
  const at = (when: string) => fx.sleepUntil(shift(when));
  const state = async (h: { query: (q: typeof getStateQuery) => Promise<WorkPointState> }) =>
    h.query(getStateQuery);

  beforeAll(async () => {
    await fx.start('wp_year');
    for (const d of await fx.ds.getRepository(DepartmentEntity).find()) codes.set(d.id, d.code);
    const overrides = fx.ds.getRepository(CalendarOverrideEntity);
    for (const date of HOLIDAYS)
      await overrides.save({
        kind: 'holiday',
        date: shift(date),
        year: Number(shift(date).slice(0, 4)),
      });
    for (const date of WORKED_WEEKENDS)
      await overrides.save({
        kind: 'workday',
        date: shift(date),
        year: Number(shift(date).slice(0, 4)),
      });
  });

  afterAll(() => fx.stop());

  it('sends every reminder, flag and escalation of a plan nobody acts on, on the right working days', async () => {
    await at('2023-01-03 10:00');
    const [bhc, ggfwc] = fx.co.map((d) => d.id) as [string, string];
    const plan = [
      // Spring Festival 2023 moves January's report due day; 01-28 is a Saturday that was worked.
      { deadline: '2023-03-31', co: [bhc] },
      // A deadline on a Sunday that was a working day (端午 调休) stays where it is.
      { deadline: '2023-06-25', co: [] },
      // A deadline on the National Day holiday moves back to the last working day before it.
      { deadline: '2023-10-01', co: [bhc, ggfwc] },
      // Across New Year 2024 and Spring Festival 2024 (02-04 and 02-18, Sundays, were worked).
      { deadline: '2024-02-29', co: [ggfwc] },
    ];
    const points = [];
    for (const p of plan)
      points.push({
        ...p,
        ...(await fx.publish({ deadline: shift(p.deadline), coDepartmentIds: p.co })),
      });
    const [a, b, c] = points.map((p) => p.handle);
    if (!a || !b || !c) throw new Error('points were not published');

    // Checkpoints on the way. January's report is due 01-20 (the 25th is a holiday); the
    // missed report is flagged on Saturday 01-28, a working day: the point turns yellow then.
    await at('2023-01-27 12:00');
    expect((await state(a)).risk).toBe('green');
    await at('2023-01-28 09:30');
    expect(await state(a)).toMatchObject({ risk: 'yellow', reportMissedFor: shift('2023-01-20') });
    expect((await state(b)).effectiveDeadline).toBe(shift('2023-06-25'));
    // Point C's deadline moves to Thursday 09-28; it turns red on the first working day
    // after it, Saturday 10-07, at 09:00.
    await at('2023-10-07 08:59');
    expect(await state(c)).toMatchObject({
      overdue: false,
      effectiveDeadline: shift('2023-09-28'),
    });
    await at('2023-10-07 09:01');
    expect(await state(c)).toMatchObject({ overdue: true, risk: 'red' });
    // The read model holds the working-day deadline too, for the API to judge by.
    const rowC = await fx.ds.getRepository(WorkPointEntity).findOneByOrFail({
      id: points[2]?.pointId,
    });
    expect(rowC).toMatchObject({
      deadline: shift('2023-10-01'),
      effectiveDeadline: shift('2023-09-28'),
    });
    await at('2024-03-31 23:00');

    const until = '2024-03-31';
    const cos = new Map([
      [bhc, 'bhc'],
      [ggfwc, 'ggfwc'],
    ]);
    for (const p of points) {
      const expected = expectedRows({
        published: '2023-01-03',
        deadline: p.deadline,
        co: p.co.map((id) => cos.get(id) as string),
        until,
      });
      expect(await rows(p.pointId)).toEqual(expected);
    }
    // Spot checks of the independent schedule itself, worked out by hand.
    expect(
      expectedRows({ published: '2023-01-03', deadline: '2023-10-01', co: [], until }),
    ).toEqual(
      expect.arrayContaining([
        '2023-01-05 ack-reminder lead due 2023-01-05',
        '2023-01-18 report-reminder lead due 2023-01-20',
        '2023-01-28 report-missed lead due 2023-01-20',
        '2023-09-21 deadline-reminder lead due 2023-09-28',
        '2023-09-26 deadline-reminder lead due 2023-09-28',
        '2023-09-27 deadline-reminder lead due 2023-09-28',
        '2023-10-07 overdue lead-head due 2023-09-28',
        // 3 working days after Saturday 10-07: Sunday 10-08 (worked), 10-09, 10-10
        '2023-10-10 escalation supervisor due 2023-09-28',
        '2023-10-17 escalation coordinator due 2023-09-28',
      ]),
    );
    for (const p of points) {
      const row = await fx.ds.getRepository(WorkPointEntity).findOneByOrFail({ id: p.pointId });
      expect(row).toMatchObject({ status: 'assigned', overdue: true, risk: 'red' });
    }
  });

  it('follows acknowledgement, reports, an extension, a return, suspension and cancellation', async () => {
    const { staff, head, supervisor, coordinator } = fx;
    const [bhc] = fx.co.map((d) => d.id) as [string];
    await at('2024-04-01 10:00');
    const e = await fx.publish({ deadline: shift('2024-05-31'), coDepartmentIds: [bhc] });
    const f = await fx.publish({ deadline: shift('2024-04-30') });
    const g = await fx.publish({ deadline: shift('2024-12-31'), historyLimit: 100 });
    const gFirstRun = (await g.handle.describe()).runId;
    let n = 0;
    /** Sends an action with a fresh request id (also the update id). */
    const act = <A extends { requestId: string }>(
      handle: WorkflowHandle,
      update: UpdateDefinition<WorkPointState, [A]>,
      args: Omit<A, 'requestId'>,
    ): Promise<WorkPointState> => {
      n += 1;
      const requestId = `r${n}`;
      return handle.executeUpdate(update, {
        args: [{ ...args, requestId } as A],
        updateId: requestId,
      });
    };

    await at('2024-04-02 10:00');
    await act(e.handle, acknowledgeUpdate, { actor: staff });
    await g.handle.executeUpdate(acknowledgeUpdate, {
      args: [{ requestId: 'g-ack', actor: staff }],
    });
    await at('2024-04-10 10:00');
    await act(f.handle, suspendUpdate, { actor: coordinator, reason: '机构调整，暂停办理' });
    // A suspended point refuses the department's actions, with the reason.
    const refused = await f.handle
      .executeUpdate(acknowledgeUpdate, { args: [{ requestId: 'f-ack', actor: staff }] })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((refused as WorkflowUpdateFailedError).cause as ApplicationFailure).message).toContain(
      '已暂停',
    );
    await at('2024-04-22 10:00');
    await act(e.handle, reportProgressUpdate, { actor: staff, text: '四月进展', percent: 30 });
    await at('2024-04-24 10:00');
    await act(f.handle, resumeUpdate, { actor: coordinator, reason: null });
    await at('2024-04-29 12:00');
    const cancelled = await act(f.handle, cancelUpdate, {
      actor: coordinator,
      reason: '任务调整，不再单列',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', risk: 'green' });
    expect(await f.handle.result()).toMatchObject({ status: 'cancelled' });

    await at('2024-05-27 10:00');
    expect(await state(e.handle)).toMatchObject({
      risk: 'yellow',
      reportMissedFor: shift('2024-05-24'),
    });
    await at('2024-05-28 10:00');
    // Refused: asked for a date before the current deadline; then asked right; a second
    // request while one waits is refused.
    await expect(
      act(e.handle, requestExtensionUpdate, {
        actor: staff,
        deadline: shift('2024-05-30'),
        reason: '需要更多时间',
      }),
    ).rejects.toThrow();
    await act(e.handle, requestExtensionUpdate, {
      actor: staff,
      deadline: shift('2024-06-30'),
      reason: '需协调外部单位',
    });
    await expect(
      act(e.handle, requestExtensionUpdate, {
        actor: staff,
        deadline: shift('2024-07-30'),
        reason: '再延',
      }),
    ).rejects.toThrow();
    // The supervisor approves a shorter extension than asked: 06-28.
    const extended = await act(e.handle, decideExtensionUpdate, {
      actor: supervisor,
      approve: true,
      deadline: shift('2024-06-28'),
      comment: '同意延至6月28日',
    });
    expect(extended).toMatchObject({
      deadline: shift('2024-06-28'),
      pendingExtension: null,
      overdue: false,
      risk: 'yellow',
    });
    await at('2024-06-03 10:00');
    expect(
      (await act(e.handle, reportProgressUpdate, { actor: staff, text: '五月进展', percent: 60 }))
        .risk,
    ).toBe('green');
    await at('2024-06-21 10:00');
    expect((await state(e.handle)).risk).toBe('yellow'); // 5 working days before 06-28
    await at('2024-06-24 10:00');
    expect(
      (await act(e.handle, submitCompletionUpdate, { actor: staff, text: '已完成' })).risk,
    ).toBe('green');
    // Returned at 10:00 on 06-26, after that day's 09:00 reminder was passed over (completion
    // was submitted then): it is not sent late.
    await at('2024-06-26 10:00');
    expect(
      (await act(e.handle, returnUpdate, { actor: head, comment: '请补充佐证材料' })).risk,
    ).toBe('yellow');
    await at('2024-07-01 10:00');
    expect(await state(e.handle)).toMatchObject({ overdue: true, risk: 'red' });
    await at('2024-07-02 10:00');
    await act(e.handle, submitCompletionUpdate, { actor: staff, text: '已补充材料' });
    await at('2024-07-03 10:00');
    await act(e.handle, approveUpdate, { actor: head, comment: null });
    await at('2024-07-05 10:00');
    await act(e.handle, approveUpdate, { actor: supervisor, comment: '同意办结' });
    expect(await e.handle.result()).toMatchObject({ status: 'completed', risk: 'green' });
    await at('2024-09-30 10:00');

    expect(await rows(e.pointId)).toEqual(
      [
        // 04-23 reminder and 04-26 flag dropped: reported 04-22
        '2024-05-22 report-reminder lead due 2024-05-24', // 05-25 is a Saturday: due Friday 05-24
        '2024-05-22 report-reminder co:bhc due 2024-05-24',
        '2024-05-24 deadline-reminder lead due 2024-05-31',
        '2024-05-24 deadline-reminder co:bhc due 2024-05-31',
        '2024-05-27 report-missed lead due 2024-05-24',
        '2024-05-27 report-missed lead-head due 2024-05-24',
        // 05-29 and 05-30 reminders of the old deadline dropped by the extension;
        // June's report (due 06-25) came on 06-03
        '2024-06-21 deadline-reminder lead due 2024-06-28',
        '2024-06-21 deadline-reminder co:bhc due 2024-06-28',
        // submitted 06-24, returned 06-26 10:00: that day's reminder is not sent late, the
        // last one goes out again
        '2024-06-27 deadline-reminder lead due 2024-06-28',
        '2024-06-27 deadline-reminder co:bhc due 2024-06-28',
        '2024-07-01 overdue lead due 2024-06-28',
        '2024-07-01 overdue lead-head due 2024-06-28',
        '2024-07-04 escalation supervisor due 2024-06-28', // completed 07-05: nothing after
      ].sort(),
    );
    expect(await rows(f.pointId)).toEqual(
      [
        '2024-04-03 ack-reminder lead due 2024-04-03',
        // suspended 04-10 … resumed 04-24 10:00: the 04-23 reminder and the 04-24 deadline
        // reminder are not sent late
        '2024-04-26 report-missed lead due 2024-04-25',
        '2024-04-26 report-missed lead-head due 2024-04-25',
        '2024-04-28 deadline-reminder lead due 2024-04-30', // a Sunday that was worked
        '2024-04-29 deadline-reminder lead due 2024-04-30',
        // cancelled 04-29: no overdue notice on 05-06
      ].sort(),
    );

    // G has continued as new several times; the acknowledgement's request id is still known,
    // so a retry is one action, and reusing it for another action is refused.
    const described = await g.handle.describe();
    expect(described.runId).not.toBe(gFirstRun);
    const before = await state(g.handle);
    const retried = await g.handle.executeUpdate(acknowledgeUpdate, {
      args: [{ requestId: 'g-ack', actor: staff }],
    });
    expect(retried.version).toBe(before.version);
    expect(before.appliedRequests['g-ack']).toBe('acknowledge');
    const reused = await g.handle
      .executeUpdate(reportProgressUpdate, {
        args: [{ requestId: 'g-ack', actor: staff, text: 'x', percent: null }],
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(((reused as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe(
      'REQUEST_ID_REUSED',
    );
    expect(
      await fx.ds
        .getRepository(AuditEventEntity)
        .countBy({ pointId: g.pointId, requestId: 'g-ack' }),
    ).toBe(1);
    // Its monthly reminders kept coming across the hand-overs, once each.
    const gRows = await rows(g.pointId);
    expect(gRows.filter((r) => r.includes('report-reminder'))).toEqual([
      '2024-04-23 report-reminder lead due 2024-04-25',
      '2024-05-22 report-reminder lead due 2024-05-24',
      '2024-06-21 report-reminder lead due 2024-06-25',
      '2024-07-23 report-reminder lead due 2024-07-25',
      '2024-08-21 report-reminder lead due 2024-08-23', // 08-25 is a Sunday
      '2024-09-23 report-reminder lead due 2024-09-25',
    ]);

    await fx.recordHistory(e.workflowId, 'work-point-extension-return-overdue-completed');
    await fx.recordHistory(f.workflowId, 'work-point-suspended-resumed-cancelled');
    // G's first run ends in continue-as-new; its latest run started from the carried state.
    await fx.recordHistory(g.workflowId, 'work-point-continued-as-new', gFirstRun);
    await fx.recordHistory(g.workflowId, 'work-point-carried-over');
  });
});
