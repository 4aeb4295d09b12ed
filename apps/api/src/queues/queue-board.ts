import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { AppConfig } from '@workpoints/config';
import { ErrorCode, type Actor } from '@workpoints/contracts';
import { type AccessEntry, accessEntry, mayCall, roleRefusal } from '@workpoints/domain';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { bearerToken, queryToken } from '../auth/auth.guard';
import { ACCESS_TOKEN_PARAM } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import { DomainException, HTTP_STATUS_BY_CODE } from '../common/domain.exception';
import { SecurityEventsService } from '../security/security-events.service';
import { QueueRegistry } from './queue-registry.service';

/** Where the board is served (the API's global prefix included). */
export const QUEUE_BOARD_PATH = '/api/admin/queues';

/** The board's entry in the access policy (a mount outside Nest's router, so not its guard's). */
export const QUEUE_BOARD_ROUTE = `ALL ${QUEUE_BOARD_PATH}/{*path}`;

/** The cookie that carries an admin's token to the board's pages, scripts and API calls. */
export const QUEUE_BOARD_COOKIE = 'wp_queue_board';

/**
 * Bull Board for admins at /api/admin/queues: every queue in `QueueName` under the deployment's
 * QUEUE_PREFIX. A browser cannot send the bearer header, so the board also takes the token
 * once as `?access_token=…`, answers with an HttpOnly, SameSite=Strict cookie limited to the
 * board's path and a redirect to the same address without the token; its pages and API calls
 * then carry the cookie. `Authorization: Bearer …` works too (curl). Who may open it is the
 * access policy's entry `QUEUE_BOARD_ROUTE` (admins): anyone else gets 401 (no or bad token) or
 * 403 (a role the entry does not list).
 */
export function mountQueueBoard(app: INestApplication): void {
  const registry = app.get(QueueRegistry);
  const adapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: registry.all().map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'workpoints 队列', locale: { lng: 'zh-CN' } } },
  });
  const secure = app.get(AppConfig).notify.publicUrl.startsWith('https:');
  const entry = accessEntry(QUEUE_BOARD_ROUTE);
  if (entry?.mount !== 'queue-board')
    throw new Error(`the access policy has no entry ${QUEUE_BOARD_ROUTE} for the queue board`);
  app.use(
    QUEUE_BOARD_PATH,
    byPolicy(entry, app.get(AuthService), app.get(SecurityEventsService), secure),
    adapter.getRouter() as RequestHandler,
  );
}

function byPolicy(
  entry: AccessEntry,
  auth: AuthService,
  security: SecurityEventsService,
  secureCookie: boolean,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = queryToken(req);
    const token = bearerToken(req) ?? fromQuery ?? cookieToken(req);
    let actor: Actor | null = null;
    const check = async () => {
      if (!token)
        throw new DomainException(
          ErrorCode.Unauthenticated,
          `请先登录：以管理员令牌打开 ${QUEUE_BOARD_PATH}?${ACCESS_TOKEN_PARAM}=…`,
        );
      actor = await auth.actorFromToken(token);
      if (!mayCall(entry, actor))
        throw new DomainException(ErrorCode.NotInRemit, roleRefusal(entry), { rule: 'role' });
    };
    check().then(
      () => {
        if (!fromQuery || !token) return next();
        // Keep the token out of the address bar, history and Referer from here on.
        res.cookie(QUEUE_BOARD_COOKIE, token, {
          path: QUEUE_BOARD_PATH,
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookie || req.secure,
        });
        const url = new URL(req.originalUrl, 'http://board');
        url.searchParams.delete(ACCESS_TOKEN_PARAM);
        res.redirect(303, `${url.pathname}${url.search}`);
      },
      (error: unknown) => {
        if (!(error instanceof DomainException)) return next(error);
        const statusCode = HTTP_STATUS_BY_CODE[error.code];
        // Outside Nest's exception filter: recorded here as every other refusal is there.
        void security
          .record(
            {
              kind: 'refused',
              actor,
              status: statusCode,
              code: error.code,
              reason: error.message,
              details: { route: entry.route, ...(statusCode === 403 ? { rule: 'role' } : {}) },
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

function cookieToken(req: Request): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === QUEUE_BOARD_COOKIE && value.length > 0) return decodeURIComponent(value.join('='));
  }
  return null;
}
