import type { Actor, TodoView } from '@workpoints/contracts';
import { NoticeEntity, ProgressReportEntity, type WorkPointEntity } from '@workpoints/persistence';
import {
  insertPlan,
  insertPoint,
  recordEvent,
  type MediumHarness,
} from '@workpoints/testing/medium';
import { MediumApi } from '../testing/medium-api';
import { PointsModule } from './points.module';
import { TodoService } from './todo.service';

/** Each person's to-do lists over a real read model. */
describe('TodoService (medium)', () => {
  let medium: MediumApi;
  let h: MediumHarness;
  let todo: TodoService;
  const point: Record<string, WorkPointEntity> = {};

  /** Each list as the numbers of its points. */
  const lists = async (username: string) => {
    const view: TodoView = await todo.todo(await h.actor(username));
    return Object.fromEntries(
      Object.entries(view).map(([list, items]) => [
        list,
        (items as { number: number }[]).map((p) => p.number),
      ]),
    );
  };

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_todo', [PointsModule]);
    h = medium.harness;
    todo = h.get(TodoService);
    const coordinator = await h.actor('coordinator');
    const staff = await h.actor('zlglc.staff');
    const head = await h.actor('zlglc.head');
    const [zlglc, bhc] = await Promise.all([h.department('zlglc'), h.department('bhc')]);
    const [li, zhang] = await Promise.all([h.actor('supervisor.li'), h.actor('supervisor.zhang')]);
    const plan = await insertPlan(h.ds, coordinator);
    const add = async (
      name: string,
      fields: Partial<WorkPointEntity> & { number: number },
      sup: Actor = li,
    ) =>
      (point[name] = await insertPoint(h.ds, plan, {
        leadDepartmentId: zlglc.id,
        supervisorId: sup.userId,
        ...fields,
      }));
    await add('toAcknowledge', { number: 1, deadline: '2026-11-30' });
    await add('suspended', { number: 2, suspended: true });
    const reminded = await add('reminded', { number: 3, status: 'in_progress' });
    const reported = await add('reported', { number: 4, status: 'in_progress' });
    const returned = await add('returned', { number: 5, status: 'submitted' });
    await add('submitted', { number: 6, status: 'submitted' });
    await add('headApproved', { number: 7, status: 'head_approved' });
    await add('othersApproval', { number: 8, status: 'head_approved' }, zhang);
    await add('extension', {
      number: 9,
      status: 'in_progress',
      pendingExtension: {
        requestId: 'ext-1',
        requestedBy: staff.userId,
        requestedByName: staff.displayName,
        deadline: '2027-03-31',
        reason: '需要更多时间',
        at: '2026-09-01T02:00:00.000Z',
      },
    });
    await add('overdue', { number: 10, status: 'in_progress', overdue: true });
    await add('overdueClosed', { number: 11, status: 'completed', overdue: true });
    await add(
      'otherDepartment',
      { number: 12, leadDepartmentId: bhc.id, overdue: true, status: 'in_progress' },
      zhang,
    );

    // A report reminder for 3 and 4; only 4 has reported since.
    const notices = h.ds.getRepository(NoticeEntity);
    for (const p of [reminded, reported])
      await notices.save({
        pointId: p.id,
        kind: 'report-reminder',
        dueDate: '2026-08-25',
        noticeDate: '2026-08-21',
        recipient: 'lead',
        recipientKey: `lead:${zlglc.id}`,
        departmentId: zlglc.id,
        createdAt: new Date('2026-08-21T01:00:00Z'),
      });
    await h.ds.getRepository(ProgressReportEntity).save({
      pointId: reported.id,
      departmentId: zlglc.id,
      authorId: staff.userId,
      kind: 'progress',
      text: '已报送',
      percent: 50,
      requestId: 'r-4',
      createdAt: new Date('2026-08-24T02:00:00Z'),
    });
    // 5 was submitted, then returned by the head: its latest event is the return.
    await recordEvent(h.ds, returned, {
      event: 'submit',
      actor: staff,
      to: 'submitted',
      requestId: 's-5',
    });
    await recordEvent(h.ds, returned, {
      event: 'return',
      actor: head,
      to: 'in_progress',
      requestId: 'ret-5',
      comment: '请补充数据',
      at: new Date(Date.now() + 1_000),
    });
  });

  afterAll(() => medium?.close());

  it("gives the lead department's staff what to acknowledge, report, redo, and what is overdue", async () => {
    expect(await lists('zlglc.staff')).toEqual({
      toAcknowledge: [1],
      reportsDue: [3],
      returned: [5],
      approvals: [],
      extensions: [],
      overdue: [10],
    });
    const view = await todo.todo(await h.actor('zlglc.staff'));
    expect(view.reportsDue[0]).toMatchObject({
      id: point['reminded']?.id,
      reportDue: '2026-08-25',
    });
  });

  it("gives the head the department's submissions to sign off", async () => {
    expect((await lists('zlglc.head')).approvals).toEqual([6]);
  });

  it('gives a supervisor the sign-offs and extension requests of their own points', async () => {
    const li = await lists('supervisor.li');
    expect(li).toMatchObject({ approvals: [7], extensions: [9], overdue: [10] });
    // Not a department member: nothing of the department's own lists.
    expect([li['toAcknowledge'], li['reportsDue'], li['returned']]).toEqual([[], [], []]);
    expect(await lists('supervisor.zhang')).toMatchObject({
      approvals: [8],
      extensions: [],
      overdue: [12],
    });
  });

  it('gives the coordinator every open overdue point, and a co-department nothing of the lead', async () => {
    expect((await lists('coordinator')).overdue).toEqual([10, 12]);
    expect(await lists('bhc.staff')).toEqual({
      toAcknowledge: [],
      reportsDue: [],
      returned: [],
      approvals: [],
      extensions: [],
      overdue: [12],
    });
  });
});
