/**
 * Calendar dates are `YYYY-MM-DD` strings meaning a day in Asia/Shanghai. China has no
 * daylight saving time, so the offset is fixed at +08:00. Internally a date is handled as a
 * day number (days since 1970-01-01), which makes stepping through days cheap and exact.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** Throws a RangeError unless `value` is a real `YYYY-MM-DD` date. */
export function assertCalendarDate(value: unknown): asserts value is string {
  if (!isCalendarDate(value)) {
    throw new RangeError(`不是有效日期：${String(value)}（应为 YYYY-MM-DD 格式的真实日期）`);
  }
}

/** Day number (days since 1970-01-01) of a valid `YYYY-MM-DD` date. */
export function toDayNumber(date: string): number {
  assertCalendarDate(date);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Year of a valid `YYYY-MM-DD` date. */
export function yearOf(date: string): number {
  assertCalendarDate(date);
  return Number(date.slice(0, 4));
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** True when the date falls on a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const dow = weekdayOfDayNumber(toDayNumber(date));
  return dow === 0 || dow === 6;
}

/**
 * The instant of the wall-clock time `hhmm` (24-hour `HH:MM`, default 09:00) on `date` in
 * Asia/Shanghai (+08:00, no DST): `atShanghaiTime('2024-06-03')` is 2024-06-03T01:00:00.000Z.
 */
export function atShanghaiTime(date: string, hhmm = '09:00'): Date {
  assertCalendarDate(date);
  if (!TIME_RE.test(hhmm)) {
    throw new RangeError(`不是有效时间：${hhmm}（应为 HH:MM，24 小时制）`);
  }
  return new Date(`${date}T${hhmm}:00.000+08:00`);
}
