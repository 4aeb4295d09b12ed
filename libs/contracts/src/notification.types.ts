import type { NoticeKind } from './work-point/policy.types';

/** Where a notification goes: the in-app inbox, email, or a department's group robot. */
export const CHANNELS = ['inbox', 'email', 'wecom', 'dingtalk', 'feishu'] as const;
export type Channel = (typeof CHANNELS)[number];
export type RobotChannel = Extract<Channel, 'wecom' | 'dingtalk' | 'feishu'>;
export const ROBOT_CHANNELS: readonly RobotChannel[] = ['wecom', 'dingtalk', 'feishu'];

/**
 * What a notification is about: the workflow's notices (reminders, flags, escalations) and
 * the lifecycle events people are told of.
 */
export const NOTIFICATION_KINDS = [
  'assigned',
  'ack-reminder',
  'report-reminder',
  'report-missed',
  'deadline-reminder',
  'overdue',
  'escalation',
  'returned',
  'approved',
  'completed',
  'extension-requested',
  'extension-decided',
  /** The coordinator's own chase (催办), which may be marked urgent. */
  'urged',
  /**
   * The monthly bulletin and ranking is ready (to coordinators): about the whole plan, not a
   * point — `pointNumber` is 0 and `pointTitle` names the month.
   */
  'bulletin',
  /**
   * An account locked after repeated failed sign-ins (to the person and the admins): about an
   * account, not a point — `pointNumber` is 0 and `pointTitle` names the account.
   */
  'account-locked',
] as const satisfies readonly (NoticeKind | string)[];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The facts a message template names. */
export interface NotificationContext {
  kind: NotificationKind;
  /** The point's number in its plan and its title. */
  pointNumber: number;
  pointTitle: string;
  planTitle: string;
  /** The lead department's name. */
  departmentName: string;
  /** The day the notice is about (acknowledgement, report or deadline), `YYYY-MM-DD`. */
  dueDate: string | null;
  /** Absolute link to the point in the web app. */
  link: string;
  /** Free text: a return's comment, an extension's decision and date, the coordinator's words. */
  detail?: string | null;
}

/** A message rendered for every channel: plain text for email, markdown for the robots. */
export interface RenderedMessage {
  /** One line: the subject of an email, the title of a robot card. */
  title: string;
  /** Plain text, several lines, ending with the link. */
  text: string;
  /** Markdown with the link as a link (WeCom, DingTalk, Feishu). */
  markdown: string;
  link: string;
}

/** Where to deliver on a channel. */
export type ChannelTarget =
  | { channel: 'email'; address: string; name?: string }
  | { channel: RobotChannel; webhookUrl: string; secret?: string | null };

/** Personal channels: the inbox and email (robots belong to departments). */
export type PersonalChannel = Extract<Channel, 'inbox' | 'email'>;

/** A user's choices of how to be told. */
export interface NotificationPreferences {
  /** Channels for a kind not listed in `kinds`. */
  channels: PersonalChannel[];
  /** Channels per kind, overriding `channels`. */
  kinds: Partial<Record<NotificationKind, PersonalChannel[]>>;
  /**
   * `HH:MM` (Asia/Shanghai): email arrives as one daily digest at this time instead of one
   * message each; null for single messages. The inbox is never held.
   */
  digestTime: string | null;
  /**
   * Quiet hours, `HH:MM` to `HH:MM` (overnight when `from` > `to`). Email and robots hold what
   * falls in them, and on non-working days, until `to` on the next working day — except what
   * the coordinator marks urgent.
   */
  quietHours: { from: string; to: string };
}

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = Object.freeze({
  channels: ['inbox', 'email'],
  kinds: {},
  digestTime: null,
  quietHours: { from: '18:00', to: '09:00' },
}) as NotificationPreferences;

/**
 * A notification row's delivery state. `pending` until the dispatcher hands it to its
 * channel's queue (`queued`); `sent` once delivered; `dead` after its last attempt failed (the
 * dead-letter list an admin retries from).
 */
export const DELIVERY_STATUSES = ['pending', 'queued', 'sent', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
