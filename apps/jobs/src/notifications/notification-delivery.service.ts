import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@workpoints/config';
import {
  inboxAnnouncements,
  type Channel,
  type ChannelTarget,
  type InboxAnnouncement,
  type RenderedMessage,
} from '@workpoints/contracts';
import { renderDigest, renderNotification, shanghaiDate } from '@workpoints/domain';
import { ChannelSenders, DeliveryError } from '@workpoints/notify';
import {
  DepartmentEntity,
  DepartmentRobotEntity,
  InboxItemEntity,
  NotificationEntity,
  UserEntity,
} from '@workpoints/persistence';
import { Redis } from 'ioredis';
import { DataSource, In, type EntityManager } from 'typeorm';

/** How a delivery attempt ended, for the queue: done, try again later, or give up now. */
export type DeliveryOutcome =
  | { result: 'sent' | 'already-sent' }
  | { result: 'retry'; error: Error }
  | { result: 'dead'; error: Error };

/**
 * Delivers notification rows on their channel. The inbox is a row written in the same
 * transaction that marks the notification sent, so a delivery repeated after a crash adds
 * nothing. Email and robots are sent, then marked: a crash between the two may send once more
 * (an email carries the notification id in its Message-ID so mail systems can drop the copy).
 * Every failure is counted on the row with its error; the last one, or one the channel will
 * never accept, marks it dead — the list an admin retries from.
 */
@Injectable()
export class NotificationDeliveryService implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationDeliveryService.name);
  private readonly senders: ChannelSenders;
  private readonly publisher: Redis;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    const smtp = config.notify.smtp;
    this.senders = ChannelSenders.create({
      email: smtp ? { ...smtp, from: config.notify.from, pool: true } : null,
    });
    this.publisher = new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  }

  async onModuleDestroy(): Promise<void> {
    this.senders.close();
    this.publisher.disconnect();
  }

  /** One notification; `lastAttempt` says whether a retryable failure is the end. */
  async deliver(notificationId: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const row = await this.dataSource
      .getRepository(NotificationEntity)
      .findOneBy({ id: notificationId });
    if (!row || row.status === 'sent' || row.status === 'dead') return { result: 'already-sent' };
    if (row.channel === 'inbox') return this.deliverToInbox(row);
    try {
      const target = await this.targetOf(row);
      await this.senders.send(target, renderNotification(row.context), { id: row.id });
    } catch (error) {
      return this.failed([row.id], error, lastAttempt);
    }
    await this.markSent(this.dataSource.manager, [row.id]);
    return { result: 'sent' };
  }

  /** Several digest rows of one recipient on one channel, as one message. */
  async deliverDigest(ids: string[], lastAttempt: boolean): Promise<DeliveryOutcome> {
    const rows = await this.dataSource
      .getRepository(NotificationEntity)
      .find({ where: { id: In(ids) }, order: { createdAt: 'ASC' } });
    const due = rows.filter((r) => r.status !== 'sent' && r.status !== 'dead');
    const first = due[0];
    if (!first) return { result: 'already-sent' };
    try {
      const target = await this.targetOf(first);
      const user = first.userId
        ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: first.userId })
        : null;
      const message = renderDigest(
        due.map((r) => renderNotification(r.context)),
        shanghaiDate(first.notBefore),
        user?.displayName ?? '',
        `${this.config.notify.publicUrl}/inbox`,
      );
      await this.senders.send(target, message, { id: `digest-${first.id}` });
    } catch (error) {
      return this.failed(
        due.map((r) => r.id),
        error,
        lastAttempt,
      );
    }
    await this.markSent(
      this.dataSource.manager,
      due.map((r) => r.id),
    );
    return { result: 'sent' };
  }

  private async deliverToInbox(row: NotificationEntity): Promise<DeliveryOutcome> {
    if (!row.userId) return this.failed([row.id], new Error('站内消息缺少接收人'), true);
    const message: RenderedMessage = renderNotification(row.context);
    const inboxItemId = await this.dataSource.transaction(async (tx) => {
      const locked = await tx.findOne(NotificationEntity, {
        where: { id: row.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked || locked.status === 'sent') return null;
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(InboxItemEntity)
        .values({
          notificationId: row.id,
          userId: row.userId as string,
          pointId: row.pointId,
          kind: row.kind,
          title: message.title,
          text: message.text,
          link: message.link,
          createdAt: new Date(),
        })
        .orIgnore()
        .returning('id')
        .execute();
      await this.markSent(tx, [row.id]);
      return (inserted.raw as { id: string }[])[0]?.id ?? null;
    });
    if (inboxItemId === null) return { result: 'already-sent' };
    await this.announce({ userId: row.userId, inboxItemId });
    return { result: 'sent' };
  }

  /** Tells the API a new inbox item exists (live updates); losing this loses no item. */
  private async announce(announcement: InboxAnnouncement): Promise<void> {
    try {
      if (this.publisher.status === 'wait') await this.publisher.connect();
      await this.publisher.publish(
        inboxAnnouncements(this.config.queues.prefix),
        JSON.stringify(announcement),
      );
    } catch (error) {
      this.logger.warn(`inbox announcement not published: ${(error as Error).message}`);
    }
  }

  private async targetOf(row: NotificationEntity): Promise<ChannelTarget> {
    const channel: Channel = row.channel;
    if (channel === 'email') {
      const user = row.userId
        ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: row.userId })
        : null;
      if (!user?.email)
        throw new DeliveryError('email', 'NO_ADDRESS', false, '接收人没有登记电子邮箱');
      return { channel, address: user.email, name: user.displayName };
    }
    if (channel === 'inbox') throw new DeliveryError('email', 'INBOX', false, '站内消息不经发送');
    const robot = await this.dataSource
      .getRepository(DepartmentRobotEntity)
      .createQueryBuilder('r')
      .addSelect('r.secret')
      .where('r.department_id = :d AND r.channel = :c', { d: row.departmentId, c: channel })
      .getOne();
    if (!robot?.enabled) {
      const department = row.departmentId
        ? await this.dataSource.getRepository(DepartmentEntity).findOneBy({ id: row.departmentId })
        : null;
      throw new DeliveryError(
        channel,
        'NO_ROBOT',
        false,
        `${department?.name ?? '该单位'}没有启用的${channel}机器人`,
      );
    }
    return { channel, webhookUrl: robot.webhookUrl, secret: robot.secret };
  }

  private async markSent(manager: EntityManager, ids: string[]): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ status: 'sent', sentAt: new Date(), attempts: () => 'attempts + 1' })
      .where({ id: In(ids) })
      .andWhere("status <> 'sent'")
      .execute();
  }

  private async failed(
    ids: string[],
    error: unknown,
    lastAttempt: boolean,
  ): Promise<DeliveryOutcome> {
    const err = error instanceof Error ? error : new Error(String(error));
    const permanent = err instanceof DeliveryError && !err.retryable;
    const dead = permanent || lastAttempt;
    const code = err instanceof DeliveryError ? `${err.code}: ` : '';
    await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({
        attempts: () => 'attempts + 1',
        lastError: `${code}${err.message}`.slice(0, 2000),
        ...(dead ? { status: 'dead' as const } : {}),
      })
      .where({ id: In(ids) })
      .andWhere("status <> 'sent'")
      .execute();
    return dead ? { result: 'dead', error: err } : { result: 'retry', error: err };
  }
}
