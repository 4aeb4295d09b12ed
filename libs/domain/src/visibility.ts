import type { Actor, PlanStatus, PointParties, PointRemit } from '@workpoints/contracts';

/** Who manages plans: create, assign, publish; they read every plan and point of the office. */
export function canManagePlans(actor: Actor): boolean {
  return actor.roles.includes('admin') || actor.roles.includes('coordinator');
}

/**
 * The actor's remit (职责范围), or null when it is the whole office (coordinators and admins).
 * Everyone else reads the points they supervise (分管) and those their department leads or
 * co-operates on: the one remit rule behind point reads, lists, searches, to-dos and reports.
 */
export function remitOf(actor: Actor): PointRemit | null {
  if (canManagePlans(actor)) return null;
  return { userId: actor.userId, departmentId: actor.departmentId };
}

/** Whether a point's parties fall in a remit (null: the office, every point). */
export function inRemit(remit: PointRemit | null, parties: PointParties): boolean {
  if (remit === null) return true;
  if (remit.userId === parties.supervisorId) return true;
  if (remit.departmentId === null) return false;
  return (
    remit.departmentId === parties.leadDepartmentId ||
    parties.coDepartmentIds.includes(remit.departmentId)
  );
}

/** Everyone who may read a point: the office, its departments and its supervisor. */
export function canViewPoint(actor: Actor, parties: PointParties): boolean {
  return inRemit(remitOf(actor), parties);
}

/**
 * Whether a remit can hold any point at all: a head or staff member without a department who
 * supervises nothing has none, and is told so rather than shown empty reports.
 */
export function remitIsEmpty(actor: Actor): boolean {
  return (
    remitOf(actor) !== null && actor.departmentId === null && !actor.roles.includes('supervisor')
  );
}

/**
 * A draft is the office's until it is published: coordinators and admins see it, nobody else
 * learns that it exists. A published plan is known to everyone who works in workpoints (its
 * points are still read by remit).
 */
export function canViewPlan(actor: Actor, plan: { status: PlanStatus }): boolean {
  return plan.status === 'published' || canManagePlans(actor);
}
