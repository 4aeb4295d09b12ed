import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { AppConfig } from '@workpoints/config';
import { inboxAnnouncements, type InboxAnnouncement } from '@workpoints/contracts';
import Redis from 'ioredis';
import { type Observable, Subject, defer, filter, finalize, takeUntil } from 'rxjs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The API process's one Redis subscription to the inbox announcements the jobs app publishes
 * when it writes an inbox item; each open inbox stream (SSE) takes the ones of its user. An
 * announcement lost while Redis is away loses no item: the page reads the inbox again on
 * reconnecting, and every stream starts with the unread count.
 */
@Injectable()
export class InboxAnnouncementsService
  implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(InboxAnnouncementsService.name);
  private readonly subscriber: Redis;
  private readonly channel: string;
  private readonly announcements = new Subject<InboxAnnouncement>();
  private readonly stopping = new Subject<void>();
  private failing = false;
  private openStreams = 0;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.channel = inboxAnnouncements(config.queues.prefix);
    // ioredis subscribes again by itself after a reconnect (autoResubscribe).
    this.subscriber = new Redis(config.redis.url, { lazyConnect: true });
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
    this.subscriber.on('error', (error: Error) => {
      if (!this.failing) this.logger.warn(`inbox announcements: ${error.message}`);
      this.failing = true;
    });
    this.subscriber.on('ready', () => {
      if (this.failing) this.logger.log('inbox announcements: Redis is back');
      this.failing = false;
    });
  }

  onModuleInit(): void {
    // Not awaited: an API whose Redis is away still starts; ioredis keeps trying.
    this.subscriber.subscribe(this.channel).catch((error: unknown) => {
      this.logger.warn(`inbox announcements not subscribed: ${(error as Error).message}`);
    });
  }

  /** The announcements of one user's new inbox items. */
  forUser(userId: string): Observable<InboxAnnouncement> {
    return this.announcements.pipe(filter((a) => a.userId === userId));
  }

  /**
   * A stream that ends when the process begins to shut down, so that the HTTP server can close
   * at once instead of waiting for the client to hang up.
   */
  untilShutdown<T>(stream: Observable<T>): Observable<T> {
    return defer(() => {
      this.openStreams += 1;
      return stream.pipe(
        takeUntil(this.stopping),
        finalize(() => {
          this.openStreams -= 1;
        }),
      );
    });
  }

  private receive(message: string): void {
    try {
      const parsed = JSON.parse(message) as Partial<InboxAnnouncement>;
      if (typeof parsed.userId !== 'string' || typeof parsed.inboxItemId !== 'string')
        throw new Error('userId and inboxItemId must be strings');
      this.announcements.next({ userId: parsed.userId, inboxItemId: parsed.inboxItemId });
    } catch (error) {
      this.logger.warn(
        `inbox announcement ignored (${(error as Error).message}): ${message.slice(0, 200)}`,
      );
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.next();
    this.stopping.complete();
    // The server closes only idle connections: let the ended streams' responses finish first.
    for (let waited = 0; this.openStreams > 0 && waited < 2_000; waited += 20) await sleep(20);
    await sleep(50);
  }

  onApplicationShutdown(): void {
    this.announcements.complete();
    this.subscriber.disconnect();
  }
}
