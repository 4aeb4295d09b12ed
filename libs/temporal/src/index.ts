export * from './repo-root';
export * from './temporal.module';
export * from './workflow-bundle';
