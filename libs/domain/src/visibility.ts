import type { Actor, PointParties } from '@workpoints/contracts';

/** Everyone who may read a point: the office, its departments and its supervisor. */
export function canViewPoint(actor: Actor, parties: PointParties): boolean {
  if (actor.roles.includes('admin') || actor.roles.includes('coordinator')) return true;
  if (actor.userId === parties.supervisorId) return true;
  if (actor.departmentId === null) return false;
  return (
    actor.departmentId === parties.leadDepartmentId ||
    parties.coDepartmentIds.includes(actor.departmentId)
  );
}

/** Who manages plans: create, assign, publish. */
export function canManagePlans(actor: Actor): boolean {
  return actor.roles.includes('admin') || actor.roles.includes('coordinator');
}
