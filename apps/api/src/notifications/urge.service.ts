import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@workpoints/config';
import { ErrorCode, type Actor, type UrgeResult } from '@workpoints/contracts';
import { STATUS_LABELS, isClosedStatus, urgedRecipients } from '@workpoints/domain';
import {
  AuditEventEntity,
  NotificationEntity,
  type WorkPointEntity,
  writeOutbox,
} from '@workpoints/persistence';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { PointsService } from '../points/points.service';
import type { UrgeDto } from './dto/notifications.dto';
import { URGE_EVENT } from './notification-audit';
import { toNotificationView } from './notification-view';

/**
 * The coordinator's chase (催办) of a point's lead department: one `urged` notification to each
 * of its staff and its head on the channels they chose, and to each of its robots, written with
 * the audit row in one transaction. The request id is the notifications' occasion and, as
 * `urge:<id>`, the audit row's request id (kept apart from the ids of the workflow's own
 * transitions, which share that unique index), so the same request twice writes nothing more. An urgent chase goes out at
 * once; any other waits, per recipient, for the end of quiet hours and non-working days (and
 * for an email digest), as the workflow's notices do.
 */
@Injectable()
export class UrgeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly points: PointsService,
    private readonly config: AppConfig,
  ) {}

  async urge(pointId: string, actor: Actor, dto: UrgeDto): Promise<UrgeResult> {
    const point = await this.points.require(pointId, actor);
    const urgent = dto.urgent ?? false;
    const auditRequestId = `urge:${dto.requestId}`;
    const repeated = await this.dataSource.transaction(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(AuditEventEntity)
        .values({
          planId: point.planId,
          pointId: point.id,
          actorId: actor.userId,
          actorName: actor.displayName,
          event: URGE_EVENT,
          // A chase changes no status: none is recorded, so nothing reads it as a transition.
          fromStatus: null,
          toStatus: null,
          after: { urgent, message: dto.message },
          comment: dto.message,
          requestId: auditRequestId,
          at: new Date(),
        })
        .orIgnore()
        .returning('id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) {
        const recorded = await tx.findOne(AuditEventEntity, {
          where: { pointId: point.id, requestId: auditRequestId },
          select: { id: true, event: true },
        });
        if (recorded?.event !== URGE_EVENT)
          throw new DomainException(
            ErrorCode.RequestIdReused,
            `请求编号 ${auditRequestId} 已用于“${recorded?.event ?? '其他'}”操作`,
          );
        return true;
      }
      // Checked after the request id, so a retry of a recorded chase is answered as the first.
      assertChaseable(point);
      await writeOutbox(
        tx,
        point,
        [
          {
            kind: 'urged',
            occasion: dto.requestId,
            dueDate: point.deadline,
            recipients: urgedRecipients(),
            parties: {
              leadDepartmentId: point.leadDepartmentId as string,
              coDepartmentIds: [],
              supervisorId: point.supervisorId ?? '',
            },
            detail: dto.message,
            urgent,
          },
        ],
        new Date(),
        this.config.notify.publicUrl,
      );
      return false;
    });
    const written = await this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .leftJoin('n.user', 'u')
      .addSelect(['u.id', 'u.displayName'])
      .leftJoin('n.department', 'd')
      .addSelect(['d.id', 'd.name'])
      .where('n.pointId = :pointId', { pointId: point.id })
      .andWhere(`n.kind = 'urged'`)
      .andWhere('n.occasion = :occasion', { occasion: dto.requestId })
      .orderBy('n.recipientKey', 'ASC')
      .addOrderBy('n.channel', 'ASC')
      .getMany();
    return {
      pointId: point.id,
      requestId: dto.requestId,
      repeated,
      urgent: written[0]?.urgent ?? urgent,
      notifications: written.map(toNotificationView),
    };
  }
}

/** Only a published point that is still being worked on can be chased. */
function assertChaseable(point: WorkPointEntity): void {
  if (point.status === 'draft' || !point.workflowId || !point.leadDepartmentId)
    throw new DomainException(ErrorCode.PlanState, `第${point.number}项尚未发布，不能催办`);
  if (isClosedStatus(point.status))
    throw new DomainException(
      ErrorCode.OutOfTurn,
      `第${point.number}项${STATUS_LABELS[point.status]}，无需催办`,
    );
}
