import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@workpoints/config';
import { QueueName } from '@workpoints/contracts';
import { PersistenceModule } from '@workpoints/persistence';
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
            connection: {
              host: c.redis.host,
              port: c.redis.port,
              username: c.redis.username,
              password: c.redis.password,
              db: c.redis.db,
              tls: c.redis.tls,
            },
            prefix: c.queues.prefix,
          }),
        }),
        BullModule.registerQueue({ name: QueueName.Reminders }),
      ],
      providers: [RemindersProcessor],
    };
  }
}
