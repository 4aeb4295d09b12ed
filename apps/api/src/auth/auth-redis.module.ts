import { Module } from '@nestjs/common';
import { AuthRedis } from './auth-redis.service';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** Sign-in state in Redis, on its own so the throttler's options can use it. */
@Module({
  providers: [AuthRedis, RedisThrottlerStorage],
  exports: [AuthRedis, RedisThrottlerStorage],
})
export class AuthRedisModule {}
