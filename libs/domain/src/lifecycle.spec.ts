import {
  ErrorCode,
  type Actor,
  type PointAction,
  type PointParties,
  type PointStatus,
} from '@workpoints/contracts';
import { decide } from './lifecycle';

const parties: PointParties = {
  leadDepartmentId: 'lead',
  coDepartmentIds: ['co'],
  supervisorId: 'sup',
};
const person = (userId: string, departmentId: string | null, ...roles: Actor['roles']): Actor => ({
  userId,
  displayName: userId,
  departmentId,
  roles,
});
const leadStaff = person('ls', 'lead', 'staff');
const leadHead = person('lh', 'lead', 'head');
const coStaff = person('cs', 'co', 'staff');
const supervisor = person('sup', null, 'supervisor');
const otherSupervisor = person('sup2', null, 'supervisor');
const coordinator = person('c', 'office', 'coordinator', 'staff');

const outcome = (status: PointStatus, action: PointAction, actor: Actor) => {
  const d = decide(status, action, actor, parties);
  return d.allowed ? d.to : d.code;
};

describe('decide: the work-point lifecycle', () => {
  it('walks the happy path with the right people', () => {
    expect(outcome('assigned', 'acknowledge', leadStaff)).toBe('acknowledged');
    expect(outcome('acknowledged', 'report', leadStaff)).toBe('in_progress');
    expect(outcome('in_progress', 'report', leadHead)).toBe('in_progress');
    expect(outcome('in_progress', 'submit', leadStaff)).toBe('submitted');
    expect(outcome('submitted', 'approve', leadHead)).toBe('head_approved');
    expect(outcome('head_approved', 'approve', supervisor)).toBe('completed');
  });

  it('sends a returned point back to in progress from either sign-off', () => {
    expect(outcome('submitted', 'return', leadHead)).toBe('in_progress');
    expect(outcome('head_approved', 'return', supervisor)).toBe('in_progress');
  });

  it('names the sign-off level of approvals and returns', () => {
    expect(decide('submitted', 'approve', leadHead, parties)).toMatchObject({ signOff: 'head' });
    expect(decide('head_approved', 'return', supervisor, parties)).toMatchObject({
      signOff: 'supervisor',
    });
    expect(decide('assigned', 'acknowledge', leadStaff, parties)).toMatchObject({ signOff: null });
  });

  it.each<[PointStatus, PointAction, Actor]>([
    ['assigned', 'acknowledge', coStaff],
    ['assigned', 'acknowledge', coordinator],
    ['in_progress', 'report', coStaff],
    ['in_progress', 'submit', supervisor],
    ['submitted', 'approve', leadStaff],
    ['submitted', 'approve', coordinator],
    ['head_approved', 'approve', otherSupervisor],
    ['head_approved', 'return', leadStaff],
  ])('refuses %s/%s by someone outside the remit', (status, action, actor) => {
    expect(outcome(status, action, actor)).toBe(ErrorCode.NotInRemit);
  });

  it.each<[PointStatus, PointAction, Actor]>([
    ['acknowledged', 'acknowledge', leadStaff],
    ['assigned', 'report', leadStaff],
    ['assigned', 'submit', leadStaff],
    ['submitted', 'submit', leadStaff],
    ['in_progress', 'approve', leadHead],
    ['submitted', 'approve', supervisor],
    ['head_approved', 'approve', leadHead],
    ['completed', 'approve', supervisor],
    ['completed', 'report', leadStaff],
  ])('refuses %s/%s out of turn', (status, action, actor) => {
    expect(outcome(status, action, actor)).toBe(ErrorCode.OutOfTurn);
  });

  it('explains a refusal in Chinese', () => {
    const d = decide('submitted', 'approve', supervisor, parties);
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.message).toBe('当前应由牵头单位负责人审核');
  });
});
