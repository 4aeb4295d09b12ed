import { Injectable, Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { AuthRedis } from './auth-redis.service';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Counts a window's hits and blocks past the limit, atomically, in one round trip: a fixed
 * window per key (`PEXPIRE` on the first hit), and a block key that outlives it.
 */
const INCREMENT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or ARGV[2]), redis.call('PTTL', KEYS[1]), 1, blocked}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, left, 1, tonumber(ARGV[3])}
end
return {hits, left, 0, 0}
`;

/**
 * `@nestjs/throttler`'s storage in Redis, so a limit holds across every API process. (The
 * maintained Redis storage, `@nest-lab/throttler-storage-redis` 1.2, declares NestJS up to 11
 * as its peer, which npm refuses beside NestJS 12; this is the same idea in one Lua script.)
 * When Redis is away it lets the attempt through: the lock-out after failed sign-ins lives in
 * PostgreSQL and still holds.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  constructor(private readonly redis: AuthRedis) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, left, blocked, blockLeft] = (await this.redis.client.eval(
        INCREMENT,
        2,
        this.redis.key('throttle', throttlerName, key),
        this.redis.key('throttle', throttlerName, key, 'blocked'),
        String(ttl),
        String(limit),
        String(blockDuration),
      )) as [number, number, number, number];
      return {
        totalHits: hits,
        timeToExpire: Math.max(0, Math.ceil(left / 1000)),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.max(0, Math.ceil(blockLeft / 1000)),
      };
    } catch (error) {
      this.logger.warn(`sign-in throttling skipped, Redis failed: ${(error as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
