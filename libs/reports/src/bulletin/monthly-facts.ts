import { WorkCalendar, fromDayNumber, toDayNumber, unlessUnknownYear } from '@workpoints/calendar';
import {
  PUBLISHED_STATUSES,
  effectiveDeadline,
  monthBounds,
  shanghaiDate,
  type DepartmentMonthFacts,
} from '@workpoints/domain';
import { loadCalendarData, sqlStatusIn, type BulletinPoint } from '@workpoints/persistence';
import type { EntityManager } from 'typeorm';

export interface MonthlyFacts {
  planId: string;
  planTitle: string;
  month: string;
  /** The last day the figures cover: the month's end, or today for the month under way. */
  asOf: string;
  /** Published points that were open at some time in the month. */
  pointsOpen: number;
  departments: DepartmentMonthFacts[];
  completed: BulletinPoint[];
  overdue: BulletinPoint[];
}

interface PointRow {
  id: string;
  number: number;
  title: string;
  deadline: string | null;
  overdue: boolean;
  rule: string | null;
  departmentId: string | null;
  departmentName: string | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
  reports: number;
  missed: number;
  returns: number;
}

/**
 * What happened in `month` to a plan's published points, from the read model and the audit
 * trail: completions (the final sign-off's instant), the points overdue at the month's end
 * with their working days late, and per lead department the facts the score is made of.
 * Working days come from the office's calendar; in a year it does not know, days late are
 * left blank (null) and count nothing, rather than guessed.
 */
export async function loadMonthlyFacts(
  manager: EntityManager,
  planId: string,
  month: string,
  now: Date = new Date(),
): Promise<MonthlyFacts> {
  const bounds = monthBounds(month);
  const plan = await manager.query<{ title: string; publishedAt: Date | null }[]>(
    `SELECT title, published_at AS "publishedAt" FROM plans WHERE id = $1`,
    [planId],
  );
  if (plan.length === 0) throw new RangeError(`计划不存在：${planId}`);
  const today = shanghaiDate(now);
  const asOf = today < bounds.last ? today : bounds.last;
  const year = Number(month.slice(0, 4));
  const calendar = new WorkCalendar(await loadCalendarData(manager, year - 1, year + 1));

  const rows = await manager.query<PointRow[]>(
    `SELECT p.id, p.number, p.title, to_char(p.deadline, 'YYYY-MM-DD') AS deadline, p.overdue,
            p.policy->>'nonWorkdayRule' AS rule, p.lead_department_id AS "departmentId",
            d.name AS "departmentName", done.at AS "completedAt", gone.at AS "cancelledAt",
            coalesce(r.n, 0)::int AS reports, coalesce(m.n, 0)::int AS missed,
            coalesce(s.n, 0)::int AS returns
       FROM work_points p
       LEFT JOIN departments d ON d.id = p.lead_department_id
       LEFT JOIN LATERAL (SELECT min(a.at) AS at FROM audit_events a
                           WHERE a.point_id = p.id AND a.to_status = 'completed') done ON true
       LEFT JOIN LATERAL (SELECT min(a.at) AS at FROM audit_events a
                           WHERE a.point_id = p.id AND a.to_status = 'cancelled') gone ON true
       LEFT JOIN (SELECT point_id, count(*) AS n FROM progress_reports
                   WHERE kind = 'progress' AND created_at >= $2 AND created_at < $3
                   GROUP BY point_id) r ON r.point_id = p.id
       LEFT JOIN (SELECT point_id, count(*) AS n FROM notices
                   WHERE kind = 'report-missed' AND recipient = 'lead'
                     AND notice_date BETWEEN $4::date AND $5::date
                   GROUP BY point_id) m ON m.point_id = p.id
       LEFT JOIN (SELECT point_id, count(*) AS n FROM sign_offs
                   WHERE decision = 'returned' AND created_at >= $2 AND created_at < $3
                   GROUP BY point_id) s ON s.point_id = p.id
      WHERE p.plan_id = $1 AND ${sqlStatusIn('p', PUBLISHED_STATUSES)}
      ORDER BY p.number`,
    [planId, bounds.start, bounds.end, bounds.first, bounds.last],
  );

  const published = plan[0].publishedAt;
  const departments = new Map<string, DepartmentMonthFacts>();
  const completed: BulletinPoint[] = [];
  const overdue: BulletinPoint[] = [];
  let pointsOpen = 0;
  for (const p of rows) {
    const closed = p.completedAt ?? p.cancelledAt;
    const openInMonth =
      (!published || published < bounds.end) && !(closed && closed < bounds.start);
    if (!openInMonth) continue;
    pointsOpen += 1;
    // The workflow's deadline: moved off a non-working day as the point's policy says.
    const due = p.deadline
      ? effectiveDeadline(p.deadline, p.rule === 'next' ? 'next' : 'previous', calendar)
      : null;
    const closedDay = closed ? shanghaiDate(closed) : null;
    // Working days late within the month: after the deadline, up to the month's end (or today,
    // or the day it was closed).
    const lateEnd = [asOf, closedDay].filter((d): d is string => d !== null).sort()[0];
    const lateFrom = due && due > bounds.first ? due : fromDayNumber(toDayNumber(bounds.first) - 1);
    const lateInMonth =
      p.overdue && due && lateEnd > lateFrom
        ? unlessUnknownYear(() => calendar.workdaysBetween(lateFrom, lateEnd))
        : 0;

    const point: BulletinPoint = {
      pointId: p.id,
      number: p.number,
      title: p.title,
      departmentName: p.departmentName ?? '未指定牵头单位',
      deadline: p.deadline,
    };
    const completedInMonth =
      p.completedAt !== null && p.completedAt >= bounds.start && p.completedAt < bounds.end;
    if (completedInMonth)
      completed.push({ ...point, completedOn: closedDay as string, late: p.overdue });
    const openAtEnd = !closed || closed >= bounds.end;
    if (p.overdue && openAtEnd && due && due < asOf)
      overdue.push({
        ...point,
        workdaysLate: unlessUnknownYear(() => calendar.workdaysBetween(due, asOf)),
      });

    if (!p.departmentId) continue;
    const facts = departments.get(p.departmentId) ?? {
      departmentId: p.departmentId,
      name: p.departmentName ?? '',
      pointsLed: 0,
      onTimeReports: 0,
      missedReports: 0,
      completedOnTime: 0,
      completedLate: 0,
      overdueWorkdays: [],
      returns: 0,
    };
    facts.pointsLed += 1;
    if (p.reports > 0 && p.missed === 0) facts.onTimeReports += 1;
    facts.missedReports += p.missed;
    if (completedInMonth && !p.overdue) facts.completedOnTime += 1;
    if (completedInMonth && p.overdue) facts.completedLate += 1;
    if (lateInMonth) facts.overdueWorkdays.push(lateInMonth);
    facts.returns += p.returns;
    departments.set(p.departmentId, facts);
  }
  overdue.sort((a, b) => (b.workdaysLate ?? 0) - (a.workdaysLate ?? 0) || a.number - b.number);
  completed.sort(
    (a, b) => (a.completedOn ?? '').localeCompare(b.completedOn ?? '') || a.number - b.number,
  );
  return {
    planId,
    planTitle: plan[0].title,
    month,
    asOf,
    pointsOpen,
    departments: [...departments.values()],
    completed,
    overdue,
  };
}
