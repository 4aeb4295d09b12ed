import { DataSource, type DataSourceOptions } from 'typeorm';
import {
  AttachmentEntity,
  AuditEventEntity,
  BulletinEntity,
  CalendarOverrideEntity,
  DepartmentEntity,
  DepartmentRobotEntity,
  InboxItemEntity,
  NotificationEntity,
  DepartmentKeywordRuleEntity,
  PlanEntity,
  PlanImportEntity,
  PlanNodeEntity,
  ProgressReportEntity,
  NoticeEntity,
  SecurityEventEntity,
  SecuritySettingsEntity,
  SessionEntity,
  RefreshTokenEntity,
  SignOffEntity,
  TargetActualEntity,
  UserEntity,
  WorkPointEntity,
} from './entities';
import { InitialSchema1795237623788 } from './migrations/1795237623788-initial-schema';
import { PlanImportDrafts1795240550439 } from './migrations/1795240550439-plan-import-drafts';
import { CalendarOverrides1795243010739 } from './migrations/1795243010739-calendar-overrides';
import { PointPolicyAndNotices1795244962034 } from './migrations/1795244962034-point-policy-and-notices';
import { NotificationsOutbox1795247029451 } from './migrations/1795247029451-notifications-outbox';
import { Bulletins1795254350081 } from './migrations/1795254350081-bulletins';
import { TargetActuals1795255000000 } from './migrations/1795255000000-target-actuals';
import { Attachments1795257472091 } from './migrations/1795257472091-attachments';
import { RemindersToNotices1796223460510 } from './migrations/1796223460510-reminders-to-notices';
import { EffectiveDeadline1796223816339 } from './migrations/1796223816339-effective-deadline';
import { SecurityEvents1796227081498 } from './migrations/1796227081498-security-events';
import { SubmittedBy1796227582424 } from './migrations/1796227582424-submitted-by';
import { AccountsAndSessions1796227796317 } from './migrations/1796227796317-accounts-and-sessions';
import { WorkpointsNamingStrategy } from './naming.strategy';

export const ENTITIES = [
  DepartmentEntity,
  UserEntity,
  PlanEntity,
  PlanNodeEntity,
  WorkPointEntity,
  ProgressReportEntity,
  SignOffEntity,
  AuditEventEntity,
  NoticeEntity,
  PlanImportEntity,
  DepartmentKeywordRuleEntity,
  CalendarOverrideEntity,
  NotificationEntity,
  InboxItemEntity,
  DepartmentRobotEntity,
  BulletinEntity,
  TargetActualEntity,
  AttachmentEntity,
  SecurityEventEntity,
  SessionEntity,
  RefreshTokenEntity,
  SecuritySettingsEntity,
];

/** In the order they run. A new migration is generated, never hand-written: see the README. */
export const MIGRATIONS = [
  InitialSchema1795237623788,
  PlanImportDrafts1795240550439,
  CalendarOverrides1795243010739,
  PointPolicyAndNotices1795244962034,
  NotificationsOutbox1795247029451,
  Bulletins1795254350081,
  TargetActuals1795255000000,
  Attachments1795257472091,
  RemindersToNotices1796223460510,
  EffectiveDeadline1796223816339,
  SecurityEvents1796227081498,
  SubmittedBy1796227582424,
  AccountsAndSessions1796227796317,
];

/**
 * The one set of options for Nest, the migration runner, the TypeORM CLI and tests.
 * The schema is owned by migrations only (`synchronize: false`); they run from one process
 * (`runMigrations`), never on connect. UUIDs come from `gen_random_uuid()`, built into
 * PostgreSQL since 13, so no extension (and no superuser) is needed.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    applicationName: 'workpoints',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new WorkpointsNamingStrategy(),
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
