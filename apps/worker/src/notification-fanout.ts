import type { PointParties, TransitionRecord } from '@workpoints/contracts';
import { eventOccasion } from '@workpoints/domain';
import {
  writeOutbox,
  type NotificationOccasion,
  type WorkPointEntity,
} from '@workpoints/persistence';
import type { EntityManager } from 'typeorm';

/**
 * The outbox rows of a transition: every notice and lifecycle event, to every person and
 * department robot it concerns (who: libs/domain `recipients.ts`; the rows: libs/persistence
 * `writeOutbox`). Runs inside the recording
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
  const event = eventOccasion(rec);
  const events: NotificationOccasion[] = event
    ? [
        {
          ...event,
          occasion: rec.requestId,
          dueDate: null,
          parties: rec.changes?.parties ? parties : await withCoDepartments(tx, point, parties),
        },
      ]
    : [];
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
