import { buildCalendarData, type CalendarOverride } from '@workpoints/calendar';
import type { CalendarData } from '@workpoints/contracts';
import { Between, type EntityManager } from 'typeorm';
import { CalendarOverrideEntity } from './entities/calendar-override.entity';

export function toCalendarOverride(row: CalendarOverrideEntity): CalendarOverride {
  return row.kind === 'weekends-only'
    ? { year: row.year, kind: row.kind }
    : { date: row.date as string, kind: row.kind };
}

/**
 * The working-day calendar for `fromYear`…`toYear` as the office keeps it: the holiday
 * package's years with the admin's overrides on top. What the API checks plans against and
 * what the workflows receive through their `loadCalendar` activity.
 */
export async function loadCalendarData(
  manager: EntityManager,
  fromYear: number,
  toYear: number,
): Promise<CalendarData> {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || toYear < fromYear)
    throw new RangeError(`工作日历年份范围无效：${fromYear}–${toYear}`);
  const overrides = await manager
    .getRepository(CalendarOverrideEntity)
    .findBy({ year: Between(fromYear, toYear) });
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  return buildCalendarData(years, overrides.map(toCalendarOverride));
}
