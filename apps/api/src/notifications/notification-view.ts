import type { NotificationKind, NotificationView } from '@workpoints/contracts';
import { CHANNEL_LABELS, DELIVERY_STATUS_LABELS, NOTIFICATION_LABELS } from '@workpoints/domain';
import type { NotificationEntity } from '@workpoints/persistence';
import { iso, isoOrNull } from '../common/wire';

/** The Chinese name of a kind (an unknown one, from an older row, shows as it is). */
export const kindLabel = (kind: string): string =>
  NOTIFICATION_LABELS[kind as NotificationKind] ?? kind;

/**
 * Robot errors name no webhook address (libs/notify promises it), but an address's token must
 * not reach a page even if some error carried one.
 */
export function redactError(text: string | null): string | null {
  return text?.replace(/\b(key|access_token|token|secret|sign)=[^&\s"']+/gi, '$1=***') ?? null;
}

/** One outbox row as the delivery views show it. */
export function toNotificationView(n: NotificationEntity): NotificationView {
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
    notBefore: iso(n.notBefore),
    createdAt: iso(n.createdAt),
    queuedAt: isoOrNull(n.queuedAt),
    sentAt: isoOrNull(n.sentAt),
  };
}
