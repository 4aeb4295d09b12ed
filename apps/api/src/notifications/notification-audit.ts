import type { AuditEventName } from '@workpoints/persistence';

/** Audit event names of the notification actions. */
export const URGE_EVENT: AuditEventName = 'urge';
export const NOTIFICATION_RETRIED_EVENT: AuditEventName = 'notification_retried';
export const ROBOT_CHANGED_EVENT: AuditEventName = 'robot_changed';
