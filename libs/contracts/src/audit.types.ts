import type { TimelineEvent } from './work-point/work-point.types';

/** Plan-level events, recorded by the API (point-level events come from the workflow). */
export const PLAN_EVENTS = [
  'plan_created',
  'plan_assigned',
  'plan_published',
  'plan_imported',
  'plan_edited',
  'suggestions_applied',
  'calendar_changed',
  /** The coordinator chased a point's lead department (催办). */
  'urge',
  /** An admin sent a dead notification again. */
  'notification_retried',
  /** An admin or coordinator set up, changed or removed a department's robot. */
  'robot_changed',
  /** The coordinator added a quantitative target to a point by hand. */
  'target_added',
] as const;
export type PlanEvent = (typeof PLAN_EVENTS)[number];

/** What an audit row records: a point's transition or a plan-level event. */
export type AuditEventName = TimelineEvent | PlanEvent;
