export { parsePlan } from './plan-parser';
export * from './plan-parser.types';
