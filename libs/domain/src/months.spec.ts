import { WorkCalendar, buildCalendarData } from '@workpoints/calendar';
import { bulletinDay, monthBounds, nextMonth, previousMonth } from './months';

describe('months', () => {
  it('bounds a month in Asia/Shanghai', () => {
    expect(monthBounds('2024-02')).toEqual({
      first: '2024-02-01',
      last: '2024-02-29',
      start: new Date('2024-01-31T16:00:00Z'),
      end: new Date('2024-02-29T16:00:00Z'),
    });
    expect(() => monthBounds('2024-13')).toThrow('月份格式应为 YYYY-MM：2024-13');
    expect(nextMonth('2024-12')).toBe('2025-01');
    // 00:30 on 1 January in Beijing is still 31 December in UTC
    expect(previousMonth(new Date('2024-12-31T16:30:00Z'))).toBe('2024-12');
  });

  it('puts the bulletin on the first working day after the holidays', () => {
    const calendar = new WorkCalendar(buildCalendarData([2024], []));
    // 2024-10-01…07 National Day: the September bulletin comes on Tuesday 8 October
    expect(bulletinDay(calendar, '2024-09')).toEqual({ day: '2024-10-08', guessed: false });
    // 2024-06-01 is a Saturday: Monday 3 June
    expect(bulletinDay(calendar, '2024-05')).toEqual({ day: '2024-06-03', guessed: false });
  });

  it('falls back to the first Monday–Friday in a year the calendar does not know', () => {
    const calendar = new WorkCalendar(buildCalendarData([2024], []));
    // 2070-06-01 is a Sunday
    expect(bulletinDay(calendar, '2070-05')).toEqual({ day: '2070-06-02', guessed: true });
  });
});
