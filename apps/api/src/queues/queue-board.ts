import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { AppConfig } from '@workpoints/config';
import { ErrorCode } from '@workpoints/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { bearerToken, queryToken, requireRoles } from '../auth/auth.guard';
import { ACCESS_TOKEN_PARAM } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import { DomainException, HTTP_STATUS_BY_CODE } from '../common/domain.exception';
import { QueueRegistry } from './queue-registry.service';

/** Where the board is served (the API's global prefix included). */
export const QUEUE_BOARD_PATH = '/api/admin/queues';

/** The cookie that carries an admin's token to the board's pages, scripts and API calls. */
export const QUEUE_BOARD_COOKIE = 'wp_queue_board';

/**
 * Bull Board for admins at /api/admin/queues: every queue in `QueueName` under the deployment's
 * QUEUE_PREFIX. A browser cannot send the bearer header, so the board also takes the token
 * once as `?access_token=…`, answers with an HttpOnly, SameSite=Strict cookie limited to the
 * board's path and a redirect to the same address without the token; its pages and API calls
 * then carry the cookie. `Authorization: Bearer …` works too (curl). Anyone but an admin gets
 * 401 (no or bad token) or 403 (not an admin).
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
  app.use(
    QUEUE_BOARD_PATH,
    adminsOnly(app.get(AuthService), secure),
    adapter.getRouter() as RequestHandler,
  );
}

function adminsOnly(auth: AuthService, secureCookie: boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = queryToken(req);
    const token = bearerToken(req) ?? fromQuery ?? cookieToken(req);
    const check = async () => {
      if (!token)
        throw new DomainException(
          ErrorCode.Unauthenticated,
          `请先登录：以管理员令牌打开 ${QUEUE_BOARD_PATH}?${ACCESS_TOKEN_PARAM}=…`,
        );
      requireRoles(await auth.actorFromToken(token), ['admin']);
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
        res.status(statusCode).json({ statusCode, code: error.code, message: error.message });
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
