import { WorkCalendar, buildCalendarData } from '@workpoints/calendar';
import {
  applies,
  catchUpOverdue,
  deadlineNear,
  nextWake,
  noticeEffects,
  overdueAfterNewDeadline,
  overdueAt,
  passOver,
  type ChaseState,
  type Wake,
} from './chase';
import type { ScheduledNotice } from './notice-schedule';
import { resolvePolicy } from './policy';

/*
 * Every date below is worked out by hand on the State Council's 2026 schedule (国办发明电
 * 〔2025〕7号), not computed: 中秋 Friday 09-25 off; 国庆 10-01…10-07 off, Sunday 09-20 and
 * Saturday 10-10 worked; 春节 02-16…02-23 off, Saturdays 02-14 and 02-28 worked. 2027 is
 * entered as weekends-only, as an office does for a year the package does not know yet.
 * Notices go out at 09:00 Shanghai time, 01:00 UTC.
 */
const calendar = new WorkCalendar(
  buildCalendarData([2026, 2027], [{ year: 2027, kind: 'weekends-only' }]),
);
/** Only 2026: a series that runs into 2027 stops there. */
const calendar2026 = new WorkCalendar(buildCalendarData([2026]));

/** Milliseconds of `YYYY-MM-DD HH:MM` in Asia/Shanghai. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const iso = (local: string) => new Date(at(local)).toISOString();

/** A point due on 国庆 (Thursday 10-01), published Tuesday 09-01 at 10:00, default policy. */
const beforeNationalDay = (changes: Partial<ChaseState> = {}): ChaseState => ({
  status: 'assigned',
  deadline: '2026-10-01',
  // moved back to Wednesday 09-30, the last working day before the holiday
  effectiveDeadline: '2026-09-30',
  policy: resolvePolicy(),
  publishedOn: '2026-09-01',
  overdue: false,
  reportDays: [],
  noticesThrough: iso('2026-09-01 10:00'),
  ...changes,
});

const describeWake = (wake: Wake | null) =>
  wake && {
    at: new Date(wake.at).toISOString(),
    notices: wake.notices.map((n) => `${n.kind} due ${n.dueDate}`),
    refresh: wake.refresh,
  };

describe('the chase of a point', () => {
  it('wakes for each notice of a point nobody acts on, from publication to escalation', () => {
    let state = beforeNationalDay();
    const wakes: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const wake = nextWake(state, calendar, Date.parse(state.noticesThrough));
      if (!wake) break;
      wakes.push(`${new Date(wake.at).toISOString()} ${wake.notices.map((n) => n.kind).join(',')}`);
      state = { ...state, noticesThrough: new Date(wake.at).toISOString() };
    }
    expect(wakes).toEqual([
      // acknowledgement due 2 working days after Tuesday 09-01
      '2026-09-03T01:00:00.000Z ack-reminder',
      // 5 working days before 09-30 (09-29, 28, 24, 23, 22: 中秋 and the weekend skipped), and
      // 2 before September's report, due Thursday 09-24 as the 25th is 中秋
      '2026-09-22T01:00:00.000Z deadline-reminder,report-reminder',
      // the report flagged missed on the next working day after 09-24: Monday 09-28
      '2026-09-28T01:00:00.000Z deadline-reminder,report-missed',
      '2026-09-29T01:00:00.000Z deadline-reminder',
      // overdue on the first working day after 国庆
      '2026-10-08T01:00:00.000Z overdue',
      // 3 working days later (10-09, Saturday 10-10 worked, 10-12), then every 5
      '2026-10-12T01:00:00.000Z escalation',
      '2026-10-19T01:00:00.000Z escalation',
      '2026-10-26T01:00:00.000Z escalation',
    ]);
  });

  it('drops what an action has answered', () => {
    const now = at('2026-09-21 20:00');
    const planned = beforeNationalDay({
      status: 'in_progress',
      noticesThrough: new Date(now).toISOString(),
    });
    expect(describeWake(nextWake(planned, calendar, now))).toEqual({
      at: '2026-09-22T01:00:00.000Z',
      notices: ['deadline-reminder due 2026-09-30', 'report-reminder due 2026-09-24'],
      refresh: false,
    });
    // reported on 09-10: September's report reminder has nothing left to chase
    const reported = { ...planned, reportDays: ['2026-09-10'] };
    expect(describeWake(nextWake(reported, calendar, now))?.notices).toEqual([
      'deadline-reminder due 2026-09-30',
    ]);
    // completion submitted: only the overdue turn remains, should sign-off not come in time
    const submitted = { ...planned, status: 'submitted' as const };
    expect(describeWake(nextWake(submitted, calendar, now))).toEqual({
      at: '2026-10-08T01:00:00.000Z',
      notices: ['overdue due 2026-09-30'],
      refresh: false,
    });
  });

  it('wakes on a worked Saturday before Spring Festival', () => {
    // Published Thursday 02-12: acknowledgement due Saturday 02-14 (worked), and February's
    // report, due Wednesday 02-25, is reminded 2 working days before it (02-24, then 02-14).
    const state: ChaseState = {
      ...beforeNationalDay(),
      deadline: '2026-06-30',
      effectiveDeadline: '2026-06-30',
      publishedOn: '2026-02-12',
      noticesThrough: iso('2026-02-12 10:00'),
    };
    const now = at('2026-02-12 10:00');
    expect(describeWake(nextWake(state, calendar, now))).toEqual({
      at: '2026-02-14T01:00:00.000Z',
      notices: ['ack-reminder due 2026-02-14', 'report-reminder due 2026-02-25'],
      refresh: false,
    });
    const acknowledged = { ...state, status: 'acknowledged' as const };
    expect(describeWake(nextWake(acknowledged, calendar, now))?.notices).toEqual([
      'report-reminder due 2026-02-25',
    ]);
  });

  it('loads the calendar again in a day when a series runs into a year it does not know', () => {
    // Deadline Thursday 12-31: the overdue turn would fall in 2027, which nobody entered.
    const now = at('2026-12-20 10:00');
    const state = beforeNationalDay({
      status: 'in_progress',
      deadline: '2026-12-31',
      effectiveDeadline: '2026-12-31',
      noticesThrough: new Date(now).toISOString(),
    });
    expect(describeWake(nextWake(state, calendar2026, now))).toEqual({
      at: '2026-12-21T02:00:00.000Z',
      notices: [],
      refresh: true,
    });
    // Once 2027 is known the first notice is December's report reminder, 2 working days
    // before Friday 12-25.
    expect(describeWake(nextWake(state, calendar, now))).toEqual({
      at: '2026-12-23T01:00:00.000Z',
      notices: ['report-reminder due 2026-12-25'],
      refresh: false,
    });
  });

  it('opens the yellow window and turns overdue on the working days around the holiday', () => {
    const state = beforeNationalDay();
    expect(deadlineNear(state, calendar, at('2026-09-22 08:59'))).toBe(false);
    expect(deadlineNear(state, calendar, at('2026-09-22 09:00'))).toBe(true);
    expect(deadlineNear(state, null, at('2026-09-29 09:00'))).toBe(false);
    expect(overdueAt(state, calendar)).toBe(Date.parse('2026-10-08T01:00:00.000Z'));
    // Moved forward by the rule 'next', the deadline is Thursday 10-08; overdue on Friday 10-09.
    const next = { ...state, effectiveDeadline: '2026-10-08' };
    expect(overdueAt(next, calendar)).toBe(Date.parse('2026-10-09T01:00:00.000Z'));
    expect(overdueAt(state, null)).toBeNull();
  });

  it('turns a point overdue late when it was suspended over its overdue day', () => {
    const state = beforeNationalDay({ status: 'acknowledged' });
    expect(catchUpOverdue(state, calendar, at('2026-10-08 08:59'))).toBeNull();
    expect(catchUpOverdue(state, calendar, at('2026-10-09 10:00'))).toEqual({
      kind: 'overdue',
      dueDate: '2026-09-30',
      noticeDate: '2026-10-09',
      recipients: ['lead', 'lead-head'],
    });
    expect(catchUpOverdue({ ...state, overdue: true }, calendar, at('2026-10-09 10:00'))).toBe(
      null,
    );
  });

  it('clears red when a new deadline is still ahead', () => {
    const red = beforeNationalDay({ overdue: true });
    const now = at('2026-10-15 10:00');
    // moved to Monday 11-30: overdue again on Tuesday 12-01 only
    expect(
      overdueAfterNewDeadline({ ...red, effectiveDeadline: '2026-11-30' }, calendar, now),
    ).toBe(false);
    // moved to Friday 10-09: its overdue instant, Saturday 10-10 (worked) 09:00, has passed
    expect(
      overdueAfterNewDeadline({ ...red, effectiveDeadline: '2026-10-09' }, calendar, now),
    ).toBe(true);
    expect(overdueAfterNewDeadline({ ...red, effectiveDeadline: '2026-11-30' }, null, now)).toBe(
      true,
    );
  });

  it('passes over what fell due during an interruption, keeping the planned wake due', () => {
    const wake: Wake = { at: at('2026-09-22 09:00'), notices: [], refresh: false };
    const through = iso('2026-09-21 20:00');
    // someone acted at 08:30: everything up to then is passed over
    expect(passOver(through, wake, at('2026-09-22 08:30'))).toBe(iso('2026-09-22 08:30'));
    // the action came with the timer: the 09:00 notices stay due
    expect(passOver(through, wake, at('2026-09-22 09:00'))).toBe('2026-09-22T00:59:59.999Z');
    // nothing was planned: up to now
    expect(passOver(through, null, at('2026-09-23 11:00'))).toBe(iso('2026-09-23 11:00'));
    // never backwards
    expect(passOver(iso('2026-09-23 11:00'), null, at('2026-09-22 11:00'))).toBe(
      iso('2026-09-23 11:00'),
    );
  });

  it('counts a report in its period, up to and including the due day', () => {
    const missed: ScheduledNotice = {
      at: iso('2026-09-28 09:00'),
      date: '2026-09-28',
      kind: 'report-missed',
      recipients: ['lead', 'lead-head'],
      dueDate: '2026-09-24',
      periodStart: '2026-08-25',
    };
    const state = beforeNationalDay({ status: 'in_progress' });
    expect(applies(missed, state)).toBe(true);
    expect(applies(missed, { ...state, reportDays: ['2026-08-25'] })).toBe(true);
    expect(applies(missed, { ...state, reportDays: ['2026-09-24'] })).toBe(false);
    expect(applies(missed, { ...state, reportDays: ['2026-09-25'] })).toBe(true);
    expect(applies(missed, { ...state, status: 'head_approved' })).toBe(false);
    const ack: ScheduledNotice = { ...missed, kind: 'ack-reminder', recipients: ['lead'] };
    expect(applies(ack, state)).toBe(false);
    expect(applies(ack, { ...state, status: 'assigned' })).toBe(true);
    const escalation: ScheduledNotice = {
      ...missed,
      kind: 'escalation',
      recipients: ['supervisor'],
    };
    expect(applies(escalation, { ...state, status: 'submitted' })).toBe(true);
  });

  it('turns red with the overdue notice and flags the missed report', () => {
    const notice = (kind: ScheduledNotice['kind'], dueDate: string): ScheduledNotice => ({
      at: iso('2026-10-08 09:00'),
      date: '2026-10-08',
      kind,
      recipients: ['lead'],
      dueDate,
    });
    expect(
      noticeEffects([notice('report-missed', '2026-09-24'), notice('overdue', '2026-09-30')], {
        overdue: false,
        reportMissedFor: null,
      }),
    ).toEqual({ overdue: true, turnedOverdue: true, reportMissedFor: '2026-09-24' });
    expect(
      noticeEffects([notice('overdue', '2026-09-30')], { overdue: true, reportMissedFor: null }),
    ).toEqual({ overdue: true, turnedOverdue: false, reportMissedFor: null });
  });
});
