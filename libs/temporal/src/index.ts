export * from './repo-root';
export * from './temporal.module';
export * from './workflow-bundle';
export * from './monthly-bulletin.schedule';
