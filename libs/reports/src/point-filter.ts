import type { PointFilters } from '@workpoints/contracts';
import { PUBLISHED_STATUSES } from '@workpoints/domain';
import { remitSql, sqlStatusIn } from '@workpoints/persistence';
import type { DataSource } from 'typeorm';

export type { PointFilters } from '@workpoints/contracts';

/**
 * The joins every report's point query starts from: the point `p`, its plan node `n` (chapter or
 * section) and its lead department `d`. The filters below name these aliases.
 */
export const POINT_JOINS = `FROM work_points p
      LEFT JOIN plan_nodes n ON n.id = p.node_id
      LEFT JOIN departments d ON d.id = p.lead_department_id`;

/**
 * Which of a plan's points count, as SQL over `POINT_JOINS`: `params[0]` is the plan id and the
 * conditions use `$1…$n` of `params`, so a query may append parameters of its own after them.
 */
export interface PointSqlFilter {
  params: unknown[];
  where: string[];
}

/** A `PointSqlFilter` with its joins, and `from` = the joins and the WHERE clause together. */
export interface PointSelection extends PointSqlFilter {
  joins: string;
  from: string;
}

/**
 * The one SQL builder of a plan's published points under the dashboard's filters: the
 * dashboard, the ledger, the summary, target progress and the export limit all narrow through
 * it, so a filter means the same in every figure and file. Drafts never count; a remit (that
 * of a supervisor or head who asked) keeps the points to theirs.
 */
export function pointFilter(planId: string, filters: PointFilters = {}): PointSelection {
  const params: unknown[] = [planId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['p.plan_id = $1', sqlStatusIn('p', PUBLISHED_STATUSES)];
  if (filters.remit) where.push(remitSql(filters.remit, 'p', params));
  if (filters.chapterId) {
    const c = param(filters.chapterId);
    where.push(`(n.id = ${c} OR n.parent_id = ${c})`);
  }
  if (filters.departmentId) where.push(`p.lead_department_id = ${param(filters.departmentId)}`);
  if (filters.supervisorId) where.push(`p.supervisor_id = ${param(filters.supervisorId)}`);
  if (filters.status) where.push(`p.status = ${param(filters.status)}`);
  if (filters.risk) where.push(`p.risk = ${param(filters.risk)}`);
  return {
    params,
    where,
    joins: POINT_JOINS,
    from: `${POINT_JOINS} WHERE ${where.join(' AND ')}`,
  };
}

/**
 * Only the point filters of a wider object (a query with paging or a period, say), without the
 * ones left empty: what is stored in an export job and what `pointFilter` reads.
 */
export function pickPointFilters(source: PointFilters): PointFilters {
  const { remit, chapterId, departmentId, supervisorId, status, risk } = source;
  return {
    ...(remit ? { remit: { userId: remit.userId, departmentId: remit.departmentId } } : {}),
    ...(chapterId ? { chapterId } : {}),
    ...(departmentId ? { departmentId } : {}),
    ...(supervisorId ? { supervisorId } : {}),
    ...(status ? { status } : {}),
    ...(risk ? { risk } : {}),
  };
}

/** How many of a plan's points the filters select (0 for a plan that does not exist). */
export async function countPoints(
  dataSource: DataSource,
  planId: string,
  filters: PointFilters = {},
): Promise<number> {
  const { params, from } = pointFilter(planId, filters);
  const [row] = await dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n ${from}`,
    params,
  );
  return row?.n ?? 0;
}
