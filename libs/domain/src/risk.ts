import type { PointStatus, RiskColour } from '@workpoints/contracts';
import { isClosedStatus } from './status';

export interface RiskFacts {
  status: PointStatus;
  overdue: boolean;
  /** A progress report was missed and none has come since. */
  reportMissing?: boolean;
  /** The deadline is within the policy's yellow window (working days). */
  deadlineNear?: boolean;
}

/** Completion has been submitted: the department's part is done until a return. */
export function completionSubmitted(status: PointStatus): boolean {
  return status === 'submitted' || status === 'head_approved' || status === 'completed';
}

/**
 * Risk colour (红黄绿灯) of a point: red once overdue and not closed; yellow when a report is
 * missing, or the deadline is near and completion has not been submitted; otherwise green.
 */
export function riskColour(facts: RiskFacts): RiskColour {
  if (isClosedStatus(facts.status)) return 'green';
  if (facts.overdue) return 'red';
  if (facts.reportMissing) return 'yellow';
  if (facts.deadlineNear && !completionSubmitted(facts.status)) return 'yellow';
  return 'green';
}
