import type { PointParties, TransitionRecord } from '@workpoints/contracts';
import {
  writeOutbox,
  type NotificationOccasion,
  type WorkPointEntity,
} from '@workpoints/persistence';
import type { EntityManager } from 'typeorm';

type Occasion = NotificationOccasion;

/** The lifecycle events people are told of, and whom (roles on the point). */
function eventOccasions(rec: TransitionRecord, parties: PointParties): Occasion[] {
  const base = { occasion: rec.requestId, parties, dueDate: null };
  switch (rec.event) {
    case 'publish':
      return [{ ...base, kind: 'assigned', recipients: ['lead', 'lead-head', 'co'], detail: null }];
    case 'return':
      return [{ ...base, kind: 'returned', recipients: ['lead'], detail: rec.comment }];
    case 'approve':
      return rec.signOff?.level === 'supervisor'
        ? [
            {
              ...base,
              kind: 'completed',
              recipients: ['lead', 'lead-head', 'coordinator'],
              detail: rec.comment,
            },
          ]
        : [{ ...base, kind: 'approved', recipients: ['lead', 'supervisor'], detail: rec.comment }];
    case 'request-extension': {
      const ext = rec.changes?.extension;
      const detail = ext ? `申请延期至 ${ext.deadline}：${ext.reason ?? ''}` : rec.comment;
      return [{ ...base, kind: 'extension-requested', recipients: ['supervisor'], detail }];
    }
    case 'decide-extension': {
      const ext = rec.changes?.extension;
      const detail = ext
        ? ext.decision === 'approved'
          ? `同意延期至 ${ext.deadline}${ext.reason ? `：${ext.reason}` : ''}`
          : `不同意延期：${ext.reason ?? ''}`
        : rec.comment;
      return [{ ...base, kind: 'extension-decided', recipients: ['lead', 'lead-head'], detail }];
    }
    // The department's own steps and the workflow's own notices (sent as notices) tell no one
    // here; steering is seen in the point's timeline.
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
      return [];
  }
}

/**
 * The outbox rows of a transition: every notice and lifecycle event, to every person and
 * department robot it concerns (libs/persistence `writeOutbox`). Runs inside the recording
 * transaction, so a transition and its notifications are stored together or not at all.
 */
export async function writeNotifications(
  tx: EntityManager,
  rec: TransitionRecord,
  point: WorkPointEntity,
  publicUrl: string,
): Promise<number> {
  const parties: PointParties = rec.changes?.parties ?? {
    leadDepartmentId: point.leadDepartmentId ?? '',
    coDepartmentIds: [],
    supervisorId: point.supervisorId ?? '',
  };
  const events = eventOccasions(rec, parties);
  if (events.length > 0 && !rec.changes?.parties) {
    const withCo = await withCoDepartments(tx, point, parties);
    for (const o of events) o.parties = withCo;
  }
  const notices: NotificationOccasion[] = (rec.notices ?? []).map((n) => ({
    kind: n.kind,
    occasion: `${n.dueDate}@${n.noticeDate}`,
    dueDate: n.dueDate,
    recipients: n.recipients,
    parties: n.parties,
    detail: null,
  }));
  return writeOutbox(tx, point, [...notices, ...events], new Date(rec.at), publicUrl);
}

/** The co-departments as the read model holds them. */
async function withCoDepartments(
  tx: EntityManager,
  point: WorkPointEntity,
  parties: PointParties,
): Promise<PointParties> {
  const rows: { department_id: string }[] = await tx.query(
    'SELECT department_id FROM work_point_co_departments WHERE point_id = $1',
    [point.id],
  );
  return { ...parties, coDepartmentIds: rows.map((r) => r.department_id) };
}
