import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { AppConfig } from '@workpoints/config';
import Redis from 'ioredis';
import { type Observable, Subject, filter, map } from 'rxjs';
import { AuthRedis } from './auth-redis.service';

interface SessionEnd {
  sessionIds: string[];
}

/**
 * Tells every API process that sessions have ended (sign-out, sign out everywhere,
 * deactivation, reset), so their open inbox streams close at once. Losing a message loses no
 * security: each stream also checks its session every STREAM_CHECK_MS, and every other request
 * checks it in PostgreSQL.
 */
@Injectable()
export class SessionEndsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionEndsService.name);
  private readonly subscriber: Redis;
  private readonly channel: string;
  private readonly ends = new Subject<string>();

  constructor(
    @Inject(AppConfig) config: AppConfig,
    private readonly redis: AuthRedis,
  ) {
    this.channel = `${config.queues.prefix}:session-ends`;
    this.subscriber = new Redis(config.redis.url, { lazyConnect: true });
    this.subscriber.on('error', (error: Error) =>
      this.logger.debug(`session ends: ${error.message}`),
    );
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        for (const id of (JSON.parse(message) as SessionEnd).sessionIds) this.ends.next(id);
      } catch {
        this.logger.warn(`session end ignored: ${message.slice(0, 200)}`);
      }
    });
  }

  onModuleInit(): void {
    this.subscriber.subscribe(this.channel).catch((error: unknown) => {
      this.logger.warn(`session ends not subscribed: ${(error as Error).message}`);
    });
  }

  /** Emits once the session ends (as far as this process hears of it). */
  ended(sessionId: string): Observable<void> {
    return this.ends.pipe(
      filter((id) => id === sessionId),
      map(() => undefined),
    );
  }

  async announce(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    for (const id of sessionIds) this.ends.next(id);
    try {
      await this.redis.client.publish(this.channel, JSON.stringify({ sessionIds }));
    } catch (error) {
      this.logger.warn(`session end not announced: ${(error as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    this.ends.complete();
    this.subscriber.disconnect();
  }
}
