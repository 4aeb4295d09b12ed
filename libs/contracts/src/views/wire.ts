/**
 * An instant as the wire carries it: ISO 8601 in UTC (`2026-03-02T01:00:00.000Z`). The API's
 * mappers turn every `Date` into one; the web app shows it in Asia/Shanghai.
 */
export type IsoDateTime = string;

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD` (deadlines, due days, holidays). */
export type CalendarDate = string;
