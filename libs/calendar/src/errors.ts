/**
 * Thrown when an operation touches a date in a year the calendar does not know: the
 * calendar never guesses "weekdays work, weekends rest" for such a year. The coordinator
 * must add that year's holidays and adjusted working days, or confirm weekends-only.
 */
export class UnknownYearError extends Error {
  override readonly name = 'UnknownYearError';
  readonly code = 'CALENDAR_YEAR_UNKNOWN';

  constructor(readonly year: number) {
    super(
      `工作日历尚未包含 ${year} 年的节假日安排：请添加 ${year} 年的法定节假日和调休上班日，或确认 ${year} 年仅按周末休息。`,
    );
  }
}

/**
 * `fn()`, or null when it needs a year the calendar does not know: for figures that are left
 * blank (or reminders that wait) rather than guessed. Other errors are thrown.
 */
export function unlessUnknownYear<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UnknownYearError) return null;
    throw error;
  }
}
