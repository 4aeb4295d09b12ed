import type { TargetProgress, TargetProgressRow } from '@workpoints/contracts';
import { targetMet, targetMetLabel } from '@workpoints/domain';
import type { Comparator, Target } from '@workpoints/plan-parser';
import type { DataSource } from 'typeorm';
import { POINT_JOINS, pointFilter, type PointSqlFilter } from './point-filter';

// The progress is an answer of the API too: its shape lives in the contracts.
export type { TargetProgress, TargetProgressRow };

interface PointRow {
  id: string;
  number: number;
  title: string;
  targets: Partial<Target>[];
  departmentId: string | null;
  departmentName: string | null;
}

interface ActualRow {
  pointId: string;
  targetIndex: number;
  /** numeric arrives as a string from a raw query. */
  value: string;
  date: string;
}

/**
 * Target progress (指标完成情况) of a plan's published points: one row per target with the
 * latest actual, whether it is met and the year's trend, and totals. Latest means the newest
 * report whenever it came (a year's final figures often arrive in January), while the trend
 * keeps to reports dated in the plan's year. Two queries, whatever the plan's size.
 *
 * @param filter the points to include (`pointFilter` with the dashboard's filters and remit);
 *   all published points of the plan when absent.
 */
export async function targetProgress(
  dataSource: DataSource,
  planId: string,
  filter?: PointSqlFilter,
): Promise<TargetProgress> {
  const { params, where } = filter ?? pointFilter(planId);
  if (params[0] !== planId)
    throw new RangeError('targetProgress: the filter must be built for the same plan ($1)');
  const plans = await dataSource.query<{ year: number }[]>(`SELECT year FROM plans WHERE id = $1`, [
    planId,
  ]);
  const plan = plans[0];
  if (!plan) throw new RangeError(`计划不存在：${planId}`);
  const conditions = [...where, `jsonb_array_length(p.targets) > 0`].join(' AND ');

  const [points, actuals] = await Promise.all([
    dataSource.query<PointRow[]>(
      `SELECT p.id, p.number, p.title, p.targets, p.lead_department_id AS "departmentId",
              d.name AS "departmentName"
         ${POINT_JOINS}
        WHERE ${conditions}
        ORDER BY p.number`,
      params,
    ),
    dataSource.query<ActualRow[]>(
      `SELECT a.point_id AS "pointId", a.target_index AS "targetIndex", a.value::text AS value,
              to_char(a.reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS date
         ${POINT_JOINS}
         JOIN target_actuals a ON a.point_id = p.id
        WHERE ${conditions}
        ORDER BY a.point_id, a.target_index, a.reported_at, a.id`,
      params,
    ),
  ]);

  // Oldest first per (point, target), so the last one is the latest.
  const byTarget = new Map<string, { date: string; value: number }[]>();
  for (const a of actuals) {
    const key = `${a.pointId}:${a.targetIndex}`;
    const list = byTarget.get(key) ?? [];
    list.push({ date: a.date, value: Number(a.value) });
    byTarget.set(key, list);
  }

  const yearPrefix = `${plan.year}-`;
  const rows = points.flatMap((p) =>
    p.targets.map((t, index): TargetProgressRow => {
      const target = {
        index,
        text: String(t.text ?? ''),
        value: Number(t.value),
        valueMax: t.valueMax === undefined || t.valueMax === null ? null : Number(t.valueMax),
        unit: String(t.unit ?? ''),
        comparator: (t.comparator ?? '=') as Comparator,
        aspirational: t.aspirational === true,
      };
      const all = byTarget.get(`${p.id}:${index}`) ?? [];
      const last = all[all.length - 1];
      const met = last
        ? targetMet(
            {
              value: target.value,
              comparator: target.comparator,
              ...(target.valueMax === null ? {} : { valueMax: target.valueMax }),
            },
            last.value,
          )
        : null;
      return {
        point: { id: p.id, number: p.number, title: p.title },
        department:
          p.departmentId && p.departmentName
            ? { id: p.departmentId, name: p.departmentName }
            : null,
        target,
        latest: last ? { value: last.value, date: last.date } : null,
        met,
        metLabel: targetMetLabel(met),
        trend: all.filter((a) => a.date.startsWith(yearPrefix)),
      };
    }),
  );
  return {
    planId,
    year: plan.year,
    rows,
    totals: {
      targets: rows.length,
      withActual: rows.filter((r) => r.latest !== null).length,
      met: rows.filter((r) => r.met === true).length,
    },
  };
}
