import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@workpoints/config';
import { AppModule } from './app.module';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { secureHttpSurface } from './common/http-surface';
import { createValidationPipe } from './common/validation';
import { SecurityEventsService } from './security/security-events.service';
import { mountQueueBoard } from './queues/queue-board';
import { mountWebApp } from './web/web-app';

/**
 * What every request meets before and after a handler: security headers and body limits, the
 * /api prefix, the validation pipe and the error shape. Also the medium tests' application, so
 * they see the API as production serves it.
 */
export function configureApp(app: NestExpressApplication): void {
  secureHttpSurface(app, app.get(AppConfig));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  // Every error in the API's one shape, and every refusal recorded as a security event.
  app.useGlobalFilters(new DomainExceptionFilter(app.get(SecurityEventsService)));
}

/**
 * The configured API application: what `configureApp` sets, the web app at / and, outside
 * production, OpenAPI at /api/docs.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: [config.logLevel, 'error', 'warn'],
    // Body parsers with per-route limits are set up in secureHttpSurface.
    bodyParser: false,
  });
  configureApp(app);
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
