import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@workpoints/config';
import Redis from 'ioredis';

/**
 * The API's Redis connection for sign-in state that every API process must share: throttling
 * counters, failed attempts on unknown user names, one-time tickets, single sign-on
 * transactions and the queue board's cookies. Keys live under `{QUEUE_PREFIX}:auth:`, so
 * deployments (and test stacks) sharing a Redis do not meet.
 */
@Injectable()
export class AuthRedis implements OnApplicationShutdown {
  private readonly logger = new Logger(AuthRedis.name);
  readonly client: Redis;
  private readonly prefix: string;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.prefix = `${config.queues.prefix}:auth:`;
    // One retry, then an error: a request must not hang on a Redis that is away.
    this.client = new Redis(config.redis.url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    this.client.on('error', (error: Error) => this.logger.debug(`redis: ${error.message}`));
  }

  key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
