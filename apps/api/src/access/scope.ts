import { ErrorCode, type Actor, type PointFilters } from '@workpoints/contracts';
import { canViewPlan, remitIsEmpty, remitOf, withRule } from '@workpoints/domain';
import { PlanEntity } from '@workpoints/persistence';
import type { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception';

/**
 * The plan, if the actor may know it exists: a draft is the office's until publication, so for
 * anyone else it is "not found", word for word as a plan that never was.
 */
export async function visiblePlan(
  dataSource: DataSource,
  planId: string,
  actor: Actor,
): Promise<PlanEntity> {
  const plan = await dataSource.getRepository(PlanEntity).findOneBy({ id: planId });
  if (!plan || !canViewPlan(actor, plan))
    throw new DomainException(ErrorCode.NotFound, `计划不存在：${planId}`);
  return plan;
}

/**
 * Refuses (403) an actor whose remit cannot hold a point: a head or staff member without a
 * department who supervises nothing. They used to see the office's reports; now they are told
 * why they see none.
 */
export function requireRemit(actor: Actor): void {
  if (remitIsEmpty(actor))
    throw new DomainException(
      ErrorCode.NotInRemit,
      withRule(
        '您的账号没有所属处室，也不分管任何要点，职责范围内没有要点：请联系管理员设置所属处室',
        'remit',
      ),
      { rule: 'remit' },
    );
}

/** The refusal of a point outside the actor's remit, in a plan they may see (403). */
export function outsideRemit(number: number): DomainException {
  return new DomainException(
    ErrorCode.NotInRemit,
    withRule(`第${number}项不在您的职责范围内`, 'remit'),
    { rule: 'remit' },
  );
}

/**
 * Report filters as the actor may use them: within their remit (`remitOf`: the office for
 * coordinators and admins, else the points they supervise and those their department leads or
 * co-operates on). Every read of a plan's points goes through it: the dashboard, target
 * progress, the ledger, the summary and their background exports (which keep the remit in the
 * job, as it was when asked). The filters then narrow inside the remit.
 */
export function scopedFilters<Q extends PointFilters>(actor: Actor, query: Q): Q {
  requireRemit(actor);
  // The remit is the caller's, never a query's (validation refuses the field anyway).
  const { remit: _fromQuery, ...filters } = query;
  const remit = remitOf(actor);
  return { ...filters, ...(remit ? { remit } : {}) } as Q;
}
