import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  NOTIFICATION_QUEUES,
  notificationJobId,
  type Actor,
  type NotificationPage,
  type NotificationView,
} from '@workpoints/contracts';
import { DELIVERY_STATUS_LABELS } from '@workpoints/domain';
import { AuditEventEntity, NotificationEntity, WorkPointEntity } from '@workpoints/persistence';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { PointsService } from '../points/points.service';
import { QueueRegistry } from '../queues/queue-registry.service';
import type { ListNotificationsQuery } from './dto/notifications.dto';
import { NOTIFICATION_RETRIED_EVENT } from './notification-audit';
import { toNotificationView } from './notification-view';

/** The delivery state of notifications (the outbox), and the admins' retry of dead ones. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly points: PointsService,
    private readonly queues: QueueRegistry,
  ) {}

  /** A point's notifications, for whoever may see the point. */
  async forPoint(
    pointId: string,
    actor: Actor,
    q: ListNotificationsQuery,
  ): Promise<NotificationPage> {
    await this.points.require(pointId, actor);
    return this.page(this.query(q).andWhere('n.pointId = :pointId', { pointId }), q);
  }

  /** A person's own notifications (not their department's robots). */
  forUser(userId: string, q: ListNotificationsQuery): Promise<NotificationPage> {
    return this.page(this.query(q).andWhere('n.userId = :userId', { userId }), q);
  }

  /** All notifications, e.g. the dead letters (`status=dead`). */
  all(q: ListNotificationsQuery): Promise<NotificationPage> {
    return this.page(this.query(q), q);
  }

  async get(id: string): Promise<NotificationView> {
    const row = await this.query({}).andWhere('n.id = :id', { id }).getOne();
    if (!row) throw new DomainException(ErrorCode.NotFound, `通知不存在：${id}`);
    return toNotificationView(row);
  }

  /**
   * Sends a dead notification again: back to `pending` with no attempts, due now, so the
   * dispatcher queues it on its next round; its last error stays until a new attempt replaces
   * it, and the audit trail keeps the one it died with. The failed BullMQ job is removed first:
   * the dispatcher reuses the row's job id, which BullMQ ignores while the old job exists.
   */
  async retry(id: string, actor: Actor): Promise<NotificationView> {
    const found = await this.dataSource.getRepository(NotificationEntity).findOneBy({ id });
    if (!found) throw new DomainException(ErrorCode.NotFound, `通知不存在：${id}`);
    assertDead(found);
    try {
      await this.queues.removeJob(NOTIFICATION_QUEUES[found.channel], notificationJobId(id));
    } catch (error) {
      throw new ServiceUnavailableException(
        `消息队列暂不可用，未能重发，请稍后再试（${(error as Error).message}）`,
      );
    }
    await this.dataSource.transaction(async (tx) => {
      const row = await tx.findOne(NotificationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new DomainException(ErrorCode.NotFound, `通知不存在：${id}`);
      assertDead(row);
      const now = new Date();
      await tx.update(
        NotificationEntity,
        { id },
        { status: 'pending', attempts: 0, notBefore: now, queuedAt: null, sentAt: null },
      );
      const point = row.pointId
        ? await tx.findOne(WorkPointEntity, {
            where: { id: row.pointId },
            select: { id: true, planId: true },
          })
        : null;
      await tx.save(AuditEventEntity, {
        planId: point?.planId ?? null,
        pointId: row.pointId,
        actorId: actor.userId,
        actorName: actor.displayName,
        event: NOTIFICATION_RETRIED_EVENT,
        before: {
          notificationId: row.id,
          kind: row.kind,
          channel: row.channel,
          recipientKey: row.recipientKey,
          status: row.status,
          attempts: row.attempts,
          lastError: row.lastError,
        },
        after: { notificationId: row.id, status: 'pending', attempts: 0, notBefore: now },
        comment: null,
        requestId: null,
        at: now,
      });
    });
    return this.get(id);
  }

  private query(q: Partial<ListNotificationsQuery>): SelectQueryBuilder<NotificationEntity> {
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .leftJoin('n.point', 'p')
      .addSelect(['p.id', 'p.planId', 'p.number', 'p.title'])
      .leftJoin('n.user', 'u')
      .addSelect(['u.id', 'u.displayName'])
      .leftJoin('n.department', 'd')
      .addSelect(['d.id', 'd.name'])
      .where('1 = 1');
    if (q.status) qb.andWhere('n.status = :status', { status: q.status });
    if (q.channel) qb.andWhere('n.channel = :channel', { channel: q.channel });
    if (q.kind) qb.andWhere('n.kind = :kind', { kind: q.kind });
    return qb;
  }

  private async page(
    qb: SelectQueryBuilder<NotificationEntity>,
    q: ListNotificationsQuery,
  ): Promise<NotificationPage> {
    const [rows, total] = await qb
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'ASC')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
    return { total, items: rows.map(toNotificationView) };
  }
}

function assertDead(row: NotificationEntity): void {
  if (row.status !== 'dead')
    throw new DomainException(
      ErrorCode.OutOfTurn,
      `只有发送失败的通知才能重发，这条通知当前为“${DELIVERY_STATUS_LABELS[row.status]}”`,
    );
}
