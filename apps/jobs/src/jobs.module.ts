import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, bullConnection } from '@workpoints/config';
import { QueueName } from '@workpoints/contracts';
import { PersistenceModule } from '@workpoints/persistence';
import { ImportsProcessor } from './imports/imports.processor';
import { CHANNEL_PROCESSORS } from './notifications/channel.processors';
import { NotificationDeliveryService } from './notifications/notification-delivery.service';
import {
  CHANNEL_QUEUES,
  NotificationDispatcherProcessor,
} from './notifications/notification-dispatcher.processor';
import { ReportsProcessor } from './reports/reports.processor';

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
        BullModule.registerQueue(
          { name: QueueName.Imports },
          { name: QueueName.NotifyDispatch },
          { name: QueueName.Reports },
          ...CHANNEL_QUEUES.map((name) => ({ name })),
        ),
      ],
      providers: [
        ImportsProcessor,
        NotificationDispatcherProcessor,
        NotificationDeliveryService,
        ReportsProcessor,
        ...CHANNEL_PROCESSORS,
      ],
    };
  }
}
