import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Actor,
  CalendarData,
  CalendarRequest,
  NoticeRecord,
  PointChanges,
  TransitionRecord,
  WorkPointActivities,
} from '@workpoints/contracts';
import { AppConfig } from '@workpoints/config';
import { addressees } from '@workpoints/domain';
import {
  AuditEventEntity,
  ProgressReportEntity,
  NoticeEntity,
  SignOffEntity,
  TargetActualEntity,
  WorkPointEntity,
  loadCalendarData,
} from '@workpoints/persistence';
import { DataSource, IsNull, LessThan, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import { writeNotifications } from './notification-fanout';

type NoticeRow = Pick<
  NoticeEntity,
  'kind' | 'dueDate' | 'noticeDate' | 'recipient' | 'recipientKey' | 'departmentId' | 'userId'
>;

/**
 * One row per addressee of a notice (libs/domain `addressees`): departments for department
 * roles, people otherwise, each under its key in the notice's unique index.
 */
export function noticeRows(notice: NoticeRecord): NoticeRow[] {
  const base = { kind: notice.kind, dueDate: notice.dueDate, noticeDate: notice.noticeDate };
  return addressees(notice.recipients, notice.parties).map((a): NoticeRow => {
    switch (a.recipient) {
      case 'lead':
      case 'lead-head':
      case 'co':
        return {
          ...base,
          recipient: a.recipient,
          recipientKey: `${a.recipient}:${a.departmentId}`,
          departmentId: a.departmentId,
          userId: null,
        };
      case 'supervisor':
        return {
          ...base,
          recipient: a.recipient,
          recipientKey: `supervisor:${a.userId}`,
          departmentId: null,
          userId: a.userId,
        };
      case 'coordinator':
        return {
          ...base,
          recipient: a.recipient,
          recipientKey: 'coordinator',
          departmentId: null,
          userId: null,
        };
    }
  });
}

/**
 * Activities of the work-point workflow, as a Nest provider so they share the persistence
 * module with the API. Each transition is written in one transaction: the read model, the
 * audit row, and whatever the transition carries (report, sign-off, notice rows, changes of
 * deadline, parties or policy).
 */
@Injectable()
export class WorkPointActivitiesService implements WorkPointActivities {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  loadCalendar(request: CalendarRequest): Promise<CalendarData> {
    return loadCalendarData(this.dataSource.manager, request.fromYear, request.toYear);
  }

  async recordTransition(rec: TransitionRecord): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const point = await tx.findOne(WorkPointEntity, {
        where: { id: rec.pointId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!point) throw new Error(`work point ${rec.pointId} is not in the read model`);
      const at = new Date(rec.at);

      // The audit row is the idempotency key: an activity retried after a commit whose
      // acknowledgement was lost inserts nothing and changes nothing.
      const audit = await tx
        .createQueryBuilder()
        .insert()
        .into(AuditEventEntity)
        .values({
          planId: rec.planId,
          pointId: rec.pointId,
          actorId: rec.actor?.userId ?? null,
          actorName: rec.actor?.displayName ?? null,
          event: rec.event,
          fromStatus: rec.from,
          toStatus: rec.to,
          before: { status: point.status, risk: point.risk, overdue: point.overdue },
          after: {
            status: rec.to,
            risk: rec.risk,
            overdue: rec.overdue,
            ...(rec.changes ? { changes: rec.changes } : {}),
            ...(rec.notices?.length
              ? {
                  notices: rec.notices.map((n) => ({
                    kind: n.kind,
                    dueDate: n.dueDate,
                    recipients: n.recipients,
                  })),
                }
              : {}),
          },
          comment: rec.comment,
          requestId: rec.requestId,
          at,
        })
        .orIgnore()
        .returning('id')
        .execute();
      if ((audit.raw as unknown[]).length === 0) return;

      const newer = await tx.update(
        WorkPointEntity,
        { id: rec.pointId, version: LessThan(rec.version) },
        {
          status: rec.to,
          risk: rec.risk,
          overdue: rec.overdue,
          version: rec.version,
          // The publication record is written before the workflow has its calendar, so it
          // carries the assigned deadline; the API stored the working-day one when publishing.
          ...(rec.effectiveDeadline && rec.event !== 'publish'
            ? { effectiveDeadline: rec.effectiveDeadline }
            : {}),
          // The submitter of the completion now waiting for sign-off (separation of duties).
          ...(rec.event === 'submit' && rec.actor ? { submittedById: rec.actor.userId } : {}),
          ...(rec.event === 'return' ? { submittedById: null } : {}),
          ...readModelChanges(rec.changes),
        },
      );
      if (newer.affected && rec.changes?.parties) {
        await tx.query('DELETE FROM work_point_co_departments WHERE point_id = $1', [rec.pointId]);
        for (const id of rec.changes.parties.coDepartmentIds)
          await tx.query(
            'INSERT INTO work_point_co_departments (point_id, department_id) VALUES ($1, $2)',
            [rec.pointId, id],
          );
      }
      if (rec.report && rec.actor)
        await this.insertReport(tx, rec, rec.report, rec.actor, point, at);
      if (rec.signOff && rec.actor) {
        await tx.insert(SignOffEntity, {
          pointId: rec.pointId,
          level: rec.signOff.level,
          decision: rec.signOff.decision,
          actorId: rec.actor.userId,
          comment: rec.comment,
          requestId: rec.requestId,
          createdAt: at,
        });
      }
      const rows: NoticeRow[] = (rec.notices ?? []).flatMap(noticeRows);
      await writeNotifications(tx, rec, point, this.config.notify.publicUrl);
      if (rows.length > 0)
        await tx
          .createQueryBuilder()
          .insert()
          .into(NoticeEntity)
          .values(rows.map((row) => ({ ...row, pointId: rec.pointId, createdAt: at })))
          .orIgnore()
          .execute();
    });
  }

  /**
   * A report row with the target actuals it carries; a lead report takes along the
   * co-departments' contributions waiting for it.
   */
  private async insertReport(
    tx: EntityManager,
    rec: TransitionRecord,
    report: NonNullable<TransitionRecord['report']>,
    actor: Actor,
    point: WorkPointEntity,
    at: Date,
  ): Promise<void> {
    const contribution = report.kind === 'contribution';
    const inserted = await tx.insert(ProgressReportEntity, {
      pointId: rec.pointId,
      departmentId: contribution
        ? (actor.departmentId ?? undefined)
        : (point.leadDepartmentId ?? actor.departmentId ?? undefined),
      authorId: actor.userId,
      kind: report.kind,
      text: report.text,
      percent: report.percent,
      requestId: rec.requestId,
      createdAt: at,
    });
    if (contribution) return;
    const id = (inserted.identifiers[0] as { id: string }).id;
    if (report.actuals?.length)
      await tx.insert(
        TargetActualEntity,
        report.actuals.map((a) => ({
          pointId: rec.pointId,
          reportId: id,
          targetIndex: a.target,
          value: a.value,
          reportedAt: at,
        })),
      );
    await tx.update(
      ProgressReportEntity,
      { pointId: rec.pointId, kind: 'contribution', attachedToId: IsNull() },
      { attachedToId: id },
    );
  }
}

function readModelChanges(
  changes: PointChanges | null | undefined,
): QueryDeepPartialEntity<WorkPointEntity> {
  if (!changes) return {};
  const out: QueryDeepPartialEntity<WorkPointEntity> = {};
  if (changes.deadline) out.deadline = changes.deadline;
  if (changes.parties) {
    out.leadDepartmentId = changes.parties.leadDepartmentId;
    out.supervisorId = changes.parties.supervisorId;
  }
  if (changes.policy) out.policy = changes.policy;
  if (changes.suspended !== undefined) out.suspended = changes.suspended;
  if (changes.pendingExtension !== undefined) out.pendingExtension = changes.pendingExtension;
  return out;
}
