import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@workpoints/config';
import { ErrorCode } from '@workpoints/contracts';
import * as argon2 from 'argon2';
import pLimit, { type LimitFunction } from 'p-limit';
import { randomBytes } from 'node:crypto';
import { DomainException } from '../common/domain.exception';

/**
 * Every password hash and check of the API, through one small semaphore: argon2id takes tens
 * of milliseconds of CPU and 64 MiB each, so a burst of sign-ins waits its turn instead of
 * stalling the process, and past `PASSWORD_HASH_QUEUE` waiting it is refused at once (503).
 * A check against no account runs against a dummy hash of the same parameters, so an unknown
 * user name takes as long as a wrong password.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly limit: LimitFunction;
  private readonly queueMax: number;
  private dummyHash: string | null = null;
  /** Hash computations run so far (checks and hashes), for the tests of the dummy path. */
  computations = 0;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.limit = pLimit(config.auth.hashConcurrency);
    this.queueMax = config.auth.hashQueue;
  }

  async onModuleInit(): Promise<void> {
    // Made at start-up, not on the first unknown user, so that first one is not slower.
    this.dummyHash = await argon2.hash(randomBytes(32).toString('base64'), {
      type: argon2.argon2id,
    });
  }

  hash(password: string): Promise<string> {
    return this.run(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** Whether the password matches the hash; with no hash (no such account) always false. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    const dummy = this.dummyHash ?? (await argon2.hash('not-yet-ready', { type: argon2.argon2id }));
    const matches = await this.run(() => argon2.verify(hash ?? dummy, password));
    return hash !== null && matches;
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= this.queueMax)
      throw new DomainException(ErrorCode.Overloaded, '登录请求过多，服务器正忙，请稍后再试');
    return this.limit(() => {
      this.computations += 1;
      return work();
    });
  }
}
