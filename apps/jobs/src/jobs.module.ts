import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, ConfigModule, bullConnection } from '@workpoints/config';
import { QueueName } from '@workpoints/contracts';
import { PersistenceModule } from '@workpoints/persistence';
import { ImportsProcessor } from './imports/imports.processor';
import { ProcessorRegistration } from './job-processors';
import { CHANNEL_PROCESSORS } from './notifications/channel.processors';
import { NotificationDeliveryService } from './notifications/notification-delivery.service';
import {
  CHANNEL_QUEUES,
  NotificationDispatcherProcessor,
} from './notifications/notification-dispatcher.processor';
import { ReportsProcessor } from './reports/reports.processor';

/** The processors of the queues in QueueName, one each (checked by ProcessorRegistration). */
export const PROCESSORS = [
  ImportsProcessor,
  NotificationDispatcherProcessor,
  ReportsProcessor,
  ...CHANNEL_PROCESSORS,
];

/**
 * The BullMQ processors: one processor per queue in QueueName, checked before any worker
 * starts (ProcessorRegistration).
 */
@Module({})
export class JobsModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: JobsModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule,
        DiscoveryModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (c: AppConfig) => ({
            connection: bullConnection(c),
            prefix: c.queues.prefix,
          }),
          // The workers start once ProcessorRegistration has checked the processors.
          extraOptions: { manualRegistration: true },
        }),
        BullModule.registerQueue(
          { name: QueueName.Imports },
          { name: QueueName.NotifyDispatch },
          { name: QueueName.Reports },
          ...CHANNEL_QUEUES.map((name) => ({ name })),
        ),
      ],
      providers: [ProcessorRegistration, NotificationDeliveryService, ...PROCESSORS],
    };
  }
}
