import type { NoticeKind, NoticeRecipient, TransitionRecord } from '@workpoints/contracts';
import { NOTICE_LABELS, addressees, eventOccasion } from '@workpoints/domain';
import type { SimulatedPoint } from './simulation-plan';

/** Kinds of recorded human actions (from the plan file's scripted actions). */
export const ACTION_EVENT_KINDS = [
  'acknowledged',
  'reported',
  'submitted',
  'approved',
  'returned',
  'extension-requested',
  'extension-approved',
  'extension-rejected',
] as const;
export type ActionEventKind = (typeof ACTION_EVENT_KINDS)[number];
export type SimulationEventKind = NoticeKind | ActionEventKind;

export const EVENT_KIND_LABELS: Record<SimulationEventKind, string> = {
  ...NOTICE_LABELS,
  acknowledged: '已签收',
  reported: '报送进展',
  submitted: '申请办结',
  approved: '审核通过',
  returned: '退回',
  'extension-requested': '申请延期',
  'extension-approved': '同意延期',
  'extension-rejected': '不同意延期',
};

/** One line of the simulation's output. */
export interface SimulationEvent {
  /** ISO-8601 instant (UTC), simulated time. */
  at: string;
  pointNo: string;
  kind: SimulationEventKind;
  /** Who is told, by name: departments, `<lead>负责人`, the supervisor, 督办员. */
  recipients: string[];
}

export const COORDINATOR_NAME = '督办员';

/**
 * Recipients (roles on the point) as the names the plan file uses: the simulated workflow's
 * parties are those names, so each addressee (libs/domain `addressees`) is named by its id.
 */
export function recipientNames(point: SimulatedPoint, roles: readonly NoticeRecipient[]): string[] {
  const parties = {
    leadDepartmentId: point.lead,
    coDepartmentIds: point.co,
    supervisorId: point.supervisor,
  };
  const names = addressees(roles, parties).map((a) => {
    switch (a.recipient) {
      case 'lead':
      case 'co':
        return a.departmentId;
      case 'lead-head':
        return `${a.departmentId}负责人`;
      case 'supervisor':
        return a.userId;
      case 'coordinator':
        return COORDINATOR_NAME;
    }
  });
  return [...new Set(names)];
}

const MINUTE_MS = 60_000;

/**
 * Every notice and scheduled action falls on a whole minute (reminder time HH:MM, publication
 * 09:00, actions at HH:MM); the test server's clock runs on in real time while a workflow task
 * is processed, so a recorded instant is that minute plus a few milliseconds.
 */
export const toMinute = (iso: string): string =>
  new Date(Math.floor(Date.parse(iso) / MINUTE_MS) * MINUTE_MS).toISOString();

/**
 * The events one recorded transition stands for: one per notice it carries, and for a scripted
 * human action one event at the action's scripted instant (`actionAt`). Recipients are who the
 * worker would tell (libs/domain `noticeRecipients` and `eventOccasion`): none for the
 * department's own steps (acknowledgement, report, submission).
 */
export function eventsOf(
  rec: TransitionRecord,
  point: SimulatedPoint,
  actionAt: number | undefined,
): SimulationEvent[] {
  const events: SimulationEvent[] = (rec.notices ?? []).map((n) => ({
    at: toMinute(rec.at),
    pointNo: point.no,
    kind: n.kind,
    recipients: recipientNames(point, n.recipients),
  }));
  if (actionAt === undefined) return events;
  const told = recipientNames(point, eventOccasion(rec)?.recipients ?? []);
  const action = (kind: ActionEventKind) =>
    events.push({
      at: new Date(actionAt).toISOString(),
      pointNo: point.no,
      kind,
      recipients: told,
    });
  switch (rec.event) {
    case 'acknowledge':
      action('acknowledged');
      break;
    case 'report':
      action('reported');
      break;
    case 'submit':
      action('submitted');
      break;
    case 'approve':
      action('approved');
      break;
    case 'return':
      action('returned');
      break;
    case 'request-extension':
      action('extension-requested');
      break;
    case 'decide-extension':
      action(
        rec.changes?.extension?.decision === 'approved'
          ? 'extension-approved'
          : 'extension-rejected',
      );
      break;
    case 'contribute':
    case 'suspend':
    case 'resume':
    case 'cancel':
    case 'reassign':
    case 'change-deadline':
    case 'change-policy':
    case 'publish':
    case 'overdue':
    case 'notice':
    case 'risk':
      // Not scriptable (the first seven), or carried by its notices (the rest).
      break;
  }
  return events;
}

/** By instant, then point number (numerically), then kind. */
export function compareEvents(a: SimulationEvent, b: SimulationEvent): number {
  return (
    a.at.localeCompare(b.at) ||
    Number(a.pointNo) - Number(b.pointNo) ||
    a.pointNo.localeCompare(b.pointNo) ||
    a.kind.localeCompare(b.kind)
  );
}
