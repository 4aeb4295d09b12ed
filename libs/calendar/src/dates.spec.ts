import { atShanghaiTime, isCalendarDate, isWeekend, toDayNumber, fromDayNumber } from './dates';

describe('dates', () => {
  it('recognises real YYYY-MM-DD dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-2-3')).toBe(false);
    expect(isCalendarDate('2024-06-03T00:00')).toBe(false);
    expect(isCalendarDate(20240603)).toBe(false);
  });

  it('round-trips day numbers and knows weekends', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2024-12-31') + 1)).toBe('2025-01-01');
    expect(isWeekend('2024-06-01')).toBe(true); // Saturday
    expect(isWeekend('2024-06-02')).toBe(true); // Sunday
    expect(isWeekend('2024-06-03')).toBe(false); // Monday
    expect(() => toDayNumber('2024-13-01')).toThrow(RangeError);
  });

  it('gives the instant of a wall-clock time in Asia/Shanghai', () => {
    expect(atShanghaiTime('2024-06-03').toISOString()).toBe('2024-06-03T01:00:00.000Z');
    expect(atShanghaiTime('2024-06-03', '00:30').toISOString()).toBe('2024-06-02T16:30:00.000Z');
    expect(atShanghaiTime('2024-12-31', '23:59').toISOString()).toBe('2024-12-31T15:59:00.000Z');
    expect(() => atShanghaiTime('2024-06-03', '9:00')).toThrow(RangeError);
    expect(() => atShanghaiTime('2024-06-03', '24:00')).toThrow(RangeError);
    expect(() => atShanghaiTime('2024-06-31')).toThrow(/不是有效日期/);
  });
});
