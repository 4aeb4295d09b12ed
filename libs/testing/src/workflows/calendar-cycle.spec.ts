import { WorkCalendar, buildCalendarData } from '@workpoints/calendar';
import { CYCLE_MS, cyclesToReach, shiftCalendar, shiftDate } from './calendar-cycle';

describe('the 28-year cycle past years are replayed on', () => {
  it('keeps every weekday, leap days included', () => {
    for (const date of ['2023-01-01', '2024-02-29', '2024-12-31', '1999-07-15']) {
      const shifted = shiftDate(date, 1);
      expect(new Date(`${shifted}T00:00:00Z`).getUTCDay()).toBe(
        new Date(`${date}T00:00:00Z`).getUTCDay(),
      );
      expect(Date.parse(`${shifted}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)).toBe(CYCLE_MS);
    }
  });

  it('carries holidays and 调休 days with the dates', () => {
    const home = new WorkCalendar(buildCalendarData([2024]));
    const moved = new WorkCalendar(shiftCalendar(buildCalendarData([2024]), 1));
    expect(moved.isKnown(2052)).toBe(true);
    // 2024-02-04 (Sunday) was worked; 2024-02-12 (Monday) was a Spring Festival holiday
    for (const date of ['2024-02-04', '2024-02-12', '2024-05-11', '2024-10-07', '2024-10-08'])
      expect(moved.isWorkday(shiftDate(date, 1))).toBe(home.isWorkday(date));
    expect(moved.addWorkdays(shiftDate('2024-09-30', 1), 1)).toBe(shiftDate('2024-10-08', 1));
  });

  it('shifts only as far as needed to pass the server clock', () => {
    const now = Date.parse('2026-11-21T00:00:00Z');
    expect(cyclesToReach(Date.parse('2027-01-04T01:00:00Z'), now)).toBe(0);
    expect(cyclesToReach(Date.parse('2024-01-02T01:00:00Z'), now)).toBe(1);
    expect(cyclesToReach(Date.parse('1990-01-02T01:00:00Z'), now)).toBe(2);
  });
});
