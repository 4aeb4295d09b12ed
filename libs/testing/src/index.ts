export * from './app-process';
export * from './free-port';
export * from './temporal-servers';
export * from './test-database';
export * from './e2e-stack';
