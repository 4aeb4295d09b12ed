import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@workpoints/config';
import { createWorker } from './create-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: [config.logLevel, 'error', 'warn'],
  });
  const worker = await createWorker(app, config);
  // SIGTERM/SIGINT: stop polling, let running tasks finish, then close the Nest context.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: draining`);
      worker.shutdown();
    });
  }
  logger.log(
    `worker ready on task queue "${config.temporal.taskQueue}" at ${config.temporal.address}`,
  );
  await worker.run();
  await app.close();
  logger.log('worker stopped');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
