import { WorkCalendar, buildCalendarData } from '@workpoints/calendar';
import { DEFAULT_POLICY } from '@workpoints/contracts';
import { noticeSchedule, yellowFrom } from './notice-schedule';

// 2023 National Day: 2023-09-29 … 2023-10-06 off, Saturday 10-07 and Sunday 10-08 worked;
// 2024-01-01 (Monday) off. Dates below are worked out by hand from that, not by the calendar.
const calendar = new WorkCalendar(buildCalendarData([2023, 2024]));
const brief = (n: { date: string; kind: string; recipients: string[] }) =>
  `${n.date} ${n.kind} ${n.recipients.join('+')}`;

describe('noticeSchedule with the default policy', () => {
  it('chases a point across the 2023 National Day holiday and its 调休 weekend', () => {
    const notices = noticeSchedule({
      publishedOn: '2023-09-26',
      deadline: '2023-10-12',
      policy: DEFAULT_POLICY,
      calendar,
      until: '2023-10-31',
    });
    expect(notices.map(brief)).toEqual([
      '2023-09-28 ack-reminder lead', // 2nd working day after Tuesday 09-26
      '2023-10-07 deadline-reminder lead+co', // 5th working day before Thursday 10-12: a Saturday that was worked
      '2023-10-10 deadline-reminder lead+co',
      '2023-10-11 deadline-reminder lead+co',
      '2023-10-13 overdue lead+lead-head',
      '2023-10-18 escalation supervisor', // 3 working days after the overdue day
      '2023-10-25 escalation coordinator', // then every 5 working days
    ]);
    expect(notices[0]?.at).toBe('2023-09-28T01:00:00.000Z'); // 09:00 in Shanghai
  });

  it('reminds of monthly reports two working days ahead and flags them missed the next working day', () => {
    const notices = noticeSchedule({
      publishedOn: '2023-09-01',
      deadline: '2023-12-29',
      policy: DEFAULT_POLICY,
      calendar,
      until: '2024-01-12',
    }).filter(
      (n) => n.kind.startsWith('report') || n.kind === 'overdue' || n.kind === 'escalation',
    );
    expect(notices.map(brief)).toEqual([
      '2023-09-21 report-reminder lead+co', // due Monday 09-25
      '2023-09-26 report-missed lead+lead-head',
      '2023-10-23 report-reminder lead+co', // due Wednesday 10-25
      '2023-10-26 report-missed lead+lead-head',
      '2023-11-22 report-reminder lead+co', // 11-25 is a Saturday: due Friday 11-24
      '2023-11-27 report-missed lead+lead-head',
      '2023-12-21 report-reminder lead+co', // due Monday 12-25
      '2023-12-26 report-missed lead+lead-head',
      '2024-01-02 overdue lead+lead-head', // deadline Friday 12-29; 01-01 is a holiday
      '2024-01-05 escalation supervisor',
      '2024-01-12 escalation coordinator',
    ]);
    expect(notices.find((n) => n.kind === 'report-missed')?.dueDate).toBe('2023-09-25');
  });

  it('moves a deadline on a holiday to the working day before, or after when the policy says so', () => {
    const base = {
      publishedOn: '2023-09-01',
      deadline: '2023-10-03',
      calendar,
      until: '2023-10-10',
    };
    const before = noticeSchedule({
      ...base,
      policy: { ...DEFAULT_POLICY, reportCadence: 'none' },
    });
    expect(before.find((n) => n.kind === 'overdue')?.dueDate).toBe('2023-09-28');
    const after = noticeSchedule({
      ...base,
      policy: { ...DEFAULT_POLICY, reportCadence: 'none', nonWorkdayRule: 'next' },
    });
    expect(after.find((n) => n.kind === 'overdue')).toMatchObject({
      dueDate: '2023-10-07',
      date: '2023-10-08',
    });
  });

  it('refuses to guess for a year the calendar does not know', () => {
    expect(() =>
      noticeSchedule({
        publishedOn: '2023-12-01',
        deadline: '2031-03-31',
        policy: DEFAULT_POLICY,
        calendar,
        until: '2031-04-30',
      }),
    ).toThrow('2031');
  });

  it('says which days a report answers, and ends only the series a year it does not know cuts', () => {
    const unknown: number[] = [];
    const notices = noticeSchedule({
      publishedOn: '2024-11-04',
      deadline: '2024-12-31',
      policy: DEFAULT_POLICY,
      calendar: new WorkCalendar(buildCalendarData([2024])),
      until: '2025-03-31',
      onUnknownYear: (year) => unknown.push(year),
    });
    expect(
      notices.filter((n) => n.kind === 'report-missed').map((n) => [n.periodStart, n.dueDate]),
    ).toEqual([
      ['2024-11-04', '2024-11-25'],
      ['2024-11-25', '2024-12-25'],
    ]);
    // the overdue day (2025-01-02) needs 2025: that series stops, the rest is there
    expect(notices.map((n) => n.kind)).not.toContain('overdue');
    expect(notices.filter((n) => n.kind === 'deadline-reminder')).toHaveLength(3);
    expect(unknown).toEqual([2025]);
  });
});

describe('yellowFrom', () => {
  it('opens the yellow window at the reminder time, 5 working days before the moved deadline', () => {
    // deadline Sunday 2023-10-01 → Thursday 09-28; 5 working days before: 09-21
    expect(yellowFrom('2023-10-01', DEFAULT_POLICY, calendar)).toBe('2023-09-21T01:00:00.000Z');
    expect(
      yellowFrom('2023-10-01', { ...DEFAULT_POLICY, yellowWithinWorkdays: 0 }, calendar),
    ).toBeNull();
  });
});
