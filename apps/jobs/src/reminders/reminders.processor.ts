import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectQueue } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, QueueName, type DeliverReminderJob } from '@workpoints/contracts';
import { ReminderEntity } from '@workpoints/persistence';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { DataSource, IsNull } from 'typeorm';

/** How often undelivered reminder rows are moved into the queue. */
export const SWEEP_EVERY_MS = 5_000;
const SWEEP_BATCH = 500;

/** The queue job id of a reminder: its row id, so a row is queued at most once at a time. */
export const reminderJobId = (reminderId: string): string => `reminder-${reminderId}`;

/**
 * Reminder rows are written by the worker in the same transaction as the transition that
 * caused them (an outbox). A scheduled sweep moves undelivered rows into the queue with the
 * row id as job id, and delivery to the in-app inbox marks the row delivered — so a Redis
 * outage delays reminders and loses none. Email and chat-robot channels come later.
 */
@Processor(QueueName.Reminders)
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.SweepReminders,
      { every: SWEEP_EVERY_MS },
      { name: JobName.SweepReminders },
    );
  }

  async process(job: Job): Promise<number> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.SweepReminders:
        return this.sweep();
      case JobName.DeliverReminder:
        return this.deliver(job.data as DeliverReminderJob);
      case JobName.ImportPlan:
      case JobName.SweepImports:
      case JobName.DispatchNotifications:
      case JobName.DeliverNotification:
      case JobName.DeliverDigest:
        throw new UnrecoverableError(`${name} does not belong on the ${QueueName.Reminders} queue`);
    }
  }

  /** Queues every undelivered reminder; returns how many rows it saw. */
  async sweep(): Promise<number> {
    const pending = await this.dataSource.getRepository(ReminderEntity).find({
      where: { deliveredAt: IsNull() },
      order: { createdAt: 'ASC' },
      take: SWEEP_BATCH,
      select: { id: true },
    });
    if (pending.length === 0) return 0;
    await this.queue.addBulk(
      pending.map((r) => ({
        name: JobName.DeliverReminder,
        data: { reminderId: r.id } satisfies DeliverReminderJob,
        opts: {
          jobId: reminderJobId(r.id),
          removeOnComplete: true,
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
        },
      })),
    );
    return pending.length;
  }

  /** Marks the reminder delivered to the inbox; a second delivery of the same row changes nothing. */
  async deliver({ reminderId }: DeliverReminderJob): Promise<number> {
    const result = await this.dataSource
      .getRepository(ReminderEntity)
      .update({ id: reminderId, deliveredAt: IsNull() }, { deliveredAt: new Date() });
    if (result.affected) this.logger.log(`reminder ${reminderId} delivered to the inbox`);
    return result.affected ?? 0;
  }
}
