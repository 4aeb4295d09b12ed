import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { JobName, QueueName } from '@workpoints/contracts';
import { type Job, UnrecoverableError } from 'bullmq';
import { JobProcessor, jobOf } from '../job-processors';
import { NotificationDeliveryService } from './notification-delivery.service';

type ChannelQueue =
  | QueueName.NotifyInbox
  | QueueName.NotifyEmail
  | QueueName.NotifyWecom
  | QueueName.NotifyDingtalk
  | QueueName.NotifyFeishu;

/**
 * One processor per channel queue: the same delivery, each with the concurrency and the rate
 * limit its channel allows. A retryable failure is thrown for BullMQ to retry with backoff; a
 * permanent one (or the last attempt) has already marked the row dead and ends the job.
 */
abstract class ChannelProcessor extends WorkerHost {
  protected abstract readonly logger: Logger;
  protected abstract readonly queue: ChannelQueue;
  // Property injection: the subclasses declare no constructor of their own.
  @Inject(NotificationDeliveryService)
  private readonly delivery!: NotificationDeliveryService;

  async process(job: Job): Promise<string> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const typed = jobOf(this.queue, job);
    const outcome =
      typed.name === JobName.DeliverDigest
        ? await this.delivery.deliverDigest(typed.data.notificationIds, lastAttempt)
        : await this.delivery.deliver(typed.data.notificationId, lastAttempt);
    switch (outcome.result) {
      case 'sent':
      case 'already-sent':
        return outcome.result;
      case 'retry':
        throw outcome.error;
      case 'dead':
        this.logger.warn(`job ${job.id}: dead letter — ${outcome.error.message}`);
        throw new UnrecoverableError(outcome.error.message);
    }
  }
}

/**
 * The inbox: many at once, and a short lock so jobs of a worker that died (SIGKILL) are taken
 * up again within seconds instead of BullMQ's default half minute.
 */
@JobProcessor(QueueName.NotifyInbox, {
  concurrency: 20,
  lockDuration: 10_000,
  stalledInterval: 5_000,
})
export class InboxProcessor extends ChannelProcessor {
  protected readonly logger = new Logger(InboxProcessor.name);
  protected readonly queue = QueueName.NotifyInbox;
}

@JobProcessor(QueueName.NotifyEmail, { concurrency: 5, limiter: { max: 300, duration: 60_000 } })
export class EmailProcessor extends ChannelProcessor {
  protected readonly logger = new Logger(EmailProcessor.name);
  protected readonly queue = QueueName.NotifyEmail;
}

/** WeCom group robots take 20 messages a minute. */
@JobProcessor(QueueName.NotifyWecom, { concurrency: 2, limiter: { max: 20, duration: 60_000 } })
export class WecomProcessor extends ChannelProcessor {
  protected readonly logger = new Logger(WecomProcessor.name);
  protected readonly queue = QueueName.NotifyWecom;
}

/** DingTalk custom robots take 20 messages a minute. */
@JobProcessor(QueueName.NotifyDingtalk, { concurrency: 2, limiter: { max: 20, duration: 60_000 } })
export class DingtalkProcessor extends ChannelProcessor {
  protected readonly logger = new Logger(DingtalkProcessor.name);
  protected readonly queue = QueueName.NotifyDingtalk;
}

/** Feishu custom bots take 100 a minute (and 5 a second). */
@JobProcessor(QueueName.NotifyFeishu, { concurrency: 2, limiter: { max: 5, duration: 1_000 } })
export class FeishuProcessor extends ChannelProcessor {
  protected readonly logger = new Logger(FeishuProcessor.name);
  protected readonly queue = QueueName.NotifyFeishu;
}

export const CHANNEL_PROCESSORS = [
  InboxProcessor,
  EmailProcessor,
  WecomProcessor,
  DingtalkProcessor,
  FeishuProcessor,
];
