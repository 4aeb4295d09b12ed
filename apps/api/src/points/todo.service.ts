import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, PointSummary, ReportDue, TodoView } from '@workpoints/contracts';
import { OPEN_STATUSES } from '@workpoints/domain';
import { WorkPointEntity, sqlStatusIn, visiblePointCondition } from '@workpoints/persistence';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { toPointSummary } from './point.mapper';

const NONE = '00000000-0000-0000-0000-000000000000';
const OPEN = sqlStatusIn('p', OPEN_STATUSES);

@Injectable()
export class TodoService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async todo(actor: Actor): Promise<TodoView> {
    const dept = actor.departmentId ?? NONE;
    const has = (...roles: string[]) => roles.some((r) => actor.roles.includes(r as never));
    const ofMyDepartment = (qb: SelectQueryBuilder<WorkPointEntity>) =>
      qb.andWhere('p.leadDepartmentId = :dept', { dept }).andWhere('p.suspended = false');
    const [toAcknowledge, reportsDue, returned, approvals, extensions, overdue] = await Promise.all(
      [
        this.points(actor, (qb) => ofMyDepartment(qb).andWhere(`p.status = 'assigned'`)),
        this.reportsDue(actor, dept),
        this.points(actor, (qb) =>
          ofMyDepartment(qb)
            .andWhere(`p.status = 'in_progress'`)
            .andWhere(
              `(SELECT a.event FROM audit_events a WHERE a.point_id = p.id ORDER BY a.at DESC, a.id DESC LIMIT 1) = 'return'`,
            ),
        ),
        has('head', 'supervisor')
          ? this.points(actor, (qb) =>
              qb.andWhere(
                `((:head AND p.status = 'submitted' AND p.leadDepartmentId = :dept)
                OR (:sup AND p.status = 'head_approved' AND p.supervisorId = :me))`,
                { head: has('head'), sup: has('supervisor'), dept, me: actor.userId },
              ),
            )
          : [],
        has('supervisor')
          ? this.points(actor, (qb) =>
              qb
                .andWhere('p.pendingExtension IS NOT NULL')
                .andWhere('p.supervisorId = :me', { me: actor.userId })
                .andWhere(OPEN),
            )
          : [],
        this.points(actor, (qb) => {
          qb.andWhere('p.overdue = true').andWhere(OPEN);
          if (!has('coordinator', 'admin'))
            qb.andWhere('(p.leadDepartmentId = :dept OR p.supervisorId = :me)', {
              dept,
              me: actor.userId,
            });
          return qb;
        }),
      ],
    );
    return { toAcknowledge, reportsDue, returned, approvals, extensions, overdue };
  }

  /** The points `where` picks, never beyond the actor's remit whatever a list's own rule says. */
  private async points(
    actor: Actor,
    where: (qb: SelectQueryBuilder<WorkPointEntity>) => SelectQueryBuilder<WorkPointEntity>,
  ): Promise<PointSummary[]> {
    const remit: Record<string, unknown> = {};
    const qb = this.dataSource
      .getRepository(WorkPointEntity)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.coDepartments', 'co')
      .where(visiblePointCondition(actor, 'p', remit), remit)
      .orderBy('p.deadline', 'ASC', 'NULLS LAST')
      .addOrderBy('p.number', 'ASC')
      .take(200);
    return (await where(qb).getMany()).map(toPointSummary);
  }

  /** The report reminders (提醒 / 未按时报送) sent since the department's last progress report. */
  private async reportsDue(actor: Actor, dept: string): Promise<ReportDue[]> {
    const rows = await this.dataSource.query<{ id: string; due: string }[]>(
      `SELECT p.id, to_char(max(r.due_date), 'YYYY-MM-DD') AS due
         FROM work_points p
         JOIN notices r ON r.point_id = p.id AND r.kind IN ('report-reminder', 'report-missed')
         LEFT JOIN LATERAL (
              SELECT max((pr.created_at AT TIME ZONE 'Asia/Shanghai')::date) AS last
                FROM progress_reports pr
               WHERE pr.point_id = p.id AND pr.kind = 'progress') lr ON true
        WHERE p.lead_department_id = $1 AND p.suspended = false
          AND p.status IN ('acknowledged', 'in_progress')
          AND (lr.last IS NULL OR r.notice_date > lr.last)
        GROUP BY p.id
        LIMIT 200`,
      [dept],
    );
    if (rows.length === 0) return [];
    const due = new Map(rows.map((r) => [r.id, r.due]));
    const points = await this.points(actor, (qb) =>
      qb.andWhere('p.id IN (:...ids)', { ids: [...due.keys()] }),
    );
    return points.map((p) => ({ ...p, reportDue: due.get(p.id) ?? '' }));
  }
}
