import packageData from 'chinese-days/dist/chinese-days.json';
import { assertCalendarDate, isWeekend, yearOf } from './dates';

import type { CalendarData } from '@workpoints/contracts';

export type { CalendarData };

/**
 * An admin override. A date override marks one day as a holiday or a working day; a year
 * override confirms that a year has no holidays and no adjusted working days. Either kind
 * makes its year known.
 */
export type CalendarOverride =
  { date: string; kind: 'holiday' | 'workday' } | { year: number; kind: 'weekends-only' };

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const source: PackageData = packageData;

/** Years for which chinese-days ships the State Council's schedule, ascending. */
export const PACKAGE_KNOWN_YEARS: readonly number[] = Object.freeze(
  [...new Set(Object.keys(source.holidays).map((date) => Number(date.slice(0, 4))))].sort(
    (a, b) => a - b,
  ),
);

/** True when `value` is a year the calendar can hold (an integer 1..9999). */
function assertYear(value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 9999) {
    throw new RangeError(`不是有效年份：${String(value)}`);
  }
}

/**
 * Builds the calendar for `years` from the chinese-days package, then applies `overrides`.
 *
 * - A year the package knows contributes its holidays and adjusted working days.
 * - A year the package does not know stays unknown, unless an override names it.
 * - `{ year, kind: 'weekends-only' }` makes the year known and drops the package's data for
 *   it; date overrides for that year still apply on top.
 * - `{ date, kind }` marks the day as a holiday or a working day; a later override for the
 *   same date wins. A "holiday" on a weekend or a "workday" on a weekday only removes the
 *   opposite entry (that is what the day already is).
 * - Overrides for years not listed in `years` are ignored: the calendar covers `years` only.
 */
export function buildCalendarData(
  years: readonly number[],
  overrides: readonly CalendarOverride[] = [],
): CalendarData {
  const wanted = new Set<number>();
  for (const year of years) {
    assertYear(year);
    wanted.add(year);
  }
  const packageYears = new Set(PACKAGE_KNOWN_YEARS);
  const known = new Set<number>();
  const weekendsOnly = new Set<number>();
  for (const override of overrides) {
    if (override.kind === 'weekends-only') {
      assertYear(override.year);
      if (wanted.has(override.year)) weekendsOnly.add(override.year);
    } else {
      assertCalendarDate(override.date);
    }
  }

  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const year of wanted) {
    if (weekendsOnly.has(year)) {
      known.add(year);
    } else if (packageYears.has(year)) {
      known.add(year);
    }
  }
  const fromPackage = (date: string): boolean => {
    const year = Number(date.slice(0, 4));
    return wanted.has(year) && packageYears.has(year) && !weekendsOnly.has(year);
  };
  for (const date of Object.keys(source.holidays)) {
    if (fromPackage(date) && !isWeekend(date)) holidays.add(date);
  }
  for (const date of Object.keys(source.workdays)) {
    if (fromPackage(date) && isWeekend(date)) workdays.add(date);
  }

  for (const override of overrides) {
    if (override.kind === 'weekends-only') continue;
    const year = yearOf(override.date);
    if (!wanted.has(year)) continue;
    known.add(year);
    const weekend = isWeekend(override.date);
    switch (override.kind) {
      case 'holiday':
        workdays.delete(override.date);
        if (!weekend) holidays.add(override.date);
        break;
      case 'workday':
        holidays.delete(override.date);
        if (weekend) workdays.add(override.date);
        break;
    }
  }

  return {
    knownYears: [...known].sort((a, b) => a - b),
    holidays: [...holidays].sort(),
    workdays: [...workdays].sort(),
    weekendsOnlyYears: [...weekendsOnly].sort((a, b) => a - b),
  };
}

/**
 * Validates `data` (for instance after JSON.parse) and returns it normalised: sorted lists,
 * no duplicates, weekends-only years included in the known years. Throws RangeError when a
 * field is missing or holds an invalid year or date.
 */
export function normalizeCalendarData(data: CalendarData): CalendarData {
  if (typeof data !== 'object' || data === null) {
    throw new RangeError('工作日历数据无效：应为对象');
  }
  const list = (field: keyof CalendarData): unknown[] => {
    const value: unknown = data[field];
    if (!Array.isArray(value)) throw new RangeError(`工作日历数据无效：缺少 ${field} 列表`);
    return value;
  };
  const years = (field: 'knownYears' | 'weekendsOnlyYears'): Set<number> => {
    const out = new Set<number>();
    for (const year of list(field)) {
      assertYear(year);
      out.add(year);
    }
    return out;
  };
  const dates = (field: 'holidays' | 'workdays'): Set<string> => {
    const out = new Set<string>();
    for (const date of list(field)) {
      assertCalendarDate(date);
      out.add(date);
    }
    return out;
  };
  const known = years('knownYears');
  const weekendsOnly = years('weekendsOnlyYears');
  for (const year of weekendsOnly) known.add(year);
  return {
    knownYears: [...known].sort((a, b) => a - b),
    holidays: [...dates('holidays')].sort(),
    workdays: [...dates('workdays')].sort(),
    weekendsOnlyYears: [...weekendsOnly].sort((a, b) => a - b),
  };
}
