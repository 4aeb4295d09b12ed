import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@workpoints/config';
import { ErrorCode } from '@workpoints/contracts';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { HTTP_STATUS_BY_CODE } from './domain.exception';

/** The JSON body limit of every route but those below. */
export const DEFAULT_BODY_LIMIT = '100kb';

/**
 * Routes that take more: a whole plan as one JSON tree (1,000 assigned points with their text
 * come to a few MB) and a pasted plan document. Files come as multipart, each upload with its
 * own limit (attachments, imports).
 */
export const LARGE_BODY_ROUTES: Record<string, string> = {
  'POST /api/plans': '5mb',
  'POST /api/imports/text': '5mb',
};

/** Paths the strict page policy would break: Swagger UI and the queue board style inline. */
const TOOL_PATHS = ['/api/docs', '/api/admin/queues'];

/**
 * The HTTP surface every answer shares: security headers (helmet; a strict Content Security
 * Policy whose styles need the per-response nonce the web app's page carries), no
 * `X-Powered-By`, `Cache-Control: no-store` on every API answer (they carry personal data and
 * tokens), and JSON bodies of at most 100 KB except on the routes that need more.
 */
export function secureHttpSurface(app: INestApplication, config: AppConfig): void {
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.disable('x-powered-by');
  if (config.api.trustProxy) server.set('trust proxy', trustProxy(config.api.trustProxy));

  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.locals['cspNonce'] = randomBytes(16).toString('base64');
    next();
  });
  const nonce = (_req: unknown, res: unknown) => `'nonce-${nonceOf(res as Response)}'`;
  const headers = (tool: boolean) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'base-uri': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
          'form-action': ["'self'"],
          'script-src': ["'self'"],
          'script-src-attr': ["'none'"],
          // Ant Design writes its styles at run time as <style> elements: each must carry the
          // page's nonce (see apps/web/src/csp.ts), so a <style> smuggled in as markup does not
          // apply. Style attributes are allowed: Ant Design's components set them through
          // setAttribute (the autosize textarea's measure, the watermark), which no nonce
          // covers; they cannot read the page as selectors can. The tools' own pages (Swagger
          // UI, the queue board) use inline <style> without a nonce.
          'style-src': tool ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce],
          'style-src-elem': tool ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce],
          'style-src-attr': ["'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'worker-src': ["'self'", 'blob:'],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    });
  const page = headers(false);
  const tool = headers(true);
  app.use((req: Request, res: Response, next: NextFunction) =>
    (TOOL_PATHS.some((p) => req.path.startsWith(p)) ? tool : page)(req, res, next),
  );
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  const parsers = new Map<string, express.RequestHandler>();
  const jsonOf = (limit: string) => {
    let parser = parsers.get(limit);
    if (!parser) parsers.set(limit, (parser = express.json({ limit })));
    return parser;
  };
  app.use((req: Request, res: Response, next: NextFunction) =>
    jsonOf(bodyLimitOf(req))(req, res, next),
  );
  app.use(express.urlencoded({ extended: true, limit: DEFAULT_BODY_LIMIT }));
  // A body too large or not JSON never reaches Nest: answer in the API's own shape here.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: unknown } | null)?.status;
    const type = (error as { type?: unknown } | null)?.type;
    if (status === 413)
      return void res.status(413).json({
        statusCode: 413,
        code: 'TOO_LARGE',
        message: `请求内容过大（此接口最多 ${bodyLimitOf(req).replace(/(kb|mb)$/, (u) => ` ${u.toUpperCase()}`)}）`,
      });
    if (status === 400 && type === 'entity.parse.failed')
      return void res.status(HTTP_STATUS_BY_CODE[ErrorCode.InvalidInput]).json({
        statusCode: 400,
        code: ErrorCode.InvalidInput,
        message: '请求内容不是有效的 JSON',
      });
    next(error);
  });
}

function bodyLimitOf(req: Request): string {
  return LARGE_BODY_ROUTES[`${req.method} ${req.path.replace(/\/+$/, '')}`] ?? DEFAULT_BODY_LIMIT;
}

/** The nonce of this response (set for every request above). */
export function nonceOf(res: Response): string {
  return String(res.locals['cspNonce'] ?? '');
}

/** `TRUST_PROXY` as Express takes it: a hop count, true/false, or names and addresses. */
function trustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
