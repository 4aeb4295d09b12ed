/**
 * Sets the clock of the code under test to `instant` (ISO, or `YYYY-MM-DD HH:MM` in
 * Asia/Shanghai), from where it runs on in real time: an answer that depends on today (what is
 * overdue, due soon, before the deadline) is then checked against dates worked out by hand on
 * the real calendar. Only `Date` is faked; timers, the database and Redis keep real time.
 * Undo with `jest.useRealTimers()`.
 */
export function setClock(instant: string): void {
  const at = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(instant)
    ? new Date(`${instant.replace(' ', 'T')}:00+08:00`)
    : new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`setClock: not an instant: ${instant}`);
  jest.useFakeTimers({
    now: at,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}
