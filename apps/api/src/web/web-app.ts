import { type INestApplication, Logger } from '@nestjs/common';
import type { AppConfig } from '@workpoints/config';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nonceOf } from '../common/http-surface';

/** dist/web beside the compiled API (dist/apps/api/src/web → dist/web). */
export const defaultWebRoot = (): string => resolve(__dirname, '..', '..', '..', '..', 'web');

/** What the build writes where each response's nonce goes (`html.cspNonce` in vite.config). */
export const CSP_NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * Serves the built web app at / : its hashed assets for a year, and for every other path
 * outside /api the page, with this response's CSP nonce written in (so it is never cached).
 * Without a build it serves nothing and says how to make one.
 */
export function mountWebApp(app: INestApplication, config: AppConfig): void {
  const root = config.web.root ?? defaultWebRoot();
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('web').warn(
      `no web app at ${root} (run \`npm run build:web\`, or set WEB_ROOT): serving the API only`,
    );
    return;
  }
  const page = readFileSync(indexFile, 'utf8');
  app.use(
    '/assets',
    express.static(join(root, 'assets'), {
      // Vite names built assets by their content.
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api'))
      return next();
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(page.replaceAll(CSP_NONCE_PLACEHOLDER, nonceOf(res)));
  });
}
