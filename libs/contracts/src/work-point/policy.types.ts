/**
 * How a point is chased: acknowledgement, reporting cadence, reminders and the overdue
 * escalation ladder, counted in working days (Asia/Shanghai). Editable per plan and per point.
 */
export interface PointPolicy {
  /** 签收 is due this many working days after publication; the reminder comes on that day. */
  acknowledgeWithinWorkdays: number;
  /** Wall-clock time of every reminder, Asia/Shanghai, `HH:MM`. */
  reminderTime: string;
  reportCadence: 'monthly' | 'quarterly' | 'once' | 'none';
  /** Day of the month reports are due (monthly; quarterly in the quarter's last month). */
  reportDay: number;
  /** The single due date of a 'once' cadence, `YYYY-MM-DD`. */
  reportOnceDate: string | null;
  /** The report reminder comes this many working days before the due day. */
  reportReminderWorkdaysBefore: number;
  /** Deadline reminders this many working days before the deadline. */
  deadlineReminderWorkdaysBefore: number[];
  /** After the point turns overdue, the supervisor is told this many working days later. */
  escalateToSupervisorAfterWorkdays: number;
  /** …then the coordinator, every this many working days. */
  escalateToCoordinatorEveryWorkdays: number;
  /** A deadline or due day on a non-working day moves to the working day before, or after. */
  nonWorkdayRule: 'previous' | 'next';
  /** Yellow (黄灯) from this many working days before the deadline until completion is submitted. */
  yellowWithinWorkdays: number;
}

export const DEFAULT_POLICY: PointPolicy = Object.freeze({
  acknowledgeWithinWorkdays: 2,
  reminderTime: '09:00',
  reportCadence: 'monthly',
  reportDay: 25,
  reportOnceDate: null,
  reportReminderWorkdaysBefore: 2,
  deadlineReminderWorkdaysBefore: [5, 2, 1],
  escalateToSupervisorAfterWorkdays: 3,
  escalateToCoordinatorEveryWorkdays: 5,
  nonWorkdayRule: 'previous',
  yellowWithinWorkdays: 5,
}) as PointPolicy;

export const NOTICE_KINDS = [
  'ack-reminder',
  'report-reminder',
  'report-missed',
  'deadline-reminder',
  'overdue',
  'escalation',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Who a notice goes to, by role on the point. */
export type NoticeRecipient = 'lead' | 'lead-head' | 'co' | 'supervisor' | 'coordinator';
