import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Actor, SecurityEventKind } from '@workpoints/contracts';
import { SecurityEventEntity } from '@workpoints/persistence';
import type { Request } from 'express';
import { Repository } from 'typeorm';

export interface SecurityEventInput {
  kind: SecurityEventKind;
  /** Who acted, when someone is signed in. */
  actor?: Actor | null;
  /** The user name given at a sign-in. */
  username?: string | null;
  /** The account acted on. */
  subjectUserId?: string | null;
  status?: number | null;
  code?: string | null;
  reason?: string | null;
  /** What changed; never a password, hash or token. */
  details?: Record<string, unknown> | null;
}

/** Longest user agent kept: enough to tell browsers apart, not a place to store payloads. */
const USER_AGENT_MAX = 300;

/**
 * Records security events (安全事件) with who, when and from where. Recording never fails the
 * request it describes: a database error is logged, and the answer goes out as it would have.
 */
@Injectable()
export class SecurityEventsService {
  private readonly logger = new Logger(SecurityEventsService.name);

  constructor(
    @InjectRepository(SecurityEventEntity)
    private readonly events: Repository<SecurityEventEntity>,
  ) {}

  async record(event: SecurityEventInput, req?: Request): Promise<void> {
    try {
      await this.events.save({
        kind: event.kind,
        actorId: event.actor?.userId ?? null,
        actorName: event.actor?.displayName ?? null,
        username: event.username ?? null,
        subjectUserId: event.subjectUserId ?? null,
        ip: req?.ip ?? null,
        userAgent: req?.headers['user-agent']?.slice(0, USER_AGENT_MAX) ?? null,
        method: req?.method ?? null,
        // The path only: a query string may carry a one-time ticket or a token.
        path: req ? (req.originalUrl ?? req.url).split('?')[0] : null,
        status: event.status ?? null,
        code: event.code ?? null,
        reason: event.reason ?? null,
        details: event.details ?? null,
      });
    } catch (error) {
      this.logger.error(
        `could not record the security event ${event.kind}: ${(error as Error).message}`,
      );
    }
  }
}
