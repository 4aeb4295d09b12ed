import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@workpoints/config';
import { JobsModule } from './jobs.module';

async function main(): Promise<void> {
  const config = loadConfig();
  // No HTTP port: a Nest application context whose shutdown hooks close the BullMQ workers
  // cleanly on SIGTERM/SIGINT.
  const app = await NestFactory.createApplicationContext(JobsModule.forRoot(config), {
    logger: [config.logLevel, 'error', 'warn'],
  });
  app.enableShutdownHooks();
  new Logger('jobs').log(`jobs ready (Redis ${config.redis.host}:${config.redis.port})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
