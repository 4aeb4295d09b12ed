/**
 * The workflow id of a published point. Derived from plan and point number so that a second
 * publication of the same plan cannot start twins.
 */
export function workPointWorkflowId(planId: string, pointNumber: number): string {
  return `plan-${planId}-point-${pointNumber}`;
}
