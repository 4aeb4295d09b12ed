import type { PointStatus } from '@workpoints/contracts';

/**
 * Statuses from which nothing more happens to a point: its workflow has ended. `draft` is not
 * closed but not open either: it exists only before publication.
 */
export const CLOSED_STATUSES = ['completed', 'cancelled'] as const satisfies readonly PointStatus[];

/**
 * Statuses of a published point still being worked on or chased. Every "open" and "closed" in
 * code, SQL and the web app comes from these two lists.
 */
export const OPEN_STATUSES = [
  'assigned',
  'acknowledged',
  'in_progress',
  'submitted',
  'head_approved',
] as const satisfies readonly PointStatus[];

/** Statuses of a point that has been published (`draft` is the only other one). */
export const PUBLISHED_STATUSES = [
  ...OPEN_STATUSES,
  ...CLOSED_STATUSES,
] as const satisfies readonly PointStatus[];

export function isClosedStatus(status: PointStatus): boolean {
  return (CLOSED_STATUSES as readonly PointStatus[]).includes(status);
}

export function isOpenStatus(status: PointStatus): boolean {
  return (OPEN_STATUSES as readonly PointStatus[]).includes(status);
}
