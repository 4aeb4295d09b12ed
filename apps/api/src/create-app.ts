import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@workpoints/config';
import { AppModule } from './app.module';
import { secureHttpSurface } from './common/http-surface';
import { createValidationPipe } from './common/validation';
import { mountQueueBoard } from './queues/queue-board';
import { mountWebApp } from './web/web-app';

/**
 * The configured API application: security headers and body limits, prefix, validation, error
 * shape, the web app at / and, outside production, OpenAPI at /api/docs.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: [config.logLevel, 'error', 'warn'],
    // Body parsers with per-route limits are set up in secureHttpSurface.
    bodyParser: false,
  });
  secureHttpSurface(app, config);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  // Plain Express middleware, ahead of Nest's routes: the board is its own small app.
  mountQueueBoard(app);
  mountWebApp(app, config);
  // The API's map is for its developers: production does not publish it.
  if (config.env !== 'production') {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('workpoints API')
        .setDescription('年度工作要点督办：计划、交办、签收、进展、办结与审核')
        .setVersion('0.1.0')
        .addBearerAuth()
        .addCookieAuth('wp_refresh')
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}
