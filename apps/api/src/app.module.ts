import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, bullConnection } from '@workpoints/config';
import { PersistenceModule } from '@workpoints/persistence';
import { TemporalModule } from '@workpoints/temporal';
import { AuthModule } from './auth/auth.module';
import { DepartmentsModule } from './departments/departments.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ExportsModule } from './exports/exports.module';
import { SummariesModule } from './summaries/summaries.module';
import { BulletinsModule } from './bulletins/bulletins.module';
import { CalendarModule } from './calendar/calendar.module';
import { DepartmentRulesModule } from './department-rules/department-rules.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlansModule } from './plans/plans.module';
import { PointsModule } from './points/points.module';
import { TargetsModule } from './targets/targets.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { QueuesModule } from './queues/queues.module';
import { UsersModule } from './users/users.module';
import { SecurityModule } from './security/security.module';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule,
        SecurityModule,
        TemporalModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (c: AppConfig) => ({
            connection: {
              ...bullConnection(c),
              // Uploads are stored before they are queued: fail fast rather than hang when
              // Redis is away, the jobs app's sweep queues them later.
              enableOfflineQueue: false,
            },
            prefix: c.queues.prefix,
          }),
        }),
        ImportsModule,
        CalendarModule,
        DepartmentRulesModule,
        AuthModule,
        DepartmentsModule,
        UsersModule,
        PlansModule,
        DashboardModule,
        SummariesModule,
        ExportsModule,
        BulletinsModule,
        PointsModule,
        TargetsModule,
        AttachmentsModule,
        NotificationsModule,
        QueuesModule,
        HealthModule,
      ],
    };
  }
}
