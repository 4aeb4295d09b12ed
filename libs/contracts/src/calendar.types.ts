/**
 * The working-day calendar as plain, JSON-serialisable data: what a workflow receives
 * (through its input or an activity) instead of reading a package or a clock.
 * `@workpoints/calendar` builds and reads it.
 *
 * A date in a known year is a working day when it is in `workdays`, or when it is a Monday to
 * Friday not in `holidays`. All lists are sorted and free of duplicates.
 */
export interface CalendarData {
  /** Years the calendar knows (package data, an admin override, or weekends-only). */
  knownYears: number[];
  /** `YYYY-MM-DD` Mondays to Fridays that are not working days (statutory holidays). */
  holidays: string[];
  /** `YYYY-MM-DD` Saturdays and Sundays that are working days (adjusted working days, 调休). */
  workdays: string[];
  /** Known years the coordinator confirmed as weekends-only (no holidays, no 调休). */
  weekendsOnlyYears: number[];
}
