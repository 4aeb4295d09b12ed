import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { AppConfig } from '@workpoints/config';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** dist/web beside the compiled API (dist/apps/api/src/web → dist/web). */
export const defaultWebRoot = (): string => resolve(__dirname, '..', '..', '..', '..', 'web');

/**
 * Serves the built web app at / (every path outside /api answers index.html, so links into
 * the app open the right page). Without a build it serves nothing and says how to make one.
 */
@Module({})
export class WebModule {
  static forRoot(config: AppConfig): DynamicModule {
    const rootPath = config.web.root ?? defaultWebRoot();
    if (!existsSync(join(rootPath, 'index.html'))) {
      new Logger('web').warn(
        `no web app at ${rootPath} (run \`npm run build:web\`, or set WEB_ROOT): serving the API only`,
      );
      return { module: WebModule };
    }
    return {
      module: WebModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath,
          exclude: ['/api/{*path}'],
          serveStaticOptions: {
            // Vite names built assets by their content; index.html must be asked for each time.
            setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) =>
              res.setHeader(
                'Cache-Control',
                path.includes(`${sep}assets${sep}`)
                  ? 'public, max-age=31536000, immutable'
                  : 'no-cache',
              ),
          },
        }),
      ],
    };
  }
}
