import { workPointWorkflowId } from './workflow-ids';

describe('workPointWorkflowId', () => {
  it('derives one id per plan and point, so a second publish cannot start twins', () => {
    expect(workPointWorkflowId('p1', 7)).toBe('plan-p1-point-7');
    expect(workPointWorkflowId('p1', 7)).toBe(workPointWorkflowId('p1', 7));
    expect(workPointWorkflowId('p1', 7)).not.toBe(workPointWorkflowId('p2', 7));
  });
});
