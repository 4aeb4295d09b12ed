import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { AppConfig } from '@workpoints/config';
import { ErrorCode } from '@workpoints/contracts';
import type { Request, Response } from 'express';
import { DomainException } from '../common/domain.exception';
import { SecurityEventsService } from '../security/security-events.service';
import type { AuthenticatedRequest } from './auth.decorators';

/** The window of both sign-in limits. */
const WINDOW_MS = 60_000;

/**
 * The sign-in limits: attempts per minute from one address, and for one account (the user
 * name given, or the signed-in person for a password change). Keys leave the route out, so
 * every guarded route counts against the same two limits; the counters live in Redis.
 */
export function signInThrottlers(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'address',
        ttl: WINDOW_MS,
        limit: config.auth.signInLimitPerAddress,
        getTracker: (req) => `address:${String((req as Request).ip)}`,
      },
      {
        name: 'account',
        ttl: WINDOW_MS,
        limit: config.auth.signInLimitPerUsername,
        getTracker: (req) => {
          const r = req as Request & AuthenticatedRequest;
          const named = (r.body as { username?: unknown } | undefined)?.username;
          return r.actor
            ? `user:${r.actor.userId}`
            : `name:${String(typeof named === 'string' ? named : '')
                .trim()
                .toLowerCase()}`;
        },
      },
    ],
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    setHeaders: false,
  };
}

/**
 * Sign-in throttling (on the routes that check a password): past either limit the attempt is
 * refused (429) before any hash is computed, and recorded as a failed sign-in.
 */
@Injectable()
export class SignInThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly security: SecurityEventsService,
  ) {
    super(options, storage, reflector);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const byAddress = detail.tracker.startsWith('address:');
    const named = (req.body as { username?: unknown } | undefined)?.username;
    await this.security.record(
      {
        kind: 'sign-in-failed',
        actor: req.actor ?? null,
        username: typeof named === 'string' ? named : null,
        status: 429,
        code: ErrorCode.TooManyAttempts,
        reason: byAddress ? '同一地址尝试过于频繁' : '同一账号尝试过于频繁',
      },
      req,
    );
    const seconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new DomainException(
      ErrorCode.TooManyAttempts,
      `${byAddress ? '此地址' : '此账号'}登录尝试过于频繁，请 ${seconds} 秒后再试`,
      { retryAfterSeconds: seconds },
    ).alreadyRecorded();
  }
}
