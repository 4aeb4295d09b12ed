import { UnknownYearError, atShanghaiTime, type WorkCalendar } from '@workpoints/calendar';
import type { NoticeKind, NoticeRecipient, PointPolicy } from '@workpoints/contracts';
import { noticeRecipients } from './recipients';

export interface ScheduledNotice {
  /** The instant it is sent: `policy.reminderTime` on a working day, Asia/Shanghai. */
  at: string;
  /** That working day, `YYYY-MM-DD`. */
  date: string;
  kind: NoticeKind;
  recipients: NoticeRecipient[];
  /** The due day the notice is about (acknowledgement, report, deadline); its idempotency key. */
  dueDate: string;
  /**
   * Report notices: the day after which a report counts for this due day (the previous due
   * day, or the publication day). A report on a day in (periodStart, dueDate] answers it.
   */
  periodStart?: string;
}

export interface ScheduleInput {
  /** The day the point was published, `YYYY-MM-DD`. */
  publishedOn: string;
  /** The deadline as assigned; moved to a working day by `policy.nonWorkdayRule`. */
  deadline: string;
  policy: PointPolicy;
  calendar: WorkCalendar;
  /** Last day to schedule escalations for (inclusive); they repeat until the point is closed. */
  until: string;
  /**
   * Called with a year the calendar does not know, instead of throwing: the series that needed
   * it stops there and the rest of the schedule is still returned. Without it, the
   * UnknownYearError is thrown (a schedule is never a weekday guess).
   */
  onUnknownYear?: (year: number) => void;
}

/** Report due days after publication up to the deadline, before moving off non-working days. */
function reportDueDays(policy: PointPolicy, publishedOn: string, deadline: string): string[] {
  if (policy.reportCadence === 'none') return [];
  if (policy.reportCadence === 'once') return policy.reportOnceDate ? [policy.reportOnceDate] : [];
  const months =
    policy.reportCadence === 'monthly' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [3, 6, 9, 12];
  const out: string[] = [];
  const [fromYear, toYear] = [Number(publishedOn.slice(0, 4)), Number(deadline.slice(0, 4))];
  for (let y = fromYear; y <= toYear; y += 1)
    for (const m of months) {
      const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const day = Math.min(policy.reportDay, lastDay);
      out.push(`${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    }
  return out;
}

/**
 * Every notice a point gets if nobody acts on it: the acknowledgement reminder, report
 * reminders and missed-report flags, deadline reminders, the overdue notice and the escalation
 * ladder — each on a working day at the policy's time, never on a holiday or on the wrong side
 * of a 调休 weekend. The workflow drops a notice once the action it chases has happened; this is
 * the schedule it starts from, and what tests compare its timers with.
 */
export function noticeSchedule(input: ScheduleInput): ScheduledNotice[] {
  const { publishedOn, policy, calendar, until } = input;
  const notices: ScheduledNotice[] = [];
  const add = (
    date: string,
    kind: NoticeKind,
    dueDate: string,
    periodStart?: string,
    recipients: NoticeRecipient[] = noticeRecipients(kind),
  ) => {
    if (date <= publishedOn || date > until) return;
    notices.push({
      at: atShanghaiTime(date, policy.reminderTime).toISOString(),
      date,
      kind,
      recipients,
      dueDate,
      ...(periodStart === undefined ? {} : { periodStart }),
    });
  };
  /** Runs one series of notices; a year the calendar does not know ends that series only. */
  const series = (build: () => void): void => {
    try {
      build();
    } catch (error) {
      if (!(error instanceof UnknownYearError) || !input.onUnknownYear) throw error;
      input.onUnknownYear(error.year);
    }
  };

  series(() => {
    const ackDue = calendar.addWorkdays(publishedOn, policy.acknowledgeWithinWorkdays);
    add(ackDue, 'ack-reminder', ackDue);
  });

  let deadline: string | null = null;
  series(() => {
    deadline = calendar.adjustDeadline(input.deadline, policy.nonWorkdayRule);
  });
  if (deadline === null) return sorted(notices);
  const due: string = deadline;

  series(() => {
    let periodStart = publishedOn;
    for (const raw of reportDueDays(policy, publishedOn, due)) {
      if (raw <= publishedOn) continue;
      const reportDue = calendar.adjustDeadline(raw, policy.nonWorkdayRule);
      if (reportDue > due || reportDue <= periodStart) continue;
      add(
        calendar.addWorkdays(reportDue, -policy.reportReminderWorkdaysBefore),
        'report-reminder',
        reportDue,
        periodStart,
      );
      add(calendar.nextWorkday(reportDue), 'report-missed', reportDue, periodStart);
      periodStart = reportDue;
    }
  });

  for (const n of [...new Set(policy.deadlineReminderWorkdaysBefore)].sort((a, b) => b - a))
    series(() => add(calendar.addWorkdays(due, -n), 'deadline-reminder', due));

  series(() => {
    const overdueOn = calendar.nextWorkday(due);
    add(overdueOn, 'overdue', due);
    let step = calendar.addWorkdays(overdueOn, policy.escalateToSupervisorAfterWorkdays);
    add(step, 'escalation', due, undefined, noticeRecipients('escalation', 1));
    for (let n = 2; ; n += 1) {
      step = calendar.addWorkdays(step, policy.escalateToCoordinatorEveryWorkdays);
      if (step > until) break;
      add(step, 'escalation', due, undefined, noticeRecipients('escalation', n));
    }
  });

  return sorted(notices);
}

function sorted(notices: ScheduledNotice[]): ScheduledNotice[] {
  return notices.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
}

/**
 * The instant a point turns yellow for its near deadline: the policy's reminder time on the
 * `yellowWithinWorkdays`-th working day before the (moved) deadline; null when the window is 0.
 */
export function yellowFrom(
  deadline: string,
  policy: PointPolicy,
  calendar: WorkCalendar,
): string | null {
  if (policy.yellowWithinWorkdays <= 0) return null;
  const moved = calendar.adjustDeadline(deadline, policy.nonWorkdayRule);
  return atShanghaiTime(
    calendar.addWorkdays(moved, -policy.yellowWithinWorkdays),
    policy.reminderTime,
  ).toISOString();
}
