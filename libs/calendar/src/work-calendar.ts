import { type CalendarData, normalizeCalendarData } from './calendar-data';
import { fromDayNumber, toDayNumber, weekdayOfDayNumber, yearOf } from './dates';
import { UnknownYearError } from './errors';

/** Where a deadline on a non-working day moves: the last working day before it, or the first after. */
export type DeadlineRule = 'previous' | 'next';

/**
 * The working-day calendar of China (Asia/Shanghai), built from {@link CalendarData}. Pure and
 * deterministic: safe inside Temporal workflow code. Every operation that touches a date in a
 * year the data does not know throws {@link UnknownYearError}; invalid dates throw RangeError.
 */
export class WorkCalendar {
  private readonly known: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;
  private readonly data: CalendarData;

  constructor(data: CalendarData) {
    this.data = normalizeCalendarData(data);
    this.known = new Set(this.data.knownYears);
    this.holidays = new Set(this.data.holidays);
    this.workdays = new Set(this.data.workdays);
  }

  /** The normalised data this calendar was built from (a copy: JSON-serialisable). */
  toData(): CalendarData {
    return {
      knownYears: [...this.data.knownYears],
      holidays: [...this.data.holidays],
      workdays: [...this.data.workdays],
      weekendsOnlyYears: [...this.data.weekendsOnlyYears],
    };
  }

  /** True when the calendar knows the holidays of `year` (or it is confirmed weekends-only). */
  isKnown(year: number): boolean {
    return this.known.has(year);
  }

  /** The distinct years of `dates` the calendar does not know, ascending. Validates the dates. */
  unknownYears(dates: readonly string[]): number[] {
    const out = new Set<number>();
    for (const date of dates) {
      const year = yearOf(date);
      if (!this.known.has(year)) out.add(year);
    }
    return [...out].sort((a, b) => a - b);
  }

  /** True when `date` is a working day (a statutory holiday is not; a 调休 weekend is). */
  isWorkday(date: string): boolean {
    return this.isWorkdayNumber(toDayNumber(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkday(date: string): string {
    return fromDayNumber(this.step(toDayNumber(date), 1));
  }

  /** The last working day strictly before `date`. */
  previousWorkday(date: string): string {
    return fromDayNumber(this.step(toDayNumber(date), -1));
  }

  /**
   * The working day `n` working days after `date` (before it when `n` is negative); `date`
   * itself need not be a working day: `addWorkdays(saturday, 1)` is the next working day.
   * `n = 0` returns `date` when it is a working day and throws RangeError otherwise (use
   * {@link adjustDeadline}, {@link nextWorkday} or {@link previousWorkday} to choose a side).
   * Linear in the number of days crossed.
   */
  addWorkdays(date: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new RangeError(`工作日数应为整数：${n}`);
    let day = toDayNumber(date);
    if (n === 0) {
      if (this.isWorkdayNumber(day)) return date;
      throw new RangeError(`${date} 不是工作日：加 0 个工作日没有确定结果`);
    }
    const direction = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; left--) day = this.step(day, direction);
    return fromDayNumber(day);
  }

  /**
   * A deadline that falls on a non-working day moves to the last working day before it
   * (`'previous'`, the default) or to the first working day after it (`'next'`, as periods
   * are counted in law). A working day is returned unchanged.
   */
  adjustDeadline(date: string, rule: DeadlineRule = 'previous'): string {
    const day = toDayNumber(date);
    if (this.isWorkdayNumber(day)) return date;
    switch (rule) {
      case 'previous':
        return fromDayNumber(this.step(day, -1));
      case 'next':
        return fromDayNumber(this.step(day, 1));
    }
  }

  /**
   * How many working days fall after `from` up to and including `to` (negative when `to` is
   * before `from`): the working days a point is late, counted from its deadline to today.
   */
  workdaysBetween(from: string, to: string): number {
    const [a, b] = [toDayNumber(from), toDayNumber(to)];
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day += 1) if (this.isWorkdayNumber(day)) count += 1;
    return sign * count;
  }

  /** The first working day strictly after (direction 1) or before (-1) `day`. */
  private step(day: number, direction: 1 | -1): number {
    let current = day + direction;
    while (!this.isWorkdayNumber(current)) current += direction;
    return current;
  }

  private isWorkdayNumber(day: number): boolean {
    const date = fromDayNumber(day);
    const year = Number(date.slice(0, 4));
    if (!this.known.has(year)) throw new UnknownYearError(year);
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const dow = weekdayOfDayNumber(day);
    return dow !== 0 && dow !== 6;
  }
}
