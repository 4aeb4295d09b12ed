import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { unlessUnknownYear } from '@workpoints/calendar';
import {
  POINT_STATUSES,
  RISK_COLOURS,
  type Actor,
  type DashboardPoint,
  type PlanDashboard,
  type PointStatus,
  type RiskColour,
} from '@workpoints/contracts';
import {
  OPEN_STATUSES,
  RISK_LABELS,
  STATUS_LABELS,
  effectiveDeadline,
  shanghaiDate,
} from '@workpoints/domain';
import { sqlStatusIn } from '@workpoints/persistence';
import { pointFilter } from '@workpoints/reports';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { scopedFilters, visiblePlan } from '../access/scope';
import type { DashboardQuery } from './dashboard.dto';

type Counts<K extends string> = Record<K, number>;

const OPEN = sqlStatusIn('p', OPEN_STATUSES);
const LIST_LIMIT = 500;

/**
 * What supervisors read first (督办看板): a plan's points counted by status and colour, by
 * chapter and by lead department, the overdue list with working days late and what falls due
 * soon — all from the read model, in a handful of grouped queries, whatever the plan's size.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  async dashboard(planId: string, actor: Actor, query: DashboardQuery): Promise<PlanDashboard> {
    await visiblePlan(this.dataSource, planId, actor);
    const filters = scopedFilters(actor, query);

    const { params, where, joins, from } = pointFilter(planId, filters);
    const run = <T>(sql: string, extra: unknown[] = []) =>
      this.dataSource.query<T[]>(sql, [...params, ...extra]);

    const today = shanghaiDate(new Date());
    const within = filters.dueWithinWorkdays ?? 10;
    const calendar = await this.calendars.calendar([
      Number(today.slice(0, 4)) - 1,
      Number(today.slice(0, 4)),
      Number(today.slice(0, 4)) + 1,
    ]);
    const horizon = unlessUnknownYear(() => calendar.addWorkdays(today, within)) ?? today;

    const pointColumns = `p.id, p.number, p.title, to_char(p.deadline, 'YYYY-MM-DD') AS deadline,
      p.status, p.risk, p.lead_department_id AS "departmentId", d.name AS "departmentName",
      p.policy->>'nonWorkdayRule' AS rule`;
    const [cells, chapters, chapterNodes, departments, overdue, dueSoon] = await Promise.all([
      run<{ status: PointStatus; risk: RiskColour; n: number }>(
        `SELECT p.status, p.risk, count(*)::int AS n ${from} GROUP BY p.status, p.risk`,
      ),
      run<{ chapter: string | null; risk: RiskColour; n: number }>(
        `SELECT CASE WHEN n.kind = 'chapter' THEN n.id ELSE n.parent_id END AS chapter, p.risk,
                count(*)::int AS n ${from} GROUP BY 1, 2`,
      ),
      this.dataSource.query<{ id: string; label: string; title: string }[]>(
        `SELECT id, label, title FROM plan_nodes WHERE plan_id = $1 AND kind = 'chapter' ORDER BY position`,
        [planId],
      ),
      run<{
        id: string | null;
        name: string | null;
        led: number;
        completed: number;
        onTime: number;
        completedLate: number;
        overdue: number;
        reportsMissed: number;
      }>(
        `SELECT p.lead_department_id AS id, min(d.name) AS name, count(*)::int AS led,
                count(*) FILTER (WHERE p.status = 'completed')::int AS completed,
                count(*) FILTER (WHERE p.status = 'completed' AND NOT p.overdue)::int AS "onTime",
                count(*) FILTER (WHERE p.status = 'completed' AND p.overdue)::int AS "completedLate",
                count(*) FILTER (WHERE ${OPEN} AND p.overdue)::int AS overdue,
                coalesce(sum(m.missed), 0)::int AS "reportsMissed"
           ${joins}
           LEFT JOIN (SELECT r.point_id, count(*) AS missed
                        FROM notices r JOIN work_points rp ON rp.id = r.point_id
                       WHERE rp.plan_id = $1 AND r.kind = 'report-missed' AND r.recipient = 'lead'
                       GROUP BY r.point_id) m
                  ON m.point_id = p.id
          WHERE ${where.join(' AND ')}
          GROUP BY p.lead_department_id
          ORDER BY count(*) FILTER (WHERE ${OPEN} AND p.overdue) DESC, min(d.name)`,
      ),
      run<DashboardPoint & { rule: string | null }>(
        `SELECT ${pointColumns} ${from} AND ${OPEN} AND p.overdue ORDER BY p.deadline, p.number LIMIT ${LIST_LIMIT}`,
      ),
      run<DashboardPoint & { rule: string | null }>(
        `SELECT ${pointColumns} ${from} AND ${OPEN} AND NOT p.overdue AND p.deadline >= $${params.length + 1}::date
           AND p.deadline <= $${params.length + 2}::date
         ORDER BY p.deadline, p.number LIMIT ${LIST_LIMIT}`,
        [today, horizon],
      ),
    ]);

    const byStatus = Object.fromEntries(POINT_STATUSES.map((s) => [s, 0])) as Counts<PointStatus>;
    const byRisk = Object.fromEntries(RISK_COLOURS.map((r) => [r, 0])) as Counts<RiskColour>;
    for (const c of cells) {
      byStatus[c.status] += c.n;
      byRisk[c.risk] += c.n;
    }
    const zeroRisk = () =>
      Object.fromEntries(RISK_COLOURS.map((r) => [r, 0])) as Counts<RiskColour>;
    const chapterRows = new Map<string | null, { total: number; byRisk: Counts<RiskColour> }>();
    for (const c of chapters) {
      const row = chapterRows.get(c.chapter) ?? { total: 0, byRisk: zeroRisk() };
      row.total += c.n;
      row.byRisk[c.risk] += c.n;
      chapterRows.set(c.chapter, row);
    }
    const point = ({ rule: _rule, ...p }: DashboardPoint & { rule: string | null }) => ({
      ...p,
      statusLabel: STATUS_LABELS[p.status],
    });
    const moved = (p: { deadline: string; rule: string | null }) =>
      effectiveDeadline(p.deadline, p.rule === 'next' ? 'next' : 'previous', calendar);
    return {
      planId,
      today,
      total: cells.reduce((sum, c) => sum + c.n, 0),
      byStatus,
      byRisk,
      riskLabels: RISK_LABELS,
      byChapter: [
        ...chapterNodes.map((c) => ({
          chapterId: c.id as string | null,
          label: c.label,
          title: c.title,
        })),
        { chapterId: null, label: '', title: '未分章' },
      ].flatMap((c) => {
        const row = chapterRows.get(c.chapterId);
        return row ? [{ ...c, ...row }] : [];
      }),
      byDepartment: departments.map((d) => ({
        departmentId: d.id,
        name: d.name ?? '未指定牵头单位',
        led: d.led,
        completed: d.completed,
        onTime: d.onTime,
        completedLate: d.completedLate,
        overdue: d.overdue,
        reportsMissed: d.reportsMissed,
      })),
      overdue: overdue
        .map((p) => {
          const due = moved(p);
          return {
            ...point(p),
            workdaysLate: due
              ? unlessUnknownYear(() => calendar.workdaysBetween(due, today))
              : null,
          };
        })
        .sort((a, b) => (b.workdaysLate ?? 0) - (a.workdaysLate ?? 0) || a.number - b.number),
      dueSoon: dueSoon.map((p) => {
        const due = moved(p);
        return {
          ...point(p),
          workdaysLeft: due ? unlessUnknownYear(() => calendar.workdaysBetween(today, due)) : null,
        };
      }),
      dueWithinWorkdays: within,
    };
  }
}
