import { ErrorCode, type Actor, type PlanDashboard } from '@workpoints/contracts';
import { NoticeEntity, PlanNodeEntity, type PlanEntity } from '@workpoints/persistence';
import { insertPlan, insertPoint, setClock, type MediumHarness } from '@workpoints/testing/medium';
import { MediumApi } from '../testing/medium-api';
import type { DashboardQuery } from './dashboard.dto';
import { DashboardModule } from './dashboard.module';
import { DashboardService } from './dashboard.service';

/**
 * The supervisors' dashboard over a real read model, on Monday 21 September 2026. The working
 * days around it, from the State Council's 2026 notice: 中秋 Friday 25 September off; 国庆
 * 1–7 October off; Sunday 20 September and Saturday 10 October are working days (调休).
 */
describe('DashboardService (medium)', () => {
  let medium: MediumApi;
  let h: MediumHarness;
  let dashboards: DashboardService;
  let coordinator: Actor;
  let plan: PlanEntity;
  let chapter1: PlanNodeEntity;
  const dept: Record<string, string> = {};

  const dashboard = (actor: Actor, query: DashboardQuery = {}): Promise<PlanDashboard> =>
    dashboards.dashboard(plan.id, actor, query);

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_dashboard', [DashboardModule]);
    h = medium.harness;
    dashboards = h.get(DashboardService);
    setClock('2026-09-21 10:00');
    coordinator = await h.actor('coordinator');
    for (const code of ['zlglc', 'bhc', 'sbppc', 'ggfwc'])
      dept[code] = (await h.department(code)).id;
    const li = await h.actor('supervisor.li');
    const zhang = await h.actor('supervisor.zhang');
    plan = await insertPlan(h.ds, coordinator);
    const nodes = h.ds.getRepository(PlanNodeEntity);
    const node = (fields: Partial<PlanNodeEntity>) =>
      nodes.save({ planId: plan.id, label: '', parentId: null, ...fields } as PlanNodeEntity);
    chapter1 = await node({ kind: 'chapter', label: '一、', title: '强化保护', position: 0 });
    const section = await node({
      kind: 'section',
      label: '（一）',
      title: '行政保护',
      parentId: chapter1.id,
      position: 0,
    });
    const chapter2 = await node({ kind: 'chapter', label: '二、', title: '促进运用', position: 1 });

    const rows = [
      // Due Sunday 4 October (国庆), moved back to Wednesday 30 September: 6 working days left.
      {
        n: 1,
        node: chapter1,
        lead: 'zlglc',
        status: 'in_progress',
        risk: 'yellow',
        deadline: '2026-10-04',
      },
      // Due Monday 12 October: the 10th working day from today, the edge of "due soon".
      {
        n: 2,
        node: section,
        lead: 'zlglc',
        status: 'acknowledged',
        risk: 'green',
        deadline: '2026-10-12',
      },
      // Due Saturday 3 October, moved forward by its own rule to Thursday 8 October: 7 left.
      {
        n: 3,
        node: section,
        lead: 'zlglc',
        status: 'acknowledged',
        risk: 'green',
        deadline: '2026-10-03',
        next: true,
      },
      // Overdue since Friday 11 September: 14–18, Sunday 20 (调休) and today, 7 working days.
      {
        n: 4,
        node: chapter2,
        lead: 'bhc',
        status: 'in_progress',
        risk: 'red',
        deadline: '2026-09-11',
        overdue: true,
      },
      // Overdue since Friday 18 September: Sunday 20 (调休) and today, 2 working days.
      {
        n: 5,
        node: chapter2,
        lead: 'bhc',
        status: 'in_progress',
        risk: 'red',
        deadline: '2026-09-18',
        overdue: true,
      },
      { n: 6, lead: 'sbppc', status: 'completed', risk: 'green', deadline: '2026-06-30' },
      {
        n: 7,
        lead: 'sbppc',
        status: 'completed',
        risk: 'green',
        deadline: '2026-06-30',
        overdue: true,
      },
      { n: 8, lead: 'zlglc', status: 'cancelled', risk: 'green', deadline: '2026-10-09' },
      {
        n: 9,
        lead: 'ggfwc',
        status: 'assigned',
        risk: 'green',
        deadline: '2026-12-31',
        sup: zhang,
      },
      // Tuesday 13 October: one working day past the horizon.
      {
        n: 10,
        lead: 'ggfwc',
        status: 'assigned',
        risk: 'green',
        deadline: '2026-10-13',
        sup: zhang,
      },
    ] as const;
    for (const r of rows) {
      const point = await insertPoint(h.ds, plan, {
        number: r.n,
        nodeId: 'node' in r ? r.node.id : null,
        leadDepartmentId: dept[r.lead],
        supervisorId: ('sup' in r ? r.sup : li).userId,
        status: r.status,
        risk: r.risk,
        overdue: 'overdue' in r,
        deadline: r.deadline,
        policy: 'next' in r ? { nonWorkdayRule: 'next' } : null,
      });
      if (r.n === 1)
        await h.ds.getRepository(NoticeEntity).save(
          ['2026-07-27', '2026-08-25'].map((date) => ({
            pointId: point.id,
            kind: 'report-missed',
            dueDate: date,
            noticeDate: date,
            recipient: 'lead',
            recipientKey: `lead:${point.leadDepartmentId}`,
            departmentId: point.leadDepartmentId,
            createdAt: new Date(),
          })),
        );
    }
    // A draft plan's point of the same departments counts nowhere.
    const draft = await insertPlan(h.ds, coordinator, { status: 'draft' });
    await insertPoint(h.ds, draft, { number: 1, leadDepartmentId: dept['zlglc'] });
  });

  afterAll(async () => {
    jest.useRealTimers();
    await medium?.close();
  });

  it('counts the plan by status and colour, by chapter (sections in their chapter) and by department', async () => {
    const d = await dashboard(coordinator);
    expect(d).toMatchObject({
      planId: plan.id,
      today: '2026-09-21',
      total: 10,
      dueWithinWorkdays: 10,
    });
    expect(d.byStatus).toEqual({
      draft: 0,
      assigned: 2,
      acknowledged: 2,
      in_progress: 3,
      submitted: 0,
      head_approved: 0,
      completed: 2,
      cancelled: 1,
    });
    expect(d.byRisk).toEqual({ green: 7, yellow: 1, red: 2 });
    expect(d.byChapter.map((c) => [c.label, c.title, c.total, c.byRisk])).toEqual([
      ['一、', '强化保护', 3, { green: 2, yellow: 1, red: 0 }],
      ['二、', '促进运用', 2, { green: 0, yellow: 0, red: 2 }],
      ['', '未分章', 5, { green: 5, yellow: 0, red: 0 }],
    ]);
    // Most open overdue points first.
    expect(d.byDepartment[0]).toMatchObject({ departmentId: dept['bhc'], led: 2, overdue: 2 });
    const byId = new Map(d.byDepartment.map((row) => [row.departmentId, row]));
    expect(byId.get(dept['zlglc'] as string)).toEqual({
      departmentId: dept['zlglc'],
      name: '专利管理处',
      led: 4,
      completed: 0,
      onTime: 0,
      completedLate: 0,
      overdue: 0,
      reportsMissed: 2,
    });
    expect(byId.get(dept['sbppc'] as string)).toMatchObject({
      led: 2,
      completed: 2,
      onTime: 1,
      completedLate: 1,
    });
  });

  it('lists the overdue by working days late, and what falls due within 10 working days', async () => {
    const d = await dashboard(coordinator);
    expect(d.overdue.map((p) => [p.number, p.deadline, p.workdaysLate, p.statusLabel])).toEqual([
      [4, '2026-09-11', 7, '推进中'],
      [5, '2026-09-18', 2, '推进中'],
    ]);
    expect(d.dueSoon.map((p) => [p.number, p.deadline, p.workdaysLeft])).toEqual([
      [3, '2026-10-03', 7],
      [1, '2026-10-04', 6],
      [2, '2026-10-12', 10],
    ]);
    expect(d.dueSoon[1]).toMatchObject({
      departmentId: dept['zlglc'],
      departmentName: '专利管理处',
      risk: 'yellow',
    });

    // Three working days: 22, 23, 24 September; nothing falls due by then.
    expect((await dashboard(coordinator, { dueWithinWorkdays: 3 })).dueSoon).toEqual([]);
  });

  it('narrows every figure by the filters', async () => {
    const red = await dashboard(coordinator, { risk: 'red' });
    expect([red.total, red.overdue.length, red.dueSoon.length]).toEqual([2, 2, 0]);
    const chapter = await dashboard(coordinator, { chapterId: chapter1.id });
    expect(chapter.total).toBe(3);
    const zhang = await h.actor('supervisor.zhang');
    expect((await dashboard(coordinator, { supervisorId: zhang.userId })).total).toBe(2);
  });

  it('keeps a department head and a supervisor to their remit', async () => {
    const head = await h.actor('zlglc.head');
    const own = await dashboard(head);
    expect(own.total).toBe(4);
    expect(own.byDepartment.map((d) => d.departmentId)).toEqual([dept['zlglc']]);
    // Another department's filter narrows within the remit: nothing of theirs is in it.
    expect((await dashboard(head, { departmentId: dept['bhc'] })).total).toBe(0);
    // A supervisor oversees the points they supervise (9 and 10), not the whole plan.
    const zhang = await dashboard(await h.actor('supervisor.zhang'));
    expect(zhang.total).toBe(2);
    expect(zhang.byDepartment.map((d) => d.departmentId)).toEqual([dept['ggfwc']]);
    await expect(
      dashboards.dashboard('00000000-0000-4000-8000-0000000000dd', coordinator, {}),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
