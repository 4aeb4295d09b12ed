import { Module } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@workpoints/config';
import { PersistenceModule } from '@workpoints/persistence';
import { BulletinActivitiesService } from './bulletin.activities';
import { WorkPointActivitiesService } from './work-point.activities';

/** The worker's Nest context: no HTTP, just the providers activities need. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig) {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule],
      providers: [WorkPointActivitiesService, BulletinActivitiesService],
      exports: [WorkPointActivitiesService, BulletinActivitiesService],
    };
  }
}
