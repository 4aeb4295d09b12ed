import type { PointStatus, RiskColour } from '@workpoints/contracts';

/**
 * Risk colour (红黄绿灯) of a point. Red once overdue and not completed; otherwise green.
 * Yellow (missing report, deadline near) arrives with the working-day calendar.
 */
export function riskColour(state: { status: PointStatus; overdue: boolean }): RiskColour {
  if (state.status === 'completed') return 'green';
  return state.overdue ? 'red' : 'green';
}
