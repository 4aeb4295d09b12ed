import { InjectQueue, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CHANNELS,
  JobName,
  NOTIFICATION_QUEUES,
  QueueName,
  enqueue,
  enqueueBulk,
  type Channel,
} from '@workpoints/contracts';
import { NotificationEntity } from '@workpoints/persistence';
import { AppConfig } from '@workpoints/config';
import { type Job, type JobsOptions, type Queue } from 'bullmq';
import { DataSource, In, LessThan, LessThanOrEqual } from 'typeorm';
import { JobProcessor, jobOf } from '../job-processors';

/** How often due rows are moved into the channel queues. */
export const DISPATCH_EVERY_MS = 1_000;
/** Rows handed over per dispatch. */
const BATCH = 1_000;
/**
 * A row queued this long ago and still not sent may have lost its job (Redis restarted
 * without persistence, or was flushed): it is queued again under the same job id, which
 * BullMQ ignores while the job still exists.
 */
export const REQUEUE_AFTER_MS = 30_000;
/**
 * How often the dispatch schedule is written to Redis again. The schedule lives in Redis: one
 * restarted without persistence (or flushed) forgets it, and without this nothing would be
 * dispatched again until the jobs process restarted. Upserting it is idempotent.
 */
export const RESCHEDULE_EVERY_MS = 10_000;

/**
 * Attempts and backoff of each channel's jobs (robots and mail servers have bad minutes):
 * exponential from `backoffMs` (2 s by default, NOTIFY_BACKOFF_MS), six attempts.
 */
export function channelJobOptions(channel: Channel, backoffMs: number): JobsOptions {
  return channel === 'inbox'
    ? { attempts: 10, backoff: { type: 'exponential', delay: 500 } }
    : { attempts: 6, backoff: { type: 'exponential', delay: backoffMs } };
}

/**
 * The dispatcher: moves due outbox rows (status pending, `notBefore` passed) into their
 * channel's queue with the row id as job id, then marks them queued. A row is marked only
 * after Redis took its job, so a Redis outage leaves rows pending for the next round; rows
 * queued long ago and never sent are queued again (same job id). Digest rows of one recipient,
 * channel and digest time go out as one job.
 */
@JobProcessor(QueueName.NotifyDispatch)
export class NotificationDispatcherProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private readonly logger = new Logger(NotificationDispatcherProcessor.name);
  private readonly queues: Record<Channel, Queue>;
  private rescheduler: NodeJS.Timeout | undefined;
  private rescheduling = false;

  constructor(
    @InjectQueue(QueueName.NotifyDispatch) private readonly dispatchQueue: Queue,
    @InjectQueue(QueueName.NotifyInbox) inbox: Queue,
    @InjectQueue(QueueName.NotifyEmail) email: Queue,
    @InjectQueue(QueueName.NotifyWecom) wecom: Queue,
    @InjectQueue(QueueName.NotifyDingtalk) dingtalk: Queue,
    @InjectQueue(QueueName.NotifyFeishu) feishu: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    super();
    this.queues = { inbox, email, wecom, dingtalk, feishu };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    this.rescheduler = setInterval(() => void this.renewSchedule(), RESCHEDULE_EVERY_MS);
  }

  onModuleDestroy(): void {
    clearInterval(this.rescheduler);
  }

  private async renewSchedule(): Promise<void> {
    if (this.rescheduling) return; // Redis is away: the last upsert still waits for it
    this.rescheduling = true;
    try {
      await this.schedule();
    } catch (error) {
      this.logger.warn(`dispatch schedule not renewed: ${(error as Error).message}`);
    } finally {
      this.rescheduling = false;
    }
  }

  private async schedule(): Promise<void> {
    await this.dispatchQueue.upsertJobScheduler(
      JobName.DispatchNotifications,
      { every: DISPATCH_EVERY_MS },
      { name: JobName.DispatchNotifications, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async process(job: Job): Promise<number> {
    jobOf(QueueName.NotifyDispatch, job);
    return this.dispatch();
  }

  /** One round; returns how many rows it handed over. */
  async dispatch(now: Date = new Date()): Promise<number> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const due = await repo.find({
      where: [
        { status: 'pending', notBefore: LessThanOrEqual(now) },
        { status: 'queued', queuedAt: LessThan(new Date(now.getTime() - REQUEUE_AFTER_MS)) },
      ],
      order: { notBefore: 'ASC' },
      take: BATCH,
      select: {
        id: true,
        channel: true,
        digest: true,
        recipientKey: true,
        notBefore: true,
        status: true,
      },
    });
    if (due.length === 0) return 0;
    const single = due.filter((r) => !r.digest);
    const digests = new Map<string, NotificationEntity[]>();
    for (const r of due.filter((d) => d.digest)) {
      const key = `${r.recipientKey}|${r.channel}|${r.notBefore.toISOString()}`;
      digests.set(key, [...(digests.get(key) ?? []), r]);
    }
    for (const channel of CHANNELS) {
      const rows = single.filter((r) => r.channel === channel);
      if (rows.length === 0) continue;
      await enqueueBulk(
        this.queues[channel],
        JobName.DeliverNotification,
        rows.map((r) => ({ notificationId: r.id })),
        {
          ...channelJobOptions(channel, this.config.notify.backoffMs),
          // Done or dead, the row says so; a job kept in Redis would block the same job id
          // (the row's) when an admin retries the row.
          removeOnComplete: true,
          removeOnFail: true,
        },
      );
    }
    for (const [key, rows] of digests) {
      const channel = rows[0]?.channel ?? 'email';
      await enqueue(
        this.queues[channel],
        JobName.DeliverDigest,
        { notificationIds: rows.map((r) => r.id), digest: key },
        {
          ...channelJobOptions(channel, this.config.notify.backoffMs),
          removeOnComplete: true,
          removeOnFail: true,
        },
      );
    }
    await repo.update(
      { id: In(due.map((r) => r.id)), status: In(['pending', 'queued']) },
      { status: 'queued', queuedAt: now },
    );
    const requeued = due.filter((r) => r.status === 'queued').length;
    if (requeued > 0)
      this.logger.warn(
        `${requeued} notifications queued again (no delivery in ${REQUEUE_AFTER_MS / 1000} s)`,
      );
    return due.length;
  }
}

/** The queue names of the channels, for registering them. */
export const CHANNEL_QUEUES = Object.values(NOTIFICATION_QUEUES);
