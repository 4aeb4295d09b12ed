import { DEFAULT_POLICY, type WorkPointState } from '@workpoints/contracts';
import {
  AuditEventEntity,
  ProgressReportEntity,
  SignOffEntity,
  UserEntity,
} from '@workpoints/persistence';
import {
  toNoticeView,
  toPointStateView,
  toPointTargetView,
  toReportView,
  toSignOffView,
  toTimelineEntry,
} from './point.mapper';

/** Already what the wire carries: serialising it changes nothing (no Date, no class). */
const wireForm = (view: object) => expect(JSON.parse(JSON.stringify(view))).toEqual(view);

describe('point views', () => {
  it('a timeline entry names the event in Chinese and carries its instant as an ISO string', () => {
    const entry = toTimelineEntry(
      Object.assign(new AuditEventEntity(), {
        id: '1',
        planId: 'plan-1',
        pointId: 'point-1',
        actorId: 'user-1',
        actorName: '吴佳怡',
        event: 'decide-extension',
        fromStatus: 'in_progress',
        toStatus: 'in_progress',
        before: null,
        after: {
          changes: { extension: { decision: 'approved', deadline: '2026-07-31', reason: null } },
        },
        comment: null,
        requestId: 'req-1',
        at: new Date('2026-05-06T02:00:00.000Z'),
      }),
    );
    expect(entry).toEqual({
      event: 'decide-extension',
      label: '同意延期',
      actor: { id: 'user-1', name: '吴佳怡' },
      from: 'in_progress',
      to: 'in_progress',
      comment: null,
      changes: { extension: { decision: 'approved', deadline: '2026-07-31', reason: null } },
      at: '2026-05-06T02:00:00.000Z',
    });
    wireForm(entry);
  });

  it('a report and a sign-off leave their row’s relations (author, point) inside', () => {
    const author = Object.assign(new UserEntity(), { id: 'user-1', passwordHash: 'secret-hash' });
    const report = toReportView(
      Object.assign(new ProgressReportEntity(), {
        id: 'r1',
        pointId: 'point-1',
        departmentId: 'd1',
        authorId: 'user-1',
        author,
        kind: 'progress',
        text: '已完成调研',
        percent: 40,
        requestId: 'req-2',
        attachedToId: null,
        createdAt: new Date('2026-04-25T01:00:00.000Z'),
      }),
      [{ id: 'a1', filename: '调研报告.pdf', size: 1024, contentType: 'application/pdf' }],
    );
    expect(report).not.toHaveProperty('author');
    expect(JSON.stringify(report)).not.toContain('secret-hash');
    expect(report.createdAt).toBe('2026-04-25T01:00:00.000Z');
    expect(report.attachments).toHaveLength(1);
    wireForm(report);

    const signOff = toSignOffView(
      Object.assign(new SignOffEntity(), {
        id: 's1',
        pointId: 'point-1',
        level: 'head',
        decision: 'returned',
        actorId: 'user-2',
        actor: author,
        comment: '请补充数据',
        requestId: 'req-3',
        createdAt: new Date('2026-04-26T01:00:00.000Z'),
      }),
    );
    expect(signOff).not.toHaveProperty('actor');
    expect(signOff.createdAt).toBe('2026-04-26T01:00:00.000Z');
    wireForm(signOff);
  });

  it('a notice says in Chinese what it was and to whom, delivered or not', () => {
    const row = {
      kind: 'deadline-reminder',
      dueDate: '2026-06-30',
      noticeDate: '2026-06-23',
      recipient: 'lead-head',
      departmentId: 'd1',
      userId: null,
      deliveredAt: null,
    };
    expect(toNoticeView(row)).toMatchObject({
      label: '到期提醒',
      recipientLabel: '牵头单位负责人',
      deliveredAt: null,
    });
    const delivered = toNoticeView({ ...row, deliveredAt: new Date('2026-06-23T01:00:00.000Z') });
    expect(delivered.deliveredAt).toBe('2026-06-23T01:00:00.000Z');
    wireForm(delivered);
  });

  it('a target’s latest actual carries its instant as an ISO string', () => {
    const target = { text: '突破22件', value: 22, unit: '件', comparator: '>=' as const };
    expect(toPointTargetView(target, 0, undefined)).toEqual({ ...target, index: 0, actual: null });
    const view = toPointTargetView(target, 1, {
      value: 25,
      recordedAt: new Date('2026-05-25T03:00:00.000Z'),
    });
    expect(view.actual).toEqual({ value: 25, recordedAt: '2026-05-25T03:00:00.000Z' });
    wireForm(view);
  });

  it('the live state gains the Chinese words of its status and light', () => {
    const state: WorkPointState = {
      pointId: 'point-1',
      planId: 'plan-1',
      number: 1,
      status: 'submitted',
      risk: 'red',
      overdue: true,
      deadline: '2026-06-30',
      returnComment: null,
      version: 7,
      appliedRequests: { 'req-1': 'acknowledge' },
      policy: DEFAULT_POLICY,
      publishedOn: '2026-03-02',
      effectiveDeadline: '2026-06-30',
      suspended: false,
      reportMissedFor: null,
      reportDays: [],
      pendingExtension: null,
      noticesThrough: '2026-07-01T01:00:00.000Z',
      leadDepartmentId: 'd1',
      coDepartmentIds: [],
      supervisorId: 'user-9',
    };
    const view = toPointStateView(state);
    expect(view).toMatchObject({ statusLabel: '已报送办结', riskLabel: '红灯' });
    wireForm(view);
  });
});
