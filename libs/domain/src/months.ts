import {
  atShanghaiTime,
  fromDayNumber,
  isWeekend,
  toDayNumber,
  unlessUnknownYear,
  type WorkCalendar,
} from '@workpoints/calendar';
import { shanghaiDate } from './deadline';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM`, as the bulletin and the ranking name a month. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_RE.test(value);
}

/** `YYYY-MM` → its first and last day and the instants that bound it in Asia/Shanghai. */
export function monthBounds(month: string): {
  first: string;
  last: string;
  start: Date;
  end: Date;
} {
  if (!isMonth(month)) throw new RangeError(`月份格式应为 YYYY-MM：${month}`);
  const [year, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return {
    first: `${month}-01`,
    last: `${month}-${String(days).padStart(2, '0')}`,
    start: atShanghaiTime(`${month}-01`, '00:00'),
    end: atShanghaiTime(`${nextMonth(month)}-01`, '00:00'),
  };
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before the one `instant` falls in (Asia/Shanghai): what a bulletin reports on. */
export function previousMonth(instant: Date): string {
  const [y, m] = shanghaiDate(instant).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The day `month`'s bulletin comes out: the first working day of the month after it (after
 * the Spring Festival or National Day holidays, after a 调休 Sunday if that is the first).
 * In a year the calendar does not know, the first Monday–Friday, and `guessed` says so: a
 * bulletin a few days early beats one that never comes.
 */
export function bulletinDay(
  calendar: WorkCalendar,
  month: string,
): { day: string; guessed: boolean } {
  const first = `${nextMonth(month)}-01`;
  const known = unlessUnknownYear(() =>
    calendar.isWorkday(first) ? first : calendar.nextWorkday(first),
  );
  if (known) return { day: known, guessed: false };
  let day = first;
  while (isWeekend(day)) day = fromDayNumber(toDayNumber(day) + 1);
  return { day, guessed: true };
}
