import {
  NOTICE_KINDS,
  POINT_ACTIONS,
  SYSTEM_EVENTS,
  type PointParties,
  type TimelineEvent,
  type TransitionRecord,
} from '@workpoints/contracts';
import { addressees, eventOccasion, noticeRecipients, urgedRecipients } from './recipients';

type Rec = Pick<TransitionRecord, 'event' | 'signOff' | 'changes' | 'comment'>;
const rec = (event: TimelineEvent, more: Partial<Rec> = {}): Rec => ({
  event,
  signOff: null,
  changes: null,
  comment: null,
  ...more,
});

describe('who is told of a notice', () => {
  it('tells the lead of reminders, the co-departments of what they contribute to, the head of what went wrong', () => {
    expect(Object.fromEntries(NOTICE_KINDS.map((k) => [k, noticeRecipients(k)]))).toEqual({
      'ack-reminder': ['lead'],
      'report-reminder': ['lead', 'co'],
      'report-missed': ['lead', 'lead-head'],
      'deadline-reminder': ['lead', 'co'],
      overdue: ['lead', 'lead-head'],
      escalation: ['supervisor'],
    });
  });

  it('escalates to the supervisor first, then to the coordinator every time after', () => {
    expect([1, 2, 3, 10].map((step) => noticeRecipients('escalation', step))).toEqual([
      ['supervisor'],
      ['coordinator'],
      ['coordinator'],
      ['coordinator'],
    ]);
  });

  it('hands out copies: a caller cannot change the rule', () => {
    noticeRecipients('overdue').push('coordinator');
    expect(noticeRecipients('overdue')).toEqual(['lead', 'lead-head']);
  });
});

describe('who is told of an event', () => {
  it('tells the lead department and its head of the coordinator’s chase', () => {
    expect(urgedRecipients()).toEqual(['lead', 'lead-head']);
  });

  it('tells of publication, returns, approvals and extensions, and of nothing else', () => {
    const told = [...POINT_ACTIONS, ...SYSTEM_EVENTS]
      .map((event) => [event, eventOccasion(rec(event))] as const)
      .filter(([, occasion]) => occasion !== null)
      .map(([event, occasion]) => [event, occasion?.kind, occasion?.recipients]);
    expect(told).toEqual([
      ['approve', 'approved', ['lead', 'supervisor']],
      ['return', 'returned', ['lead']],
      ['request-extension', 'extension-requested', ['supervisor']],
      ['decide-extension', 'extension-decided', ['lead', 'lead-head']],
      ['publish', 'assigned', ['lead', 'lead-head', 'co']],
    ]);
  });

  it('tells the lead, its head and the coordinator of the supervisor’s final approval', () => {
    expect(
      eventOccasion(
        rec('approve', {
          signOff: { level: 'supervisor', decision: 'approved' },
          comment: '同意办结',
        }),
      ),
    ).toEqual({
      kind: 'completed',
      recipients: ['lead', 'lead-head', 'coordinator'],
      detail: '同意办结',
    });
    expect(
      eventOccasion(
        rec('approve', { signOff: { level: 'head', decision: 'approved' }, comment: '同意' }),
      ),
    ).toEqual({ kind: 'approved', recipients: ['lead', 'supervisor'], detail: '同意' });
  });

  it('says what an extension asked for and what was decided', () => {
    const extension = (decision: 'requested' | 'approved' | 'rejected', reason: string | null) =>
      rec(decision === 'requested' ? 'request-extension' : 'decide-extension', {
        changes: { extension: { decision, deadline: '2026-10-09', reason } },
        comment: '意见',
      });
    expect(eventOccasion(extension('requested', '需协调'))?.detail).toBe(
      '申请延期至 2026-10-09：需协调',
    );
    expect(eventOccasion(extension('approved', null))?.detail).toBe('同意延期至 2026-10-09');
    expect(eventOccasion(extension('approved', '国庆后'))?.detail).toBe(
      '同意延期至 2026-10-09：国庆后',
    );
    expect(eventOccasion(extension('rejected', '时间够'))?.detail).toBe('不同意延期：时间够');
    // Without the change recorded, the comment is all there is to say.
    expect(eventOccasion(rec('decide-extension', { comment: '意见' }))?.detail).toBe('意见');
    expect(eventOccasion(rec('return', { comment: '请补充材料' }))?.detail).toBe('请补充材料');
  });
});

describe('who is behind a role', () => {
  const parties: PointParties = {
    leadDepartmentId: 'zhc',
    coDepartmentIds: ['fgc', 'bhc'],
    supervisorId: 'li',
  };

  it('finds the departments’ staff, the lead’s head, the supervisor and the coordinators', () => {
    expect(addressees(['lead', 'lead-head', 'co', 'supervisor', 'coordinator'], parties)).toEqual([
      { recipient: 'lead', departmentId: 'zhc', role: 'staff' },
      { recipient: 'lead-head', departmentId: 'zhc', role: 'head' },
      { recipient: 'co', departmentId: 'fgc', role: 'staff' },
      { recipient: 'co', departmentId: 'bhc', role: 'staff' },
      { recipient: 'supervisor', userId: 'li' },
      { recipient: 'coordinator' },
    ]);
  });

  it('finds nobody behind the co-departments of a point without any', () => {
    expect(addressees(['co'], { ...parties, coDepartmentIds: [] })).toEqual([]);
  });
});
