import type { PointRemit, PointStatus, RiskColour, SummaryPeriod } from '@workpoints/contracts';
import { STATUS_LABELS, isOpenStatus, shanghaiDate } from '@workpoints/domain';
import type { DataSource } from 'typeorm';
import { pointFilter, type PointFilters } from '../point-filter';
import { targetProgress } from '../target-progress';

export { SUMMARY_PERIODS, type SummaryPeriod } from '@workpoints/contracts';

/**
 * Which points a summary covers: the dashboard's filters of the same name (a chapter covers its
 * sections). Status and colour filters are left out on purpose: a summary of only the red points
 * would misstate every figure in its overview.
 */
export type SummaryFilters = Pick<
  PointFilters,
  'chapterId' | 'departmentId' | 'supervisorId' | 'remit'
>;

/** Only the filters a summary takes, out of any point filters (status and colour dropped). */
export function summaryFilters(filters: PointFilters): SummaryFilters {
  const { chapterId, departmentId, supervisorId, remit } = filters;
  return {
    ...(remit ? { remit } : {}),
    ...(chapterId ? { chapterId } : {}),
    ...(departmentId ? { departmentId } : {}),
    ...(supervisorId ? { supervisorId } : {}),
  };
}

export interface SummaryPoint {
  number: number;
  title: string;
  /** Lead department (牵头单位); null when none is assigned. */
  department: string | null;
  status: PointStatus;
  statusLabel: string;
  risk: RiskColour;
  overdue: boolean;
  /** `YYYY-MM-DD` (Asia/Shanghai), or null for work without a date (长期坚持). */
  deadline: string | null;
  /** The deadline as the plan phrased it (6月底前). */
  deadlineText: string | null;
  /** The latest progress or completion report dated within the period. */
  latestReport: { kind: 'progress' | 'completion'; text: string; date: string } | null;
}

export interface SummarySection {
  label: string;
  title: string;
  points: SummaryPoint[];
}

export interface SummaryChapter {
  /** As printed ('一'); empty for 其他, the points outside any chapter. */
  label: string;
  title: string;
  /** The chapter's own points, before its sections'. */
  points: SummaryPoint[];
  sections: SummarySection[];
}

export interface SummaryFigures {
  /** Published points that still count: cancelled ones are left out (see `cancelled`). */
  total: number;
  /** 已办结. */
  completed: number;
  /** Open and not overdue, including completions awaiting sign-off. */
  inProgress: number;
  /** Open and past the deadline. */
  overdue: number;
  /** Cancelled points, reported beside the total and never inside it. */
  cancelled: number;
  /**
   * Quantitative targets (量化指标) of the counted points, those with a reported actual and those
   * whose latest actual meets them (`targetProgress`'s totals).
   */
  targets: { total: number; withActual: number; met: number };
}

export interface SummaryData {
  planId: string;
  planTitle: string;
  year: number;
  period: SummaryPeriod;
  /** First and last day whose reports are quoted, `YYYY-MM-DD`. */
  periodStart: string;
  periodEnd: string;
  /** The day the figures are for (Asia/Shanghai): the read model holds today's state only. */
  asOf: string;
  /** Who signs: the organisation's root unit (局), else 办公室. */
  office: string;
  /** What the filters narrowed the summary to, in words; null for the whole plan. */
  scope: string | null;
  figures: SummaryFigures;
  /** In plan order; chapters without a point in scope are left out; 其他 last. */
  chapters: SummaryChapter[];
  problems: {
    /** Open overdue points, the longest overdue first. */
    overdue: SummaryPoint[];
    /** Open points on yellow (or red without the overdue flag), soonest deadline first. */
    atRisk: SummaryPoint[];
  };
  /**
   * Open points to carry forward, soonest deadline first and undated last: for a half-year
   * summary those due in the second half, overdue or undated; for an annual one every open point.
   */
  nextFocus: SummaryPoint[];
}

export interface LoadSummaryOptions {
  period: SummaryPeriod;
  filters?: SummaryFilters;
  /** The moment the summary is drawn; now unless a test fixes it. */
  now?: Date;
}

interface PointRow {
  number: number;
  title: string;
  department: string | null;
  status: PointStatus;
  risk: RiskColour;
  overdue: boolean;
  deadline: string | null;
  deadlineText: string | null;
  nodeId: string | null;
  reportKind: 'progress' | 'completion' | null;
  reportText: string | null;
  reportedOn: string | null;
}

interface NodeRow {
  id: string;
  parentId: string | null;
  kind: 'chapter' | 'section';
  label: string;
  title: string;
}

/** Soonest deadline first, undated last, then by number. */
const byDeadline = (a: SummaryPoint, b: SummaryPoint) =>
  (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31') || a.number - b.number;

/**
 * What a half-year or annual summary (工作总结) says, drawn from the read model: the plan, the
 * figures, the points chapter by chapter with their latest report in the period, the problems
 * and what comes next. Null when the plan does not exist.
 */
export async function loadSummary(
  dataSource: DataSource,
  planId: string,
  options: LoadSummaryOptions,
): Promise<SummaryData | null> {
  const [plan] = await dataSource.query<{ title: string; year: number }[]>(
    `SELECT title, year FROM plans WHERE id = $1`,
    [planId],
  );
  if (!plan) return null;
  // Only a summary's filters, whatever object the caller passed: see SummaryFilters.
  const filters = summaryFilters(options.filters ?? {});
  const { period } = options;
  const year = plan.year;
  const periodStart = `${year}-01-01`;
  const periodEnd = period === 'half-year' ? `${year}-06-30` : `${year}-12-31`;
  // Reports are stored in UTC; the period is whole days in Asia/Shanghai.
  const from = new Date(`${periodStart}T00:00:00+08:00`);
  const until = new Date(
    period === 'half-year' ? `${year}-07-01T00:00:00+08:00` : `${year + 1}-01-01T00:00:00+08:00`,
  );

  const { params, where, joins } = pointFilter(planId, filters);
  // Cancelled points are listed nowhere and counted only beside the total: their targets too.
  const live = { params, where: [...where, `p.status <> 'cancelled'`] };
  // The report window's bounds follow the filter's parameters.
  const [since, before] = [`$${params.length + 1}`, `$${params.length + 2}`];

  const [rows, nodes, office, scope, targets] = await Promise.all([
    dataSource.query<PointRow[]>(
      `SELECT p.number, p.title, d.name AS department, p.status, p.risk, p.overdue,
              to_char(p.deadline, 'YYYY-MM-DD') AS deadline, p.deadline_text AS "deadlineText",
              p.node_id AS "nodeId", r.kind AS "reportKind", r.text AS "reportText",
              to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "reportedOn"
         ${joins}
         LEFT JOIN LATERAL (SELECT pr.kind, pr.text, pr.created_at FROM progress_reports pr
                             WHERE pr.point_id = p.id AND pr.kind IN ('progress', 'completion')
                               AND pr.created_at >= ${since} AND pr.created_at < ${before}
                             ORDER BY pr.created_at DESC LIMIT 1) r ON true
        WHERE ${where.join(' AND ')}
        ORDER BY p.number`,
      [...params, from, until],
    ),
    dataSource.query<NodeRow[]>(
      `SELECT id, parent_id AS "parentId", kind, label, title
         FROM plan_nodes WHERE plan_id = $1 ORDER BY position`,
      [planId],
    ),
    officeName(dataSource),
    scopeText(dataSource, planId, filters),
    targetProgress(dataSource, planId, live).then((t) => t.totals),
  ]);

  const points = rows.map((r): SummaryPoint & { nodeId: string | null } => ({
    number: r.number,
    title: r.title,
    department: r.department,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    risk: r.risk,
    overdue: r.overdue,
    deadline: r.deadline,
    deadlineText: r.deadlineText,
    latestReport:
      r.reportKind && r.reportText !== null && r.reportedOn
        ? { kind: r.reportKind, text: r.reportText, date: r.reportedOn }
        : null,
    nodeId: r.nodeId,
  }));
  const counted = points.filter((p) => p.status !== 'cancelled');
  const open = counted.filter((p) => isOpenStatus(p.status));
  const strip = ({ nodeId: _nodeId, ...p }: SummaryPoint & { nodeId: string | null }) => p;

  return {
    planId,
    planTitle: plan.title,
    year,
    period,
    periodStart,
    periodEnd,
    asOf: shanghaiDate(options.now ?? new Date()),
    office,
    scope,
    figures: {
      total: counted.length,
      completed: counted.filter((p) => p.status === 'completed').length,
      inProgress: open.filter((p) => !p.overdue).length,
      overdue: open.filter((p) => p.overdue).length,
      cancelled: points.length - counted.length,
      targets: { total: targets.targets, withActual: targets.withActual, met: targets.met },
    },
    chapters: chapters(counted, nodes).map((c) => ({
      ...c,
      points: c.points.map(strip),
      sections: c.sections.map((s) => ({ ...s, points: s.points.map(strip) })),
    })),
    problems: {
      overdue: open
        .filter((p) => p.overdue)
        .map(strip)
        .sort(byDeadline),
      atRisk: open
        .filter((p) => !p.overdue && p.risk !== 'green')
        .map(strip)
        .sort(byDeadline),
    },
    nextFocus: open
      .filter(
        (p) => period === 'annual' || p.overdue || p.deadline === null || p.deadline > periodEnd,
      )
      .map(strip)
      .sort(byDeadline),
  };
}

/**
 * Chapters in plan order, each with its own points and then its sections' (as the ledger lays
 * them out); points under no chapter go to 其他 at the end. Headings without a point are dropped.
 */
function chapters<P extends { nodeId: string | null }>(
  points: P[],
  nodes: NodeRow[],
): {
  label: string;
  title: string;
  points: P[];
  sections: { label: string; title: string; points: P[] }[];
}[] {
  const under = (id: string) => points.filter((p) => p.nodeId === id);
  const placed = new Set<P>();
  const result = [];
  for (const chapter of nodes.filter((n) => n.kind === 'chapter')) {
    const own = under(chapter.id);
    const sections = nodes
      .filter((n) => n.kind === 'section' && n.parentId === chapter.id)
      .map((s) => ({ label: s.label, title: s.title, points: under(s.id) }))
      .filter((s) => s.points.length > 0);
    if (own.length === 0 && sections.length === 0) continue;
    for (const p of [...own, ...sections.flatMap((s) => s.points)]) placed.add(p);
    result.push({ label: chapter.label, title: chapter.title, points: own, sections });
  }
  // Points under no heading (or a heading outside the chapter tree) are still reported.
  const rest = points.filter((p) => !placed.has(p));
  if (rest.length > 0) result.push({ label: '', title: '其他', points: rest, sections: [] });
  return result;
}

/** The organisation's root unit (局) signs the summary; a fresh install without one, 办公室. */
async function officeName(dataSource: DataSource): Promise<string> {
  const [root] = await dataSource.query<{ name: string }[]>(
    `SELECT name FROM departments WHERE kind = 'bureau' AND parent_id IS NULL
      ORDER BY position, created_at LIMIT 1`,
  );
  return root?.name ?? '办公室';
}

/** The filters in words (专利管理处牵头；一、强化保护), for the subtitle. */
async function scopeText(
  dataSource: DataSource,
  planId: string,
  filters: SummaryFilters,
): Promise<string | null> {
  const parts: string[] = [];
  if (filters.chapterId) {
    const [n] = await dataSource.query<{ kind: string; label: string; title: string }[]>(
      `SELECT kind, label, title FROM plan_nodes WHERE id = $1`,
      [filters.chapterId],
    );
    // A chapter printed without a number has an empty label: no stray 、 then.
    if (n)
      parts.push(
        n.kind === 'chapter' && n.label ? `${n.label}、${n.title}` : `${n.label}${n.title}`,
      );
  }
  if (filters.departmentId) {
    const [d] = await dataSource.query<{ name: string }[]>(
      `SELECT name FROM departments WHERE id = $1`,
      [filters.departmentId],
    );
    if (d) parts.push(`${d.name}牵头`);
  }
  if (filters.supervisorId) {
    const [u] = await dataSource.query<{ name: string }[]>(
      `SELECT display_name AS name FROM users WHERE id = $1`,
      [filters.supervisorId],
    );
    if (u) parts.push(`${u.name}分管`);
  }
  if (filters.remit) parts.push(await remitText(dataSource, planId, filters.remit));
  return parts.length > 0 ? parts.join('；') : null;
}

/**
 * A remit in the words that apply to this plan: 专利管理处牵头或配合 for a department's, 李副局长分管
 * for a supervisor's, both when both hold points; the person's 职责范围 when neither does.
 */
async function remitText(
  dataSource: DataSource,
  planId: string,
  remit: PointRemit,
): Promise<string> {
  const [row] = await dataSource.query<
    { department: string | null; name: string | null; takesPart: boolean; supervises: boolean }[]
  >(
    `SELECT (SELECT name FROM departments WHERE id = $2) AS department,
            (SELECT display_name FROM users WHERE id = $3) AS name,
            EXISTS (SELECT 1 FROM work_points p WHERE p.plan_id = $1 AND (p.lead_department_id = $2
                      OR EXISTS (SELECT 1 FROM work_point_co_departments c
                                  WHERE c.point_id = p.id AND c.department_id = $2))) AS "takesPart",
            EXISTS (SELECT 1 FROM work_points p
                     WHERE p.plan_id = $1 AND p.supervisor_id = $3) AS supervises`,
    [planId, remit.departmentId, remit.userId],
  );
  const words = [
    ...(row?.takesPart && row.department ? [`${row.department}牵头或配合`] : []),
    ...(row?.supervises && row.name ? [`${row.name}分管`] : []),
  ];
  return words.length > 0 ? words.join('、') : `${row?.name ?? ''}职责范围内`;
}
