export * from './log';
export * from './repo-root';
export * from './ports';
export * from './managed-process';
export * from './temporal-tools';
export * from './embedded-postgres';
export * from './redis-server';
export * from './temporal-dev-server';
