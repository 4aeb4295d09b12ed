import type { Channel } from './notification.types';

/** BullMQ queue names, in one place (apps/jobs registers exactly one processor per queue). */
export enum QueueName {
  /** Parses uploaded plan documents into draft plans (big files must not block the API). */
  Imports = 'imports',
  /** Moves due notification rows (the outbox) into their channel's queue. */
  NotifyDispatch = 'notify-dispatch',
  /** One queue per channel, each with its own rate limit and retries. */
  NotifyInbox = 'notify-inbox',
  NotifyEmail = 'notify-email',
  NotifyWecom = 'notify-wecom',
  NotifyDingtalk = 'notify-dingtalk',
  NotifyFeishu = 'notify-feishu',
}

/** The queue of each notification channel. */
export const NOTIFICATION_QUEUES: Record<Channel, QueueName> = {
  inbox: QueueName.NotifyInbox,
  email: QueueName.NotifyEmail,
  wecom: QueueName.NotifyWecom,
  dingtalk: QueueName.NotifyDingtalk,
  feishu: QueueName.NotifyFeishu,
};

/** The queue job id of a notification: its row id, so a row is queued at most once at a time. */
export const notificationJobId = (notificationId: string): string =>
  `notification-${notificationId}`;

export interface DeliverNotificationJob {
  notificationId: string;
}

export enum JobName {
  ImportPlan = 'import-plan',
  SweepImports = 'sweep-imports',
  DispatchNotifications = 'dispatch-notifications',
  DeliverNotification = 'deliver-notification',
  /** Several digest rows of one recipient and channel, sent as one message. */
  DeliverDigest = 'deliver-digest',
}

export interface ImportPlanJob {
  importId: string;
}

/** The queue job id of an import: its row id, so an import is queued at most once at a time. */
export const importJobId = (importId: string): string => `import-${importId}`;

/**
 * Redis pub/sub channel on which the inbox processor announces each new inbox item
 * (`InboxAnnouncement` as JSON), so the API can push it to the user's open pages (SSE).
 */
export const inboxAnnouncements = (queuePrefix: string): string => `${queuePrefix}:inbox-items`;

export interface InboxAnnouncement {
  userId: string;
  inboxItemId: string;
}
