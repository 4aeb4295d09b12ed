import { atShanghaiTime, type WorkCalendar } from '@workpoints/calendar';
import type { NoticeKind, NoticeRecipient, PointPolicy } from '@workpoints/contracts';

export interface ScheduledNotice {
  /** The instant it is sent: `policy.reminderTime` on a working day, Asia/Shanghai. */
  at: string;
  /** That working day, `YYYY-MM-DD`. */
  date: string;
  kind: NoticeKind;
  recipients: NoticeRecipient[];
  /** The due day the notice is about (acknowledgement, report, deadline); its idempotency key. */
  dueDate: string;
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
  const add = (date: string, kind: NoticeKind, recipients: NoticeRecipient[], dueDate: string) => {
    if (date <= publishedOn || date > until) return;
    notices.push({
      at: atShanghaiTime(date, policy.reminderTime).toISOString(),
      date,
      kind,
      recipients,
      dueDate,
    });
  };
  const deadline = calendar.adjustDeadline(input.deadline, policy.nonWorkdayRule);

  const ackDue = calendar.addWorkdays(publishedOn, policy.acknowledgeWithinWorkdays);
  add(ackDue, 'ack-reminder', ['lead'], ackDue);

  for (const raw of reportDueDays(policy, publishedOn, deadline)) {
    if (raw <= publishedOn) continue;
    const due = calendar.adjustDeadline(raw, policy.nonWorkdayRule);
    if (due > deadline) continue;
    add(
      calendar.addWorkdays(due, -policy.reportReminderWorkdaysBefore),
      'report-reminder',
      ['lead', 'co'],
      due,
    );
    add(calendar.nextWorkday(due), 'report-missed', ['lead', 'lead-head'], due);
  }

  for (const n of [...new Set(policy.deadlineReminderWorkdaysBefore)].sort((a, b) => b - a))
    add(calendar.addWorkdays(deadline, -n), 'deadline-reminder', ['lead', 'co'], deadline);

  const overdueOn = calendar.nextWorkday(deadline);
  add(overdueOn, 'overdue', ['lead', 'lead-head'], deadline);
  let step = calendar.addWorkdays(overdueOn, policy.escalateToSupervisorAfterWorkdays);
  add(step, 'escalation', ['supervisor'], deadline);
  for (;;) {
    step = calendar.addWorkdays(step, policy.escalateToCoordinatorEveryWorkdays);
    if (step > until) break;
    add(step, 'escalation', ['coordinator'], deadline);
  }

  return notices.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
}
