import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TransitionRecord, WorkPointActivities } from '@workpoints/contracts';
import {
  AuditEventEntity,
  ProgressReportEntity,
  ReminderEntity,
  SignOffEntity,
  WorkPointEntity,
} from '@workpoints/persistence';
import { DataSource, LessThan } from 'typeorm';

/**
 * Activities of the work-point workflow, as a Nest provider so they share the persistence
 * module with the API. Each transition is written in one transaction: the read model, the
 * audit row, and whatever the transition carries (report, sign-off, reminder rows).
 */
@Injectable()
export class WorkPointActivitiesService implements WorkPointActivities {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
          after: { status: rec.to, risk: rec.risk, overdue: rec.overdue },
          comment: rec.comment,
          requestId: rec.requestId,
          at,
        })
        .orIgnore()
        .returning('id')
        .execute();
      if ((audit.raw as unknown[]).length === 0) return;

      await tx.update(
        WorkPointEntity,
        { id: rec.pointId, version: LessThan(rec.version) },
        { status: rec.to, risk: rec.risk, overdue: rec.overdue, version: rec.version },
      );
      if (rec.report && rec.actor) {
        await tx.insert(ProgressReportEntity, {
          pointId: rec.pointId,
          departmentId: point.leadDepartmentId ?? rec.actor.departmentId ?? undefined,
          authorId: rec.actor.userId,
          kind: rec.report.kind,
          text: rec.report.text,
          percent: rec.report.percent,
          requestId: rec.requestId,
          createdAt: at,
        });
      }
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
      for (const reminder of rec.reminders) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(ReminderEntity)
          .values({
            pointId: rec.pointId,
            kind: reminder.kind,
            dueDate: reminder.dueDate,
            departmentId: reminder.departmentId,
            createdAt: at,
          })
          .orIgnore()
          .execute();
      }
    });
  }
}
