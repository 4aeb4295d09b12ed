import type { CalendarData } from '@workpoints/contracts';

/**
 * The Gregorian calendar repeats every 28 years between 1901 and 2099: 28 years hold exactly
 * 7 leap days (10,227 days, 1,461 weeks), so every date falls on the same weekday 28 years on.
 *
 * The time-skipping test server's clock starts at the real now and only moves forward (its
 * binary takes no start time), so a past year is replayed that many cycles later: the workflows
 * see the shifted dates and a calendar whose holidays and 调休 days are shifted with them, and
 * everything read back is shifted home. No workflow code knows.
 */
export const CYCLE_YEARS = 28;
export const CYCLE_MS = 10_227 * 86_400_000;
/** The last year for which a shifted date keeps its weekday (2100 is not a leap year). */
export const LAST_CYCLIC_YEAR = 2099;

/** `date` (`YYYY-MM-DD`) moved by `cycles` cycles of 28 years. */
export function shiftDate(date: string, cycles: number): string {
  return `${Number(date.slice(0, 4)) + cycles * CYCLE_YEARS}${date.slice(4)}`;
}

/** The fewest cycles that bring `instantMs` past `nowMs`. */
export function cyclesToReach(instantMs: number, nowMs: number): number {
  return instantMs > nowMs ? 0 : Math.floor((nowMs - instantMs) / CYCLE_MS) + 1;
}

/** Calendar data for the home years, relabelled as the years `cycles` cycles on. */
export function shiftCalendar(data: CalendarData, cycles: number): CalendarData {
  const years = (list: number[]) => list.map((y) => y + cycles * CYCLE_YEARS);
  const dates = (list: string[]) => list.map((d) => shiftDate(d, cycles));
  return {
    knownYears: years(data.knownYears),
    holidays: dates(data.holidays),
    workdays: dates(data.workdays),
    weekendsOnlyYears: years(data.weekendsOnlyYears),
  };
}
