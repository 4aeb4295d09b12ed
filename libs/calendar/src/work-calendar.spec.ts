import * as chineseDays from 'chinese-days';
import packageData from 'chinese-days/dist/chinese-days.json';
import { buildCalendarData, type CalendarData, PACKAGE_KNOWN_YEARS } from './calendar-data';
import { fromDayNumber, toDayNumber } from './dates';
import { UnknownYearError, unlessUnknownYear } from './errors';
import { WorkCalendar } from './work-calendar';

const raw = packageData as { holidays: Record<string, string>; workdays: Record<string, string> };

/** Every date from `from` to `to`, inclusive. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = toDayNumber(from); d <= toDayNumber(to); d++) out.push(fromDayNumber(d));
  return out;
}

describe('the package data (chinese-days 1.5.7)', () => {
  it('knows 2004 to 2026, and not 2027 although its isWorkday answers a weekday guess', () => {
    expect(PACKAGE_KNOWN_YEARS).toEqual(years(2004, 2026));
    expect(PACKAGE_KNOWN_YEARS).not.toContain(2027);
    // The package itself silently guesses for 2027: National Day would be a "working day".
    expect(chineseDays.isWorkday('2027-10-01')).toBe(true);
    expect(Object.keys(raw.holidays).some((d) => d.startsWith('2027-'))).toBe(false);
  });

  it('holds the 2023 and 2024 seasons this suite asserts (looked up in chinese-days.json)', () => {
    // 2023 National Day + Mid-autumn: 2023-09-29 .. 2023-10-06 off; 2023-10-07 (Sat), 2023-10-08 (Sun) worked.
    for (const d of range('2023-09-29', '2023-10-06')) expect(raw.holidays[d]).toBeDefined();
    expect(raw.workdays['2023-10-07']).toMatch(/国庆节/);
    expect(raw.workdays['2023-10-08']).toMatch(/国庆节/);
    // 2024 Spring Festival: 2024-02-10 .. 2024-02-17 off; Sundays 2024-02-04 and 2024-02-18 worked.
    for (const d of range('2024-02-10', '2024-02-17')) expect(raw.holidays[d]).toMatch(/春节/);
    expect(raw.workdays['2024-02-04']).toMatch(/春节/);
    expect(raw.workdays['2024-02-18']).toMatch(/春节/);
    // 2024 National Day: 2024-10-01 .. 2024-10-07 off; 2024-09-29 (Sun), 2024-10-12 (Sat) worked.
    for (const d of range('2024-10-01', '2024-10-07')) expect(raw.holidays[d]).toMatch(/国庆节/);
    expect(raw.workdays['2024-09-29']).toMatch(/国庆节/);
    expect(raw.workdays['2024-10-12']).toMatch(/国庆节/);
  });
});

function years(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('WorkCalendar on the package data', () => {
  const calendar = new WorkCalendar(buildCalendarData([2022, 2023, 2024, 2025]));

  it('agrees with chinese-days on every day of every year the package knows', () => {
    const all = new WorkCalendar(buildCalendarData([...PACKAGE_KNOWN_YEARS]));
    const first = PACKAGE_KNOWN_YEARS[0];
    const last = PACKAGE_KNOWN_YEARS[PACKAGE_KNOWN_YEARS.length - 1];
    for (const d of range(`${first}-01-01`, `${last}-12-31`)) {
      if (all.isWorkday(d) !== chineseDays.isWorkday(d)) throw new Error(`mismatch on ${d}`);
    }
  });

  it('stores only weekday holidays and weekend working days', () => {
    const data = buildCalendarData([2024]);
    expect(data.knownYears).toEqual([2024]);
    expect(data.holidays).toContain('2024-02-12'); // Monday of Spring Festival
    expect(data.holidays).not.toContain('2024-02-10'); // a Saturday: off anyway
    expect(data.workdays).toEqual([
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ]);
  });

  it('2023 National Day: 09-29..10-06 off, Saturday 10-07 and Sunday 10-08 worked', () => {
    for (const d of range('2023-09-29', '2023-10-06')) expect(calendar.isWorkday(d)).toBe(false);
    expect(calendar.isWorkday('2023-10-07')).toBe(true);
    expect(calendar.isWorkday('2023-10-08')).toBe(true);
    expect(calendar.isWorkday('2023-09-28')).toBe(true);
    expect(calendar.isWorkday('2023-10-14')).toBe(false); // an ordinary Saturday
  });

  it('2024 Spring Festival: 02-10..02-17 off, Sundays 02-04 and 02-18 worked', () => {
    for (const d of range('2024-02-10', '2024-02-17')) expect(calendar.isWorkday(d)).toBe(false);
    expect(calendar.isWorkday('2024-02-04')).toBe(true);
    expect(calendar.isWorkday('2024-02-18')).toBe(true);
    expect(calendar.isWorkday('2024-02-03')).toBe(false); // the Saturday before: an ordinary weekend
  });

  it('2024 National Day: 10-01..10-07 off, Sunday 09-29 and Saturday 10-12 worked', () => {
    for (const d of range('2024-10-01', '2024-10-07')) expect(calendar.isWorkday(d)).toBe(false);
    expect(calendar.isWorkday('2024-09-29')).toBe(true);
    expect(calendar.isWorkday('2024-10-12')).toBe(true);
  });

  it('finds the next and previous working day, strictly after / before', () => {
    expect(calendar.nextWorkday('2023-09-28')).toBe('2023-10-07');
    expect(calendar.nextWorkday('2023-10-07')).toBe('2023-10-08');
    expect(calendar.nextWorkday('2023-10-08')).toBe('2023-10-09');
    expect(calendar.previousWorkday('2023-10-07')).toBe('2023-09-28');
    expect(calendar.previousWorkday('2024-02-18')).toBe('2024-02-09');
    expect(calendar.nextWorkday('2024-02-09')).toBe('2024-02-18');
    expect(calendar.previousWorkday('2024-10-12')).toBe('2024-10-11');
  });

  it('adds working days across holidays and 调休 weekends', () => {
    expect(calendar.addWorkdays('2023-09-28', 1)).toBe('2023-10-07');
    expect(calendar.addWorkdays('2023-09-28', 2)).toBe('2023-10-08');
    expect(calendar.addWorkdays('2023-09-28', 3)).toBe('2023-10-09');
    expect(calendar.addWorkdays('2024-02-08', 2)).toBe('2024-02-18');
    expect(calendar.addWorkdays('2024-09-27', 1)).toBe('2024-09-29');
    expect(calendar.addWorkdays('2024-09-29', 1)).toBe('2024-09-30');
    expect(calendar.addWorkdays('2024-09-30', 1)).toBe('2024-10-08');
    // From a non-working day: the first step lands on the next working day.
    expect(calendar.addWorkdays('2023-10-01', 1)).toBe('2023-10-07');
  });

  it('subtracts working days with negative counts', () => {
    expect(calendar.addWorkdays('2023-10-07', -1)).toBe('2023-09-28');
    expect(calendar.addWorkdays('2024-10-08', -1)).toBe('2024-09-30');
    expect(calendar.addWorkdays('2024-10-08', -2)).toBe('2024-09-29');
    expect(calendar.addWorkdays('2024-10-08', -3)).toBe('2024-09-27');
    expect(calendar.addWorkdays('2024-02-19', -2)).toBe('2024-02-09');
    expect(calendar.addWorkdays('2023-10-04', -1)).toBe('2023-09-28');
  });

  it('crosses a year boundary (New Year 2024: 2024-01-01 Monday off)', () => {
    expect(calendar.addWorkdays('2023-12-29', 1)).toBe('2024-01-02');
    expect(calendar.addWorkdays('2024-01-02', -1)).toBe('2023-12-29');
    expect(calendar.nextWorkday('2023-12-31')).toBe('2024-01-02');
    // 2023-01-01 (Sun) and 2023-01-02 (Mon) were New Year holidays.
    expect(calendar.previousWorkday('2023-01-03')).toBe('2022-12-30');
  });

  it('returns the date itself for 0 on a working day and refuses 0 on a rest day', () => {
    expect(calendar.addWorkdays('2023-10-07', 0)).toBe('2023-10-07');
    expect(() => calendar.addWorkdays('2023-10-01', 0)).toThrow(RangeError);
    expect(() => calendar.addWorkdays('2023-10-09', 1.5)).toThrow(RangeError);
  });

  it('is linear: a year of working days forward and back is quick and consistent', () => {
    const started = Date.now();
    const end = calendar.addWorkdays('2022-01-04', 700);
    expect(calendar.addWorkdays(end, -700)).toBe('2022-01-04');
    let count = 0;
    for (const d of range('2024-01-01', '2024-12-31')) if (calendar.isWorkday(d)) count++;
    // 2024: 262 weekdays - 19 weekday holidays + 8 调休 weekends (per the package data) = 251.
    expect(buildCalendarData([2024]).holidays).toHaveLength(19);
    expect(count).toBe(251);
    expect(calendar.addWorkdays('2023-12-31', 251)).toBe(calendar.previousWorkday('2025-01-01'));
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('moves a deadline on a non-working day: previous by default, next on request', () => {
    expect(calendar.adjustDeadline('2024-10-01')).toBe('2024-09-30');
    expect(calendar.adjustDeadline('2024-10-01', 'previous')).toBe('2024-09-30');
    expect(calendar.adjustDeadline('2024-10-01', 'next')).toBe('2024-10-08');
    expect(calendar.adjustDeadline('2024-02-17', 'previous')).toBe('2024-02-09');
    expect(calendar.adjustDeadline('2024-02-17', 'next')).toBe('2024-02-18');
    expect(calendar.adjustDeadline('2024-06-30')).toBe('2024-06-28'); // a Sunday
    expect(calendar.adjustDeadline('2024-06-28', 'next')).toBe('2024-06-28'); // already a working day
    expect(calendar.adjustDeadline('2023-10-08', 'previous')).toBe('2023-10-08'); // 调休 Sunday
  });

  it('throws UnknownYearError for a year it does not know, never a weekday guess', () => {
    expect(calendar.isKnown(2024)).toBe(true);
    expect(calendar.isKnown(2027)).toBe(false);
    expect(calendar.unknownYears(['2024-05-01', '2027-03-01', '2021-01-04', '2027-12-31'])).toEqual(
      [2021, 2027],
    );
    expect(() => calendar.isWorkday('2027-10-01')).toThrow(UnknownYearError);
    expect(() => calendar.nextWorkday('2025-12-31')).toThrow(UnknownYearError);
    expect(() => calendar.addWorkdays('2025-12-30', 2)).toThrow(UnknownYearError);
    expect(() => calendar.previousWorkday('2022-01-04')).toThrow(UnknownYearError); // 2022-01-03 off, then 2021
    try {
      calendar.adjustDeadline('2027-01-01');
      throw new Error('expected UnknownYearError');
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownYearError);
      const e = error as UnknownYearError;
      expect(e.year).toBe(2027);
      expect(e.name).toBe('UnknownYearError');
      expect(e.message).toContain('2027');
      expect(e.message).toContain('节假日');
      expect(e.message).toContain('仅按周末休息');
    }
    // A year the package does not know stays unknown when built.
    expect(buildCalendarData([2027]).knownYears).toEqual([]);
  });

  it('rejects invalid dates with RangeError', () => {
    expect(() => calendar.isWorkday('2024-02-30')).toThrow(RangeError);
    expect(() => calendar.nextWorkday('2024/02/03')).toThrow(/不是有效日期/);
    expect(() => calendar.unknownYears(['nope'])).toThrow(RangeError);
    expect(() => buildCalendarData([2024], [{ date: '2024-13-01', kind: 'holiday' }])).toThrow(
      RangeError,
    );
    expect(() => buildCalendarData([2024.5])).toThrow(RangeError);
  });
});

describe('admin overrides', () => {
  it('a holiday override takes a working day off, and a workday override gives one back', () => {
    const data = buildCalendarData(
      [2024],
      [
        { date: '2024-06-03', kind: 'holiday' }, // a Monday
        { date: '2024-10-12', kind: 'holiday' }, // a 调休 Saturday, cancelled
        { date: '2024-06-08', kind: 'workday' }, // an ordinary Saturday
        { date: '2024-10-07', kind: 'workday' }, // a National Day Monday
      ],
    );
    const calendar = new WorkCalendar(data);
    expect(calendar.isWorkday('2024-06-03')).toBe(false);
    expect(calendar.isWorkday('2024-10-12')).toBe(false);
    expect(calendar.isWorkday('2024-06-08')).toBe(true);
    expect(calendar.isWorkday('2024-10-07')).toBe(true);
    expect(calendar.nextWorkday('2024-05-31')).toBe('2024-06-04');
  });

  it('the later override for the same date wins', () => {
    const data = buildCalendarData(
      [2024],
      [
        { date: '2024-06-03', kind: 'holiday' },
        { date: '2024-06-03', kind: 'workday' },
      ],
    );
    expect(new WorkCalendar(data).isWorkday('2024-06-03')).toBe(true);
  });

  it('date overrides make an unknown year known (the admin enters its schedule)', () => {
    const data = buildCalendarData(
      [2026, 2027],
      [
        { date: '2027-01-01', kind: 'holiday' },
        { date: '2027-02-06', kind: 'workday' }, // a Saturday
      ],
    );
    expect(data.knownYears).toEqual([2026, 2027]);
    const calendar = new WorkCalendar(data);
    expect(calendar.isWorkday('2027-01-01')).toBe(false);
    expect(calendar.isWorkday('2027-02-06')).toBe(true);
    expect(calendar.nextWorkday('2026-12-31')).toBe('2027-01-04');
  });

  it('weekends-only makes a year known with no holidays, even over package data', () => {
    const data = buildCalendarData(
      [2024, 2027],
      [
        { year: 2027, kind: 'weekends-only' },
        { year: 2024, kind: 'weekends-only' },
        { date: '2024-05-01', kind: 'holiday' },
      ],
    );
    expect(data.knownYears).toEqual([2024, 2027]);
    expect(data.weekendsOnlyYears).toEqual([2024, 2027]);
    expect(data.holidays).toEqual(['2024-05-01']);
    expect(data.workdays).toEqual([]);
    const calendar = new WorkCalendar(data);
    expect(calendar.isWorkday('2027-10-01')).toBe(true); // a Friday, confirmed weekends-only
    expect(calendar.isWorkday('2027-10-02')).toBe(false); // Saturday
    expect(calendar.isWorkday('2024-10-01')).toBe(true);
    expect(calendar.isWorkday('2024-05-01')).toBe(false);
    expect(calendar.addWorkdays('2027-12-31', -1)).toBe('2027-12-30');
  });

  it('ignores overrides for years it was not asked to build', () => {
    const data = buildCalendarData(
      [2024],
      [
        { year: 2027, kind: 'weekends-only' },
        { date: '2028-01-03', kind: 'holiday' },
      ],
    );
    expect(data.knownYears).toEqual([2024]);
    expect(data.weekendsOnlyYears).toEqual([]);
  });
});

describe('CalendarData as data', () => {
  it('round-trips through JSON and gives the same calendar', () => {
    const data = buildCalendarData([2023, 2024, 2027], [{ year: 2027, kind: 'weekends-only' }]);
    const copy = JSON.parse(JSON.stringify(data)) as CalendarData;
    expect(copy).toEqual(data);
    const a = new WorkCalendar(data);
    const b = new WorkCalendar(copy);
    for (const d of range('2023-01-01', '2024-12-31')) expect(b.isWorkday(d)).toBe(a.isWorkday(d));
    expect(b.toData()).toEqual(data);
    expect(JSON.parse(JSON.stringify(b.toData()))).toEqual(data);
  });

  it('validates data handed to the constructor', () => {
    expect(() => new WorkCalendar({} as CalendarData)).toThrow(RangeError);
    expect(
      () =>
        new WorkCalendar({
          knownYears: [2024],
          holidays: ['2024-02-30'],
          workdays: [],
          weekendsOnlyYears: [],
        }),
    ).toThrow(RangeError);
    // Weekends-only years count as known even if knownYears omits them.
    const calendar = new WorkCalendar({
      knownYears: [],
      holidays: [],
      workdays: [],
      weekendsOnlyYears: [2030],
    });
    expect(calendar.isKnown(2030)).toBe(true);
  });

  it('counts the working days between two dates, across a holiday and its 调休 weekend', () => {
    const cal = new WorkCalendar(buildCalendarData([2023]));
    // Thursday 2023-09-28 → Tuesday 10-10: 09-29…10-06 off, Saturday 10-07 and Sunday 10-08 worked
    expect(cal.workdaysBetween('2023-09-28', '2023-10-10')).toBe(4);
    expect(cal.workdaysBetween('2023-10-10', '2023-09-28')).toBe(-4);
    expect(cal.workdaysBetween('2023-09-28', '2023-09-28')).toBe(0);
    expect(() => cal.workdaysBetween('2023-12-29', '2024-01-02')).toThrow('2024');
  });

  it('leaves blank, never guesses, what needs a year the calendar does not know', () => {
    const cal = new WorkCalendar(buildCalendarData([2023]));
    expect(unlessUnknownYear(() => cal.nextWorkday('2023-09-28'))).toBe('2023-10-07');
    expect(unlessUnknownYear(() => cal.nextWorkday('2023-12-29'))).toBeNull();
    expect(() => unlessUnknownYear(() => cal.nextWorkday('2023-02-30'))).toThrow(RangeError);
  });
});
