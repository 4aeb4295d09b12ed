import type { Channel } from './notification.types';
import type { PointFilters, SummaryPeriod } from './report.types';

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
  /** Builds report files (ledger, summary) too large to build inside a request. */
  Reports = 'reports',
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

/** Several digest rows of one recipient and channel, due at one digest time, sent as one. */
export interface DeliverDigestJob {
  notificationIds: string[];
  /** `recipientKey|channel|notBefore (ISO)`: which digest this is (its job id). */
  digest: string;
}

/** The queue job id of a digest: one per recipient, channel and digest time. */
export const digestJobId = (digest: string): string => `digest-${digest.replace(/[|:]/g, '-')}`;

export enum JobName {
  ImportPlan = 'import-plan',
  SweepImports = 'sweep-imports',
  DispatchNotifications = 'dispatch-notifications',
  DeliverNotification = 'deliver-notification',
  /** Several digest rows of one recipient and channel, sent as one message. */
  DeliverDigest = 'deliver-digest',
  /** One background export of a report file (ReportExportJob). */
  ExportReport = 'export-report',
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

interface ReportExportJobBase {
  /** The export's id as the API shows it (a UUID); the job id is `reportExportJobId(exportId)`. */
  exportId: string;
  planId: string;
  /**
   * The points the file covers, already narrowed to the requester's remit by the API: the
   * jobs app builds exactly this selection and checks no roles of its own.
   */
  filters: PointFilters;
  /** Who asked: only they (or an admin) may see the export and download its file. */
  userId: string;
  /** When it was asked for (ISO). */
  requestedAt: string;
}

/** A report file built in the background (apps/jobs `reports/`), asked for through the API. */
export type ReportExportJob =
  | (ReportExportJobBase & { kind: 'ledger' })
  | (ReportExportJobBase & { kind: 'summary'; period: SummaryPeriod });

/** The queue job id of an export, so its status and file are found by the export's id. */
export const reportExportJobId = (exportId: string): string => `export-${exportId}`;

/** The steps of an export as its requester sees them (zh-CN), in order. */
export const REPORT_EXPORT_STAGES = {
  queued: '排队中',
  reading: '读取要点',
  sheet: '生成表格',
  document: '生成文档',
  writing: '写入文件',
  done: '已完成',
} as const;
export type ReportExportStage = (typeof REPORT_EXPORT_STAGES)[keyof typeof REPORT_EXPORT_STAGES];

/** What an export job reports with `job.updateProgress`. */
export interface ReportExportProgress {
  /** 0–100. */
  percent: number;
  stage: ReportExportStage;
}

/**
 * What an export job returns: the file itself, base64 (a job's return value is JSON in Redis),
 * kept with the completed job until it is removed.
 */
export interface ReportExportResult {
  filename: string;
  contentType: string;
  /** The file's bytes, base64. */
  base64: string;
  /** Its size in bytes. */
  bytes: number;
}
