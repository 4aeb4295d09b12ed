import { workPointWorkflowId, type Actor, type PointStatus } from '@workpoints/contracts';
import {
  AuditEventEntity,
  type DepartmentEntity,
  PlanEntity,
  WorkPointEntity,
  type AuditEventName,
} from '@workpoints/persistence';
import type { DataSource } from 'typeorm';

/**
 * Read-model rows for states only a point's workflow would produce (a point in progress with
 * its reports, a returned one, an overdue one), written the way the recording activity writes
 * them. States the API itself produces are better made through its services.
 */

/** A plan row; published unless `fields.status` says otherwise. */
export function insertPlan(
  ds: DataSource,
  createdBy: Actor,
  fields: Partial<PlanEntity> = {},
): Promise<PlanEntity> {
  const status = fields.status ?? 'published';
  return ds.getRepository(PlanEntity).save({
    title: '测试计划',
    year: 2026,
    createdById: createdBy.userId,
    publishedAt: status === 'published' ? new Date() : null,
    ...fields,
    status,
  });
}

export interface PointFields extends Partial<Omit<WorkPointEntity, 'coDepartments'>> {
  number: number;
  coDepartmentIds?: string[];
}

/**
 * A point of `plan`. In a published plan it is `assigned` with its workflow id unless told
 * otherwise; the working-day deadline is the assigned one unless given. Read back with its
 * co-departments.
 */
export async function insertPoint(
  ds: DataSource,
  plan: PlanEntity,
  { coDepartmentIds = [], ...fields }: PointFields,
): Promise<WorkPointEntity> {
  const published = plan.status === 'published';
  const deadline = fields.deadline === undefined ? '2026-12-31' : fields.deadline;
  const saved = await ds.getRepository(WorkPointEntity).save({
    planId: plan.id,
    title: `要点${fields.number}`,
    text: '',
    position: fields.number,
    status: published ? ('assigned' as const) : ('draft' as const),
    workflowId: published ? workPointWorkflowId(plan.id, fields.number) : null,
    effectiveDeadline: deadline,
    ...fields,
    deadline,
    coDepartments: coDepartmentIds.map((id) => ({ id }) as DepartmentEntity),
  });
  return ds
    .getRepository(WorkPointEntity)
    .findOneOrFail({ where: { id: saved.id }, relations: { coDepartments: true } });
}

export interface EventFields {
  event: AuditEventName;
  actor?: Actor | null;
  /** The status it moved to: the point's row follows, as the recording activity has it. */
  to?: PointStatus;
  requestId?: string | null;
  comment?: string | null;
  at?: Date;
  after?: Record<string, unknown>;
}

/** An audit row of the point (a transition when `to` is given), as the workflow records it. */
export async function recordEvent(
  ds: DataSource,
  point: WorkPointEntity,
  {
    event,
    actor = null,
    to,
    requestId = null,
    comment = null,
    at = new Date(),
    after,
  }: EventFields,
): Promise<void> {
  await ds.getRepository(AuditEventEntity).save({
    planId: point.planId,
    pointId: point.id,
    actorId: actor?.userId ?? null,
    actorName: actor?.displayName ?? null,
    event,
    fromStatus: to ? point.status : null,
    toStatus: to ?? null,
    before: { status: point.status, risk: point.risk, overdue: point.overdue },
    after: after ?? { status: to ?? point.status, risk: point.risk, overdue: point.overdue },
    comment,
    requestId,
    at,
  });
  if (to) {
    point.status = to;
    point.version += 1;
    await ds
      .getRepository(WorkPointEntity)
      .update({ id: point.id }, { status: to, version: point.version });
  }
}
