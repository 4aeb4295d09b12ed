export * from './deadline';
export * from './labels';
export * from './lifecycle';
export * from './risk';
export * from './visibility';
export * from './department-suggestions';
export * from './publication';
export * from './notice-schedule';
