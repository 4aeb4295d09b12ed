import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@workpoints/config';
import { PersistenceModule } from '@workpoints/persistence';
import { TemporalModule } from '@workpoints/temporal';
import { AuthModule } from './auth/auth.module';
import { DepartmentsModule } from './departments/departments.module';
import { HealthModule } from './health/health.module';
import { PlansModule } from './plans/plans.module';
import { PointsModule } from './points/points.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule,
        TemporalModule,
        AuthModule,
        DepartmentsModule,
        UsersModule,
        PlansModule,
        PointsModule,
        HealthModule,
      ],
    };
  }
}
