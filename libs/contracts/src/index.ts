export * from './errors';
export * from './queues';
export * from './task-queues';
export * from './workflow-ids';
export * from './work-point/work-point.messages';
export * from './work-point/policy.types';
export * from './work-point/work-point.types';
export * from './calendar.types';
