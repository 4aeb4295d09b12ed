import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { AppConfig } from '@workpoints/config';
import { ErrorCode, type Actor } from '@workpoints/contracts';
import { type AccessEntry, accessEntry, mayCall, roleRefusal } from '@workpoints/domain';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { AuthRedis } from '../auth/auth-redis.service';
import { authenticateRequest, ticketParam } from '../auth/auth.guard';
import { TICKET_PARAM } from '../auth/auth.decorators';
import { readCookie, setCookie } from '../auth/cookies';
import { SessionsService } from '../auth/sessions.service';
import { TicketsService } from '../auth/tickets.service';
import { DomainException, HTTP_STATUS_BY_CODE } from '../common/domain.exception';
import { SecurityEventsService } from '../security/security-events.service';
import { QueueRegistry } from './queue-registry.service';

/** Where the board is served (the API's global prefix included). */
export const QUEUE_BOARD_PATH = '/api/admin/queues';

/** The board's entry in the access policy (a mount outside Nest's router, so not its guard's). */
export const QUEUE_BOARD_ROUTE = `ALL ${QUEUE_BOARD_PATH}/{*path}`;

/** The cookie that carries the board's own session handle to its pages, scripts and API calls. */
export const QUEUE_BOARD_COOKIE = 'wp_queue_board';

/** How long a board handle lasts unused; each request renews it. */
const BOARD_HANDLE_TTL_SECONDS = 3600;

/**
 * Bull Board for admins at /api/admin/queues: every queue in `QueueName` under the deployment's
 * QUEUE_PREFIX. A browser cannot send the bearer header, so the board opens once with a
 * one-time ticket (`POST /api/auth/tickets {"purpose":"queue-board"}`, then
 * `?ticket=…`), answers with an HttpOnly, SameSite=Strict cookie limited to the board's path —
 * a random handle on the admin's session, kept in Redis, never the token — and redirects to the
 * same address without the ticket. Every request checks that session: signed out, timed out or
 * no longer an admin, and the board closes. `Authorization: Bearer …` works too (curl). Who may
 * open it is the access policy's entry `QUEUE_BOARD_ROUTE` (admins): anyone else gets 401 (no or
 * bad credentials) or 403 (a role the entry does not list), recorded as a security event.
 */
export function mountQueueBoard(app: INestApplication): void {
  const registry = app.get(QueueRegistry);
  const adapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: registry.all().map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'workpoints 队列', locale: { lng: 'zh-CN' } } },
  });
  const entry = accessEntry(QUEUE_BOARD_ROUTE);
  if (entry?.mount !== 'queue-board')
    throw new Error(`the access policy has no entry ${QUEUE_BOARD_ROUTE} for the queue board`);
  const guard = new BoardGuard(
    entry,
    app.get(SessionsService),
    app.get(TicketsService),
    app.get(AuthRedis),
    app.get(SecurityEventsService),
    app.get(AppConfig).auth.secureCookie,
  );
  app.use(QUEUE_BOARD_PATH, guard.handler(), adapter.getRouter() as RequestHandler);
}

class BoardGuard {
  constructor(
    private readonly entry: AccessEntry,
    private readonly sessions: SessionsService,
    private readonly tickets: TicketsService,
    private readonly redis: AuthRedis,
    private readonly security: SecurityEventsService,
    private readonly secureCookie: boolean,
  ) {}

  handler(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      const seen: { actor: Actor | null } = { actor: null };
      this.check(req, res, seen).then(
        (redirect) => (redirect ? res.redirect(303, redirect) : next()),
        (error: unknown) => {
          if (!(error instanceof DomainException)) return next(error);
          const statusCode = HTTP_STATUS_BY_CODE[error.code];
          // Outside Nest's exception filter: recorded here as every other refusal is there.
          void this.security
            .record(
              {
                kind: 'refused',
                actor: seen.actor,
                status: statusCode,
                code: error.code,
                reason: error.message,
                details: {
                  route: this.entry.route,
                  ...(statusCode === 403 ? { rule: 'role' } : {}),
                },
              },
              req,
            )
            .then(() =>
              res.status(statusCode).json({ statusCode, code: error.code, message: error.message }),
            );
        },
      );
    };
  }

  /** The access policy's role rule for the board. */
  private allow(actor: Actor, seen: { actor: Actor | null }): void {
    seen.actor = actor;
    if (!mayCall(this.entry, actor))
      throw new DomainException(ErrorCode.NotInRemit, roleRefusal(this.entry), { rule: 'role' });
  }

  /** Lets an admin through; after a ticket, the address to send them to without it. */
  private async check(
    req: Request,
    res: Response,
    seen: { actor: Actor | null },
  ): Promise<string | null> {
    const ticket = ticketParam(req);
    const handle = readCookie(req, QUEUE_BOARD_COOKIE);
    if (!req.headers.authorization && !ticket && handle) {
      const sessionId = await this.redis.client.get(this.key(handle));
      if (!sessionId)
        throw new DomainException(
          ErrorCode.Unauthenticated,
          '队列看板的登录已过期，请从系统管理重新打开',
        );
      this.allow((await this.sessions.authenticate(sessionId, { req })).actor, seen);
      await this.redis.client.expire(this.key(handle), BOARD_HANDLE_TTL_SECONDS);
      return null;
    }
    if (!req.headers.authorization && !ticket)
      throw new DomainException(
        ErrorCode.Unauthenticated,
        `请先登录：以管理员身份从系统管理打开，或带 Authorization: Bearer 令牌访问 ${QUEUE_BOARD_PATH}`,
      );
    const auth = await authenticateRequest(req, this.sessions, this.tickets, 'queue-board');
    this.allow(auth.actor, seen);
    if (req.headers.authorization) return null;
    const newHandle = randomBytes(32).toString('base64url');
    await this.redis.client.set(
      this.key(newHandle),
      auth.sessionId,
      'EX',
      BOARD_HANDLE_TTL_SECONDS,
    );
    setCookie(res, QUEUE_BOARD_COOKIE, newHandle, {
      path: QUEUE_BOARD_PATH,
      secure: this.secureCookie,
      sameSite: 'strict',
    });
    // Keep even the spent ticket out of the address bar, history and Referer.
    const url = new URL(req.originalUrl, 'http://board');
    url.searchParams.delete(TICKET_PARAM);
    return `${url.pathname}${url.search}`;
  }

  private key(handle: string): string {
    return this.redis.key('board', createHash('sha256').update(handle).digest('hex'));
  }
}
