import { WorkCalendar, buildCalendarData } from '@workpoints/calendar';
import {
  deadlineInstant,
  deadlinePassed,
  effectiveDeadline,
  isCalendarDate,
  shanghaiDate,
} from './deadline';
import { riskColour } from './risk';

describe('deadlines in Asia/Shanghai', () => {
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-06-30')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-6-30')).toBe(false);
    expect(isCalendarDate('30/06/2026')).toBe(false);
  });

  it('falls due at the end of the day in Shanghai (15:59:59.999 UTC)', () => {
    expect(deadlineInstant('2026-06-30').toISOString()).toBe('2026-06-30T15:59:59.999Z');
    expect(() => deadlineInstant('2026-02-30')).toThrow('不是有效日期');
  });

  it('reads the Shanghai date of an instant', () => {
    expect(shanghaiDate(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
    expect(shanghaiDate(new Date('2026-06-30T15:59:59Z'))).toBe('2026-06-30');
  });

  it('moves a deadline on a holiday to a working day, by the rule, when the year is known', () => {
    const calendar = new WorkCalendar(buildCalendarData([2026]));
    // 国庆 2026: 10-01…10-07 off
    expect(effectiveDeadline('2026-10-01', 'previous', calendar)).toBe('2026-09-30');
    expect(effectiveDeadline('2026-10-01', 'next', calendar)).toBe('2026-10-08');
    // Saturday 10-10 is worked: it stays
    expect(effectiveDeadline('2026-10-10', 'previous', calendar)).toBe('2026-10-10');
    // a year the calendar does not know: as assigned, never a guess
    expect(effectiveDeadline('2027-01-02', 'previous', calendar)).toBe('2027-01-02');
  });

  it('passes a deadline after the end of its day in Shanghai', () => {
    expect(deadlinePassed('2026-09-30', Date.parse('2026-09-30T15:59:59.999Z'))).toBe(false);
    expect(deadlinePassed('2026-09-30', new Date('2026-09-30T16:00:00.000Z'))).toBe(true);
  });

  it('colours overdue open points red and everything else green', () => {
    expect(riskColour({ status: 'in_progress', overdue: true })).toBe('red');
    expect(riskColour({ status: 'in_progress', overdue: false })).toBe('green');
    expect(riskColour({ status: 'completed', overdue: true })).toBe('green');
    expect(riskColour({ status: 'cancelled', overdue: true })).toBe('green');
    expect(riskColour({ status: 'in_progress', overdue: false, reportMissing: true })).toBe(
      'yellow',
    );
    expect(riskColour({ status: 'in_progress', overdue: false, deadlineNear: true })).toBe(
      'yellow',
    );
    // completion submitted: a near deadline is not a risk, a missed report still is
    expect(riskColour({ status: 'submitted', overdue: false, deadlineNear: true })).toBe('green');
    expect(riskColour({ status: 'submitted', overdue: false, reportMissing: true })).toBe('yellow');
    expect(riskColour({ status: 'in_progress', overdue: true, reportMissing: true })).toBe('red');
  });
});
