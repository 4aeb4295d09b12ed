import { atShanghaiTime, unlessUnknownYear, type WorkCalendar } from '@workpoints/calendar';
import type { NoticeRecipient, WorkPointState } from '@workpoints/contracts';
import { shanghaiDate } from './deadline';
import { noticeRecipients } from './recipients';
import { noticeSchedule, yellowFrom, type ScheduledNotice } from './notice-schedule';
import { completionSubmitted } from './risk';

/*
 * The chase of a running point (提醒、催办、督办) as functions of its state, the working-day
 * calendar and the instant `now` (milliseconds): the workflow asks them what to wait for and
 * what to send, and owns only the timers and the recording.
 */

/** What the chase reads of a point's state. */
export type ChaseState = Pick<
  WorkPointState,
  | 'status'
  | 'deadline'
  | 'effectiveDeadline'
  | 'policy'
  | 'publishedOn'
  | 'overdue'
  | 'reportDays'
  | 'noticesThrough'
>;

/** Escalations are planned this many days past the later of today and the deadline. */
export const CHASE_HORIZON_DAYS = 120;
const DAY_MS = 86_400_000;

/** The next instant something happens to a point if nobody acts. */
export interface Wake {
  /** Milliseconds since the epoch. */
  at: number;
  /** The notices due at that instant that still apply when planned. */
  notices: ScheduledNotice[];
  /** Nothing is due: load the calendar again (a year it did not know may have been entered). */
  refresh: boolean;
}

/** Who hears of a point turning overdue. */

const reportedIn = (state: ChaseState, after: string, upTo: string): boolean =>
  state.reportDays.some((d) => d > after && d <= upTo);

/**
 * Whether a scheduled notice still has something to chase: the acknowledgement reminder until
 * the point is acknowledged, report notices until a report comes in their period, deadline
 * reminders until completion is submitted; the overdue notice and escalations always.
 */
export function applies(notice: ScheduledNotice, state: ChaseState): boolean {
  switch (notice.kind) {
    case 'ack-reminder':
      return state.status === 'assigned';
    case 'report-reminder':
      return (
        !completionSubmitted(state.status) &&
        !reportedIn(state, notice.periodStart ?? state.publishedOn, notice.date)
      );
    case 'report-missed':
      return (
        !completionSubmitted(state.status) &&
        !reportedIn(state, notice.periodStart ?? state.publishedOn, notice.dueDate)
      );
    case 'deadline-reminder':
      return !completionSubmitted(state.status);
    case 'overdue':
    case 'escalation':
      return true;
  }
}

/** Whether the yellow window before the deadline (黄灯预警) has opened at `now`. */
export function deadlineNear(
  state: ChaseState,
  calendar: WorkCalendar | null,
  now: number,
): boolean {
  if (!calendar) return false;
  const from = unlessUnknownYear(() => yellowFrom(state.deadline, state.policy, calendar));
  return from !== null && now >= Date.parse(from);
}

/**
 * The instant the point turns overdue: the reminder time on the first working day after the
 * effective deadline. Null without a calendar, or when it does not know that day's year.
 */
export function overdueAt(state: ChaseState, calendar: WorkCalendar | null): number | null {
  if (!calendar) return null;
  return unlessUnknownYear(() =>
    atShanghaiTime(
      calendar.nextWorkday(state.effectiveDeadline),
      state.policy.reminderTime,
    ).getTime(),
  );
}

/**
 * Today's next wake: the first instant after `noticesThrough` at which a notice that still
 * applies is due, or the yellow window opens; a day from now instead, to load the calendar
 * again, when a series stopped at a year the calendar does not know. Null when nothing is left.
 */
export function nextWake(state: ChaseState, calendar: WorkCalendar, now: number): Wake | null {
  const through = Date.parse(state.noticesThrough);
  const until = shanghaiDate(
    new Date(
      Math.max(now, Date.parse(`${state.effectiveDeadline}T00:00:00+08:00`)) +
        CHASE_HORIZON_DAYS * DAY_MS,
    ),
  );
  const missing = new Set<number>();
  const schedule = noticeSchedule({
    publishedOn: state.publishedOn,
    deadline: state.deadline,
    policy: state.policy,
    calendar,
    until,
    onUnknownYear: (year) => missing.add(year),
  });
  const due = schedule.filter((n) => Date.parse(n.at) > through && applies(n, state));
  const first = due[0];
  let at = first ? Date.parse(first.at) : Number.POSITIVE_INFINITY;
  let refresh = false;
  // The yellow window opens even where no notice applies.
  if (!deadlineNear(state, calendar, now) && !completionSubmitted(state.status)) {
    const from = unlessUnknownYear(() => yellowFrom(state.deadline, state.policy, calendar));
    if (from && Date.parse(from) > through) at = Math.min(at, Date.parse(from));
  }
  if (missing.size > 0 && now + DAY_MS < at) {
    at = now + DAY_MS;
    refresh = true;
  }
  if (!Number.isFinite(at)) return null;
  return { at, notices: due.filter((n) => Date.parse(n.at) === at), refresh };
}

/** What sending notices does to the point: the overdue one turns it red, a missed report flags it. */
export function noticeEffects(
  notices: readonly ScheduledNotice[],
  state: Pick<WorkPointState, 'overdue' | 'reportMissedFor'>,
): { overdue: boolean; turnedOverdue: boolean; reportMissedFor: string | null } {
  let { overdue, reportMissedFor } = state;
  let turnedOverdue = false;
  for (const n of notices) {
    if (n.kind === 'overdue' && !overdue) {
      overdue = true;
      turnedOverdue = true;
    }
    if (n.kind === 'report-missed') reportMissedFor = n.dueDate;
  }
  return { overdue, turnedOverdue, reportMissedFor };
}

/**
 * The new `noticesThrough` after the wait for `wake` was interrupted (an action, a suspension):
 * notices due before the planned wake were passed over because they did not apply when it was
 * planned, so the change does not send them late. The planned wake itself stays due.
 */
export function passOver(noticesThrough: string, wake: Wake | null, now: number): string {
  const upTo = Math.min(now, wake ? wake.at - 1 : now);
  return upTo > Date.parse(noticesThrough) ? new Date(upTo).toISOString() : noticesThrough;
}

/** The overdue notice a point gets late, on the day it is found overdue. */
export interface CatchUpNotice {
  kind: 'overdue';
  dueDate: string;
  noticeDate: string;
  recipients: NoticeRecipient[];
}

/**
 * After a resumption or a change of deadline or policy, a point whose overdue instant has
 * passed while nobody was watching turns red now, with its overdue notice dated today. Null
 * when it is already overdue, or not yet.
 */
export function catchUpOverdue(
  state: ChaseState,
  calendar: WorkCalendar | null,
  now: number,
): CatchUpNotice | null {
  const at = overdueAt(state, calendar);
  if (state.overdue || at === null || now < at) return null;
  return {
    kind: 'overdue',
    dueDate: state.effectiveDeadline,
    noticeDate: shanghaiDate(new Date(now)),
    recipients: noticeRecipients('overdue'),
  };
}

/** A new deadline clears red when its overdue instant is still ahead; else the point stays as it was. */
export function overdueAfterNewDeadline(
  state: ChaseState,
  calendar: WorkCalendar | null,
  now: number,
): boolean {
  const at = overdueAt(state, calendar);
  return at !== null && at > now ? false : state.overdue;
}
