import type {
  NoticeKind,
  NoticeRecipient,
  NotificationKind,
  PointParties,
  TransitionRecord,
} from '@workpoints/contracts';

/**
 * Who is told of what, by role on the point: the notices the workflow sends, the lifecycle
 * events people hear of, and the departments and people behind each role. The worker writes
 * notifications by these rules and the simulator prints them, so a dry run shows who would
 * really be told.
 */

const NOTICE_RECIPIENTS: Record<Exclude<NoticeKind, 'escalation'>, readonly NoticeRecipient[]> = {
  'ack-reminder': ['lead'],
  'report-reminder': ['lead', 'co'],
  'report-missed': ['lead', 'lead-head'],
  'deadline-reminder': ['lead', 'co'],
  overdue: ['lead', 'lead-head'],
};

/**
 * Who a notice goes to. An overdue point climbs the escalation ladder: its first escalation
 * goes to the point's supervisor, every later one to the coordinator.
 *
 * @param escalationStep which escalation this is, from 1 (only for `escalation`)
 */
export function noticeRecipients(kind: NoticeKind, escalationStep = 1): NoticeRecipient[] {
  if (kind === 'escalation') return escalationStep <= 1 ? ['supervisor'] : ['coordinator'];
  return [...NOTICE_RECIPIENTS[kind]];
}

/** Who hears of the coordinator's chase (催办): the lead department's staff and its head. */
export function urgedRecipients(): NoticeRecipient[] {
  return ['lead', 'lead-head'];
}

/** A lifecycle event people are told of: what it is, to whom (roles), and what it says. */
export interface EventOccasion {
  kind: NotificationKind;
  recipients: NoticeRecipient[];
  /** Free text the message carries (a return's comment, an extension's decision). */
  detail: string | null;
}

/**
 * Who hears of a recorded transition (besides the notices it carries): publication tells the
 * departments, a return the lead, the head's approval the lead and the supervisor, the final
 * one the lead, its head and the coordinator, an extension request the supervisor and its
 * decision the lead and its head. The department's own steps tell no one (the next person sees
 * them in their to-do list), nor does steering (it is in the point's timeline).
 */
export function eventOccasion(
  rec: Pick<TransitionRecord, 'event' | 'signOff' | 'changes' | 'comment'>,
): EventOccasion | null {
  switch (rec.event) {
    case 'publish':
      return { kind: 'assigned', recipients: ['lead', 'lead-head', 'co'], detail: null };
    case 'return':
      return { kind: 'returned', recipients: ['lead'], detail: rec.comment };
    case 'approve':
      return rec.signOff?.level === 'supervisor'
        ? {
            kind: 'completed',
            recipients: ['lead', 'lead-head', 'coordinator'],
            detail: rec.comment,
          }
        : { kind: 'approved', recipients: ['lead', 'supervisor'], detail: rec.comment };
    case 'request-extension': {
      const ext = rec.changes?.extension;
      const detail = ext ? `申请延期至 ${ext.deadline}：${ext.reason ?? ''}` : rec.comment;
      return { kind: 'extension-requested', recipients: ['supervisor'], detail };
    }
    case 'decide-extension': {
      const ext = rec.changes?.extension;
      const detail = ext
        ? ext.decision === 'approved'
          ? `同意延期至 ${ext.deadline}${ext.reason ? `：${ext.reason}` : ''}`
          : `不同意延期：${ext.reason ?? ''}`
        : rec.comment;
      return { kind: 'extension-decided', recipients: ['lead', 'lead-head'], detail };
    }
    // The workflow's own notices travel as notices (noticeRecipients), not as events.
    case 'acknowledge':
    case 'report':
    case 'submit':
    case 'contribute':
    case 'notice':
    case 'overdue':
    case 'risk':
    case 'suspend':
    case 'resume':
    case 'cancel':
    case 'reassign':
    case 'change-deadline':
    case 'change-policy':
      return null;
  }
}

/**
 * One addressee behind a role on a point: a department (its staff, or its head, and its group
 * robots), the supervisor in person, or the coordinators (whoever holds that role).
 */
export type Addressee =
  | { recipient: 'lead' | 'co'; departmentId: string; role: 'staff' }
  | { recipient: 'lead-head'; departmentId: string; role: 'head' }
  | { recipient: 'supervisor'; userId: string }
  | { recipient: 'coordinator' };

/** The addressees of some roles on a point with these parties, in the order of the roles. */
export function addressees(roles: readonly NoticeRecipient[], parties: PointParties): Addressee[] {
  return roles.flatMap((recipient): Addressee[] => {
    switch (recipient) {
      case 'lead':
        return [{ recipient, departmentId: parties.leadDepartmentId, role: 'staff' }];
      case 'lead-head':
        return [{ recipient, departmentId: parties.leadDepartmentId, role: 'head' }];
      case 'co':
        return parties.coDepartmentIds.map((departmentId) => ({
          recipient,
          departmentId,
          role: 'staff' as const,
        }));
      case 'supervisor':
        return [{ recipient, userId: parties.supervisorId }];
      case 'coordinator':
        return [{ recipient }];
    }
  });
}
