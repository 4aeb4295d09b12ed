import type { PointStatus, RiskColour } from '@workpoints/contracts';
import type { DataSource } from 'typeorm';
import { pointFilter, type PointFilters } from '../point-filter';

/** One row of the ledger: a point with its parties, deadline and latest progress. */
export interface LedgerPoint {
  number: number;
  title: string;
  /** Lead department (牵头单位). */
  lead: string | null;
  /** Co-departments (配合单位), joined with 、. */
  co: string | null;
  /** `YYYY-MM-DD`. */
  deadline: string | null;
  /** The deadline as the plan phrased it (6月底前). */
  deadlineText: string | null;
  status: PointStatus;
  risk: RiskColour;
  supervisor: string | null;
  /** The latest progress or completion report, and its day in Asia/Shanghai. */
  report: string | null;
  reportedOn: string | null;
  /** The point's chapter (its own node, or its section's parent) and section. */
  chapterId: string | null;
  sectionId: string | null;
}

/** A chapter (no parent) or section heading of the plan. */
export interface LedgerNode {
  id: string;
  parentId: string | null;
  label: string;
  title: string;
}

export interface LedgerData {
  planId: string;
  planTitle: string;
  /** The selected points in number order. */
  points: LedgerPoint[];
  /** Every heading of the plan in print order. */
  nodes: LedgerNode[];
}

/**
 * What the supervision ledger (督办台账) lists: the plan's points under the dashboard's filters,
 * each with its co-departments, supervisor and latest report, and the plan's headings. Two
 * queries, whatever the plan's size. Null when the plan does not exist.
 */
export async function loadLedger(
  dataSource: DataSource,
  planId: string,
  filters: PointFilters = {},
): Promise<LedgerData | null> {
  const [plan] = await dataSource.query<{ title: string }[]>(
    `SELECT title FROM plans WHERE id = $1`,
    [planId],
  );
  if (!plan) return null;
  const { params, joins, where } = pointFilter(planId, filters);
  const [points, nodes] = await Promise.all([
    dataSource.query<LedgerPoint[]>(
      `SELECT p.number, p.title, d.name AS lead,
              (SELECT string_agg(cd.name, '、' ORDER BY cd.name) FROM work_point_co_departments c
                 JOIN departments cd ON cd.id = c.department_id WHERE c.point_id = p.id) AS co,
              to_char(p.deadline, 'YYYY-MM-DD') AS deadline, p.deadline_text AS "deadlineText",
              p.status, p.risk, u.display_name AS supervisor,
              r.text AS report, to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "reportedOn",
              CASE WHEN n.kind = 'chapter' THEN n.id ELSE n.parent_id END AS "chapterId",
              CASE WHEN n.kind = 'section' THEN n.id END AS "sectionId"
         ${joins}
         LEFT JOIN users u ON u.id = p.supervisor_id
         LEFT JOIN LATERAL (SELECT text, created_at FROM progress_reports pr
                             WHERE pr.point_id = p.id AND pr.kind IN ('progress', 'completion')
                             ORDER BY pr.created_at DESC LIMIT 1) r ON true
        WHERE ${where.join(' AND ')}
        ORDER BY p.number`,
      params,
    ),
    dataSource.query<LedgerNode[]>(
      `SELECT id, parent_id AS "parentId", label, title FROM plan_nodes WHERE plan_id = $1 ORDER BY position`,
      [planId],
    ),
  ]);
  return { planId, planTitle: plan.title, points, nodes };
}
