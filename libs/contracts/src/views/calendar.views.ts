import type { CalendarDate, IsoDateTime } from './wire';

export type CalendarOverrideKind = 'holiday' | 'workday' | 'weekends-only';

/**
 * An admin's correction to the working-day calendar: one day as a holiday or a working day, or
 * a whole year confirmed as weekends-only.
 */
export interface CalendarOverrideView {
  id: string;
  kind: CalendarOverrideKind;
  /** The day, for holiday and workday overrides; null for weekends-only. */
  date: CalendarDate | null;
  year: number;
  note: string | null;
  createdById: string | null;
  createdAt: IsoDateTime;
}

/** A year of the working-day calendar as the office uses it. */
export interface CalendarYearView {
  year: number;
  known: boolean;
  /** Where the year's schedule comes from. */
  source: 'package' | 'overrides' | 'weekends-only' | 'unknown';
  /** Mondays to Fridays that are not working days. */
  holidays: CalendarDate[];
  /** Saturdays and Sundays that are working days (调休). */
  workdays: CalendarDate[];
  overrides: CalendarOverrideView[];
}
