// The medium test tier (`*.medium-spec.ts`) on its own entry point
// (`@workpoints/testing/medium`): it loads Nest's testing module, which the other tiers need not.
export * from './clock';
export * from './medium-harness';
export * from './recording-temporal';
export * from './seeded-database';
export { ApiClient, type HttpResult } from '../api-client';
export * from './read-model';
