import type {
  Channel,
  DeliveryStatus,
  NotificationKind,
  NotificationPreferences,
  RobotChannel,
} from '../notification.types';
import type { IsoDateTime } from './wire';

/** The point a notification or inbox item is about. */
export interface PointRef {
  id: string;
  planId: string;
  number: number;
  title: string;
}

/** One item of the user's in-app inbox (站内消息). */
export interface InboxItemView {
  id: string;
  kind: NotificationKind;
  /** The kind in Chinese. */
  kindLabel: string;
  title: string;
  text: string;
  link: string;
  createdAt: IsoDateTime;
  readAt: IsoDateTime | null;
  /** null for a notice about the whole plan (the monthly bulletin). */
  point: PointRef | null;
}

export interface InboxPage {
  total: number;
  unreadCount: number;
  page: number;
  pageSize: number;
  items: InboxItemView[];
}

/** What the inbox stream pushes for a new item (`data` of a Server-Sent Event). */
export interface InboxEvent {
  id: string;
  kind: NotificationKind;
  title: string;
  text: string;
  link: string;
  /** null for a notice about the whole plan (the monthly bulletin). */
  pointId: string | null;
  createdAt: IsoDateTime;
  unreadCount: number;
}

export interface UnreadCountView {
  unreadCount: number;
}

/** An item marked read: when (the first time), and what is left unread. */
export interface InboxReadView {
  id: string;
  readAt: IsoDateTime;
  unreadCount: number;
}

/** Every item marked read: how many were, and what is left unread (none, barring a new one). */
export interface InboxReadAllView {
  marked: number;
  unreadCount: number;
}

/** Who a notification goes to: a person, or a department's group robot. */
export interface NotificationRecipientView {
  type: 'user' | 'department';
  userId: string | null;
  departmentId: string | null;
  /** The person's display name, or the department's name. */
  name: string | null;
  /** `吴佳怡`, or `专利管理处（企业微信机器人）`. */
  label: string;
}

/** One delivery of something to one person (or robot) on one channel, and how it went. */
export interface NotificationView {
  id: string;
  point: PointRef | null;
  kind: NotificationKind;
  kindLabel: string;
  /** What makes it this notification: the due day and day sent, or the request id. */
  occasion: string;
  channel: Channel;
  channelLabel: string;
  recipient: NotificationRecipientView;
  urgent: boolean;
  digest: boolean;
  status: DeliveryStatus;
  statusLabel: string;
  attempts: number;
  lastError: string | null;
  notBefore: IsoDateTime;
  createdAt: IsoDateTime;
  queuedAt: IsoDateTime | null;
  sentAt: IsoDateTime | null;
}

export interface NotificationPage {
  total: number;
  items: NotificationView[];
}

/** The coordinator's chase (催办) and the notifications it wrote. */
export interface UrgeResult {
  pointId: string;
  requestId: string;
  /** The same request id came before: nothing new was written. */
  repeated: boolean;
  urgent: boolean;
  notifications: NotificationView[];
}

/** A department's robot as any answer shows it: never the secret, only whether there is one. */
export interface RobotView {
  id: string;
  departmentId: string;
  departmentName: string;
  channel: RobotChannel;
  channelLabel: string;
  /** The address with its access token hidden (`key=abcd****`): the token is a credential. */
  webhookUrl: string;
  hasSecret: boolean;
  enabled: boolean;
  createdAt: IsoDateTime;
}

/** A user's own notification settings. */
export interface NotificationSettingsView {
  /** Where email goes; none without it. */
  email: string | null;
  /** What the user chose (null: nothing, the defaults apply). */
  own: Partial<NotificationPreferences> | null;
  /** What applies: the user's choices over the defaults. */
  effective: NotificationPreferences;
}
