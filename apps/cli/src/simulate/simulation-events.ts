import type { NoticeKind, NoticeRecipient, TransitionRecord } from '@workpoints/contracts';
import { NOTICE_LABELS } from '@workpoints/domain';
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
  /** Who gets it, by name: departments, `<lead>负责人`, the supervisor, 督办员. */
  recipients: string[];
}

export const COORDINATOR_NAME = '督办员';

const leadHead = (point: SimulatedPoint) => `${point.lead}负责人`;

/** Notice recipients (roles on the point) as the names the plan file uses. */
export function recipientNames(point: SimulatedPoint, roles: readonly NoticeRecipient[]): string[] {
  const names = roles.flatMap((role): string[] => {
    switch (role) {
      case 'lead':
        return [point.lead];
      case 'lead-head':
        return [leadHead(point)];
      case 'co':
        return point.co;
      case 'supervisor':
        return [point.supervisor];
      case 'coordinator':
        return [COORDINATOR_NAME];
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
 * human action one event at the action's scripted instant (`actionAt`). Recipients of an action
 * are who it goes to next: the coordinator for an acknowledgement or a report, the lead head
 * for a submission, the supervisor after the head's approval or for an extension request, the
 * lead department (and the coordinator) after the final approval, a return or a decision.
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
  const action = (kind: ActionEventKind, recipients: string[]) =>
    events.push({ at: new Date(actionAt).toISOString(), pointNo: point.no, kind, recipients });
  const closing = [point.lead, COORDINATOR_NAME];
  switch (rec.event) {
    case 'acknowledge':
      action('acknowledged', [COORDINATOR_NAME]);
      break;
    case 'report':
      action('reported', [COORDINATOR_NAME]);
      break;
    case 'submit':
      action('submitted', [leadHead(point)]);
      break;
    case 'approve':
      action('approved', rec.signOff?.level === 'head' ? [point.supervisor] : closing);
      break;
    case 'return':
      action('returned', [point.lead]);
      break;
    case 'request-extension':
      action('extension-requested', [point.supervisor]);
      break;
    case 'decide-extension':
      action(
        rec.changes?.extension?.decision === 'approved'
          ? 'extension-approved'
          : 'extension-rejected',
        closing,
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
