import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@workpoints/config';
import { dataSourceOptions, ENTITIES } from './data-source';

/**
 * The application's one DataSource, built from the validated configuration (import
 * `ConfigModule.forRoot()` in the root module). Exports the repositories of every entity, so
 * services can `@InjectRepository(WorkPointEntity)` or inject `DataSource`. It never migrates:
 * migrations run once, from `runMigrations`, before the processes start.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database.url),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  exports: [TypeOrmModule],
})
export class PersistenceModule {}
