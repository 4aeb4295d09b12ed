// Every function exported here is registered as a workflow type by the worker.
export { workPointWorkflow } from './work-point.workflow';
export { monthlyBulletinWorkflow } from './monthly-bulletin.workflow';
