/** BullMQ queue names, in one place (apps/jobs registers exactly one processor per queue). */
export enum QueueName {
  /** Moves reminder rows into the in-app inbox. */
  Reminders = 'reminders',
}

export enum JobName {
  DeliverReminder = 'deliver-reminder',
  SweepReminders = 'sweep-reminders',
}

export interface DeliverReminderJob {
  reminderId: string;
}
