/** BullMQ queue names, in one place (apps/jobs registers exactly one processor per queue). */
export enum QueueName {
  /** Moves reminder rows into the in-app inbox. */
  Reminders = 'reminders',
  /** Parses uploaded plan documents into draft plans (big files must not block the API). */
  Imports = 'imports',
}

export enum JobName {
  DeliverReminder = 'deliver-reminder',
  SweepReminders = 'sweep-reminders',
  ImportPlan = 'import-plan',
  SweepImports = 'sweep-imports',
}

export interface DeliverReminderJob {
  reminderId: string;
}

export interface ImportPlanJob {
  importId: string;
}

/** The queue job id of an import: its row id, so an import is queued at most once at a time. */
export const importJobId = (importId: string): string => `import-${importId}`;
