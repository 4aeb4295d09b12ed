import type { Channel, DeliveryStatus, NotificationKind } from '@workpoints/contracts';
import { CHANNEL_LABELS, DELIVERY_STATUS_LABELS, NOTIFICATION_LABELS } from '@workpoints/domain';
import type { NotificationEntity } from '@workpoints/persistence';

/** The Chinese name of a kind (an unknown one, from an older row, shows as it is). */
export const kindLabel = (kind: string): string =>
  NOTIFICATION_LABELS[kind as NotificationKind] ?? kind;

/** One outbox row as the delivery views show it. */
export interface NotificationView {
  id: string;
  point: { id: string; planId: string; number: number; title: string } | null;
  kind: string;
  kindLabel: string;
  /** What makes it this notification: the due day and day sent, or the request id. */
  occasion: string;
  channel: Channel;
  channelLabel: string;
  recipient: {
    type: 'user' | 'department';
    userId: string | null;
    departmentId: string | null;
    /** The person's display name, or the department's name. */
    name: string | null;
    /** `吴佳怡`, or `专利管理处（企业微信机器人）`. */
    label: string;
  };
  urgent: boolean;
  digest: boolean;
  status: DeliveryStatus;
  statusLabel: string;
  attempts: number;
  lastError: string | null;
  notBefore: Date;
  createdAt: Date;
  queuedAt: Date | null;
  sentAt: Date | null;
}

/**
 * Robot errors name no webhook address (libs/notify promises it), but an address's token must
 * not reach a page even if some error carried one.
 */
export function redactError(text: string | null): string | null {
  return text?.replace(/\b(key|access_token|token|secret|sign)=[^&\s"']+/gi, '$1=***') ?? null;
}

export function notificationView(n: NotificationEntity): NotificationView {
  const name = n.userId ? (n.user?.displayName ?? null) : (n.department?.name ?? null);
  const channelLabel = CHANNEL_LABELS[n.channel] ?? n.channel;
  return {
    id: n.id,
    point: n.point
      ? { id: n.point.id, planId: n.point.planId, number: n.point.number, title: n.point.title }
      : null,
    kind: n.kind,
    kindLabel: kindLabel(n.kind),
    occasion: n.occasion,
    channel: n.channel,
    channelLabel,
    recipient: {
      type: n.userId ? 'user' : 'department',
      userId: n.userId,
      departmentId: n.departmentId,
      name,
      label: n.userId ? (name ?? n.recipientKey) : `${name ?? n.recipientKey}（${channelLabel}）`,
    },
    urgent: n.urgent,
    digest: n.digest,
    status: n.status,
    statusLabel: DELIVERY_STATUS_LABELS[n.status] ?? n.status,
    attempts: n.attempts,
    lastError: redactError(n.lastError),
    notBefore: n.notBefore,
    createdAt: n.createdAt,
    queuedAt: n.queuedAt,
    sentAt: n.sentAt,
  };
}
