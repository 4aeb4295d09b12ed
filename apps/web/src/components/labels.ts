import type {
  NoticeKind,
  NoticeRecipient,
  NotificationKind,
  PointStatus,
  RiskColour,
  TimelineEntry,
} from '@workpoints/contracts';
import { timelineLabelKey } from '@workpoints/domain';
import { useTranslation } from 'react-i18next';

/**
 * The page's words for the API's keys. Pages name a status, a light or an event through these
 * rather than show the API's `…Label` fields, which are Chinese whatever the page's language.
 */
export function useLabels() {
  const { t } = useTranslation('labels');
  return {
    status: (status: PointStatus) => t(`status.${status}`),
    risk: (risk: RiskColour) => t(`risk.${risk}`),
    /** A timeline entry: a sign-off by its level, an extension decision by its outcome. */
    timeline: (entry: Pick<TimelineEntry, 'event' | 'from' | 'changes'>) => {
      const key = timelineLabelKey(entry.event, entry.from, { changes: entry.changes });
      return key ? t(`timeline.${key}`) : entry.event;
    },
    notice: (kind: NoticeKind) => t(`notice.${kind}`),
    recipient: (recipient: NoticeRecipient) => t(`recipient.${recipient}`),
    notification: (kind: NotificationKind) => t(`notification.${kind}`),
  };
}
