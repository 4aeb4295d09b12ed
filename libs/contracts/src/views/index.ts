// The API's answers as the wire carries them (dates as ISO strings): what its handlers return,
// what the OpenAPI document describes and what the web app reads.
export * from './wire';
export * from './attachment.views';
export * from './auth.views';
export * from './bulletin.views';
export * from './calendar.views';
export * from './dashboard.views';
export * from './department.views';
export * from './export.views';
export * from './health.views';
export * from './import.views';
export * from './notification.views';
export * from './plan.views';
export * from './point.views';
export * from './target.views';
export * from './user.views';
