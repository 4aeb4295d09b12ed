import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, bullConnection } from '@workpoints/config';
import { QueueName } from '@workpoints/contracts';
import { PersistenceModule } from '@workpoints/persistence';
import { ImportsProcessor } from './imports/imports.processor';
import { RemindersProcessor } from './reminders/reminders.processor';

/** The BullMQ processors: one processor per queue in QueueName. */
@Module({})
export class JobsModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: JobsModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (c: AppConfig) => ({
            connection: bullConnection(c),
            prefix: c.queues.prefix,
          }),
        }),
        BullModule.registerQueue({ name: QueueName.Reminders }, { name: QueueName.Imports }),
      ],
      providers: [RemindersProcessor, ImportsProcessor],
    };
  }
}
