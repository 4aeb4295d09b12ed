import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@workpoints/config';
import Redis from 'ioredis';

/** A Redis connection used only to answer health checks. */
@Injectable()
export class RedisHealthService implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.redis = new Redis(config.redis.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    this.redis.on('error', () => undefined); // reported through ping(), not as unhandled events
  }

  async ping(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    await this.redis.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
