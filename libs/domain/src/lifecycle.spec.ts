import {
  ErrorCode,
  type Actor,
  type PointAction,
  type PointContext,
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

  it('keeps whoever submitted a completion from approving it at any step (separation of duties)', () => {
    const context = (submittedBy: string | null): PointContext => ({
      suspended: false,
      deadlinePassed: false,
      extensionPending: false,
      submittedBy,
    });
    // A lead head may submit; then the head step needs another head of the department.
    const own = decide('submitted', 'approve', leadHead, parties, context('lh'));
    expect(own).toEqual({
      allowed: false,
      code: ErrorCode.NotInRemit,
      message:
        '办结申请由您提交，不能由您本人审核（职责分离）：请由牵头单位其他负责人或分管领导审核',
    });
    const otherHead = person('lh2', 'lead', 'head');
    expect(decide('submitted', 'approve', otherHead, parties, context('lh'))).toMatchObject({
      allowed: true,
      to: 'head_approved',
    });
    // A supervisor who is also a member of the lead department and submitted: not at their step.
    const supervisingHead = person('sup', 'lead', 'head', 'supervisor');
    expect(
      decide('head_approved', 'approve', supervisingHead, parties, context('sup')),
    ).toMatchObject({ allowed: false, code: ErrorCode.NotInRemit });
    // Returning one's own submission for rework stays possible; staff's submission is not touched.
    expect(decide('submitted', 'return', leadHead, parties, context('lh')).allowed).toBe(true);
    expect(decide('submitted', 'approve', leadHead, parties, context('ls')).allowed).toBe(true);
    // Without the fact (a run from before the rule), the old rule stands.
    expect(decide('submitted', 'approve', leadHead, parties, context(null)).allowed).toBe(true);
  });

  it('explains a refusal in Chinese', () => {
    const d = decide('submitted', 'approve', supervisor, parties);
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.message).toBe('当前应由牵头单位负责人审核');
  });

  describe('extensions, contributions and the coordinator', () => {
    const ctx = (over: Partial<PointContext> = {}): PointContext => ({
      suspended: false,
      deadlinePassed: false,
      extensionPending: false,
      ...over,
    });
    const with_ = (status: PointStatus, action: PointAction, actor: Actor, c: PointContext) => {
      const d = decide(status, action, actor, parties, c);
      return d.allowed ? d.to : d.code;
    };

    it('lets the lead department ask for an extension before the deadline, one at a time', () => {
      expect(with_('in_progress', 'request-extension', leadStaff, ctx())).toBe('in_progress');
      expect(with_('in_progress', 'request-extension', coStaff, ctx())).toBe(ErrorCode.NotInRemit);
      expect(with_('assigned', 'request-extension', leadStaff, ctx())).toBe(ErrorCode.OutOfTurn);
      expect(with_('submitted', 'request-extension', leadStaff, ctx())).toBe(ErrorCode.OutOfTurn);
      const late = decide(
        'in_progress',
        'request-extension',
        leadStaff,
        parties,
        ctx({ deadlinePassed: true }),
      );
      expect(late).toMatchObject({ allowed: false, message: expect.stringContaining('时限已过') });
      const twice = decide(
        'in_progress',
        'request-extension',
        leadStaff,
        parties,
        ctx({ extensionPending: true }),
      );
      expect(twice).toMatchObject({ allowed: false, code: ErrorCode.OutOfTurn });
    });

    it('lets only the point’s supervisor decide a pending extension', () => {
      const pending = ctx({ extensionPending: true, deadlinePassed: true });
      expect(with_('in_progress', 'decide-extension', supervisor, pending)).toBe('in_progress');
      expect(with_('in_progress', 'decide-extension', otherSupervisor, pending)).toBe(
        ErrorCode.NotInRemit,
      );
      expect(with_('in_progress', 'decide-extension', leadHead, pending)).toBe(
        ErrorCode.NotInRemit,
      );
      expect(with_('in_progress', 'decide-extension', supervisor, ctx())).toBe(ErrorCode.OutOfTurn);
    });

    it('lets co-departments contribute until completion is submitted', () => {
      expect(with_('acknowledged', 'contribute', coStaff, ctx())).toBe('acknowledged');
      expect(with_('acknowledged', 'contribute', leadStaff, ctx())).toBe(ErrorCode.NotInRemit);
      expect(with_('submitted', 'contribute', coStaff, ctx())).toBe(ErrorCode.OutOfTurn);
    });

    it('gives suspension, resumption, cancellation and changes to the coordinator alone', () => {
      for (const action of [
        'suspend',
        'cancel',
        'reassign',
        'change-deadline',
        'change-policy',
      ] as const) {
        expect(with_('in_progress', action, leadHead, ctx())).toBe(ErrorCode.NotInRemit);
        expect(with_('in_progress', action, supervisor, ctx())).toBe(ErrorCode.NotInRemit);
      }
      expect(with_('in_progress', 'suspend', coordinator, ctx())).toBe('in_progress');
      expect(with_('in_progress', 'suspend', coordinator, ctx({ suspended: true }))).toBe(
        ErrorCode.OutOfTurn,
      );
      expect(with_('in_progress', 'resume', coordinator, ctx())).toBe(ErrorCode.OutOfTurn);
      expect(with_('in_progress', 'resume', coordinator, ctx({ suspended: true }))).toBe(
        'in_progress',
      );
      expect(with_('submitted', 'cancel', coordinator, ctx({ suspended: true }))).toBe('cancelled');
      expect(with_('in_progress', 'change-deadline', coordinator, ctx({ suspended: true }))).toBe(
        'in_progress',
      );
    });

    it('holds the department’s actions while suspended, and everything once closed', () => {
      const held = decide('in_progress', 'report', leadStaff, parties, ctx({ suspended: true }));
      expect(held).toMatchObject({
        allowed: false,
        code: ErrorCode.OutOfTurn,
        message: expect.stringContaining('已暂停'),
      });
      expect(with_('cancelled', 'resume', coordinator, ctx())).toBe(ErrorCode.OutOfTurn);
      expect(with_('completed', 'change-deadline', coordinator, ctx())).toBe(ErrorCode.OutOfTurn);
    });
  });
});
