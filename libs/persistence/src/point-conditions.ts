import {
  POINT_STATUSES,
  type Actor,
  type PointRemit,
  type PointStatus,
} from '@workpoints/contracts';
import { canManagePlans, remitOf } from '@workpoints/domain';

/**
 * SQL conditions on a work point (`work_points` under some alias), written once for every
 * query that needs them: TypeORM query builders (`qb.andWhere(sql, params)` with a params
 * object) and raw SQL (`$n` placeholders, appended to a params array) alike. The rules they
 * express live in libs/domain (`OPEN_STATUSES`, `canViewPoint`, `canViewPlan`); these are their
 * SQL form.
 */

/**
 * Where a condition's values go: an array for raw SQL (`$n`, numbered after what the array
 * already holds) or an object for a TypeORM query builder (`:name`, keys not yet in it).
 */
export type SqlParams = unknown[] | Record<string, unknown>;

function placeholder(params: SqlParams, value: unknown): string {
  if (Array.isArray(params)) {
    params.push(value);
    return `$${params.length}`;
  }
  let n = 0;
  while (`point_cond_${n}` in params) n += 1;
  const key = `point_cond_${n}`;
  params[key] = value;
  return `:${key}`;
}

const alias = (name: string): string => {
  // An alias is written into the SQL as is: only a plain identifier may be.
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`not a SQL alias: ${name}`);
  return name;
};

/**
 * `point.status IN (…)` for a list of statuses (the domain's `OPEN_STATUSES`,
 * `CLOSED_STATUSES`, `PUBLISHED_STATUSES`). The statuses are written as quoted constants, so the
 * condition needs no parameters and reads the same in every query plan; each one is checked
 * against the known statuses first, which is what makes quoting them safe.
 */
export function sqlStatusIn(pointAlias: string, statuses: readonly PointStatus[]): string {
  for (const s of statuses)
    if (!(POINT_STATUSES as readonly string[]).includes(s))
      throw new Error(`not a point status: ${String(s)}`);
  if (statuses.length === 0) return 'FALSE';
  return `${alias(pointAlias)}.status IN (${statuses.map((s) => `'${s}'`).join(', ')})`;
}

/**
 * The points an actor may read (`canViewPoint` of libs/domain, as SQL): admins and
 * coordinators every point; anyone else the points they supervise and those their department
 * leads or co-operates on. An actor without a department sees only what they supervise.
 *
 * @param pointAlias the alias of `work_points` in the query (`p`)
 * @param params where the condition's values are added (see `SqlParams`)
 */
export function remitCondition(actor: Actor, pointAlias: string, params: SqlParams): string {
  return remitSql(remitOf(actor), pointAlias, params);
}

/**
 * A remit (`remitOf` of libs/domain, or one carried by a report request) as SQL: `TRUE` for
 * the office (null), else `inRemit` — supervised, led or co-operated on.
 */
export function remitSql(remit: PointRemit | null, pointAlias: string, params: SqlParams): string {
  if (remit === null) return 'TRUE';
  const p = alias(pointAlias);
  const own = [`${p}.supervisor_id = ${placeholder(params, remit.userId)}`];
  if (remit.departmentId !== null) {
    const dept = placeholder(params, remit.departmentId);
    own.push(
      `${p}.lead_department_id = ${dept}`,
      `EXISTS (SELECT 1 FROM work_point_co_departments remit_co
                WHERE remit_co.point_id = ${p}.id AND remit_co.department_id = ${dept})`,
    );
  }
  return `(${own.join(' OR ')})`;
}

/**
 * The points an actor may read in lists and searches: their remit, in plans they may see
 * (`canViewPlan`: a draft's points are the office's until it is published).
 */
export function visiblePointCondition(actor: Actor, pointAlias: string, params: SqlParams): string {
  if (canManagePlans(actor)) return 'TRUE';
  const p = alias(pointAlias);
  return `(${remitCondition(actor, p, params)} AND EXISTS (SELECT 1 FROM plans visible_plan
            WHERE visible_plan.id = ${p}.plan_id AND visible_plan.status = 'published'))`;
}
