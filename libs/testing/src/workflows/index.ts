// The time-skipping harness on its own entry point (`@workpoints/testing/workflows`): the CLI's
// simulator runs in production, where the rest of this library's dependencies are absent.
export * from './calendar-cycle';
export * from './workflow-harness';
