import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@workpoints/config';
import { AppModule } from './app.module';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { createValidationPipe } from './common/validation';
import { SecurityEventsService } from './security/security-events.service';
import { mountQueueBoard } from './queues/queue-board';

/**
 * What every request meets before and after a handler: the /api prefix, the body limit, the
 * validation pipe and the error shape. Also the medium tests' application, so they see the API
 * as production serves it.
 */
export function configureApp(app: NestExpressApplication): void {
  // A whole plan arrives in one body: 1,000 assigned points are about 170 KiB of JSON.
  app.useBodyParser('json', { limit: '5mb' });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  // Every error in the API's one shape, and every refusal recorded as a security event.
  app.useGlobalFilters(new DomainExceptionFilter(app.get(SecurityEventsService)));
}

/** The configured API application: prefix, validation, error shape and OpenAPI at /api/docs. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: [config.logLevel, 'error', 'warn'],
  });
  configureApp(app);
  app.enableShutdownHooks();
  // Plain Express middleware, ahead of Nest's routes: the board is its own small app.
  mountQueueBoard(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('workpoints API')
      .setDescription('年度工作要点督办：计划、交办、签收、进展、办结与审核')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
