export * from './dates';
export * from './errors';
export * from './calendar-data';
export * from './work-calendar';
