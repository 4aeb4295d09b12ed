import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@workpoints/config';
import { ensureMonthlyBulletinSchedule } from '@workpoints/temporal';
import { createWorker } from './create-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: [config.logLevel, 'error', 'warn'],
  });
  const worker = await createWorker(app, config);
  const connection = await Connection.connect({ address: config.temporal.address });
  const schedule = await ensureMonthlyBulletinSchedule(
    new Client({ connection, namespace: config.temporal.namespace }),
    config.temporal.taskQueue,
  );
  await connection.close();
  logger.log(`monthly bulletin schedule ${schedule}`);
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
