import { unlessUnknownYear, type DeadlineRule, type WorkCalendar } from '@workpoints/calendar';

/**
 * Deadlines are calendar dates in Asia/Shanghai, due at the end of that day. China has no
 * daylight saving time, so the offset is fixed at +08:00.
 */
const SHANGHAI_OFFSET = '+08:00';
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The instant a deadline date falls due: the last millisecond of that day in Asia/Shanghai. */
export function deadlineInstant(date: string): Date {
  if (!isCalendarDate(date)) throw new RangeError(`不是有效日期：${date}（应为 YYYY-MM-DD）`);
  return new Date(`${date}T23:59:59.999${SHANGHAI_OFFSET}`);
}

/** The calendar date (Asia/Shanghai) of an instant, `YYYY-MM-DD`. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The deadline a point is chased by: the assigned date moved to a working day by the policy's
 * non-working-day rule (a deadline on a holiday falls due on the working day before it, or
 * after it). The assigned date itself while the calendar does not know its year. The workflow
 * keeps it in its state and the read model stores it, so the API and the workflow agree.
 */
export function effectiveDeadline(
  deadline: string,
  rule: DeadlineRule,
  calendar: WorkCalendar,
): string {
  return unlessUnknownYear(() => calendar.adjustDeadline(deadline, rule)) ?? deadline;
}

/** Whether an effective deadline has passed at `now`: after the end of that day in Asia/Shanghai. */
export function deadlinePassed(effective: string, now: Date | number): boolean {
  return +now > deadlineInstant(effective).getTime();
}
