import {
  DepartmentEntity,
  PlanEntity,
  PlanNodeEntity,
  ProgressReportEntity,
  TargetActualEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
  runMigrations,
  seedDemoOrganisation,
} from '@workpoints/persistence';
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import type { DataSource } from 'typeorm';
import { loadSummary, type SummaryData } from './summary.data';

/**
 * The summary's facts from a read model laid out by hand in 2024: the figures, chapters in plan
 * order, the latest report inside the period (days in Asia/Shanghai), problems and what comes next.
 */
describe('loadSummary (工作总结) on PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let planId: string;
  let chapter2: string;
  let zlglc: string;
  const now = new Date('2024-07-05T02:00:00Z');
  const numbers = (points: { number: number }[]) => points.map((p) => p.number);

  beforeAll(async () => {
    db = await createTestDatabase('wp_summary');
    await runMigrations(db.url);
    ds = await createDataSource(db.url).initialize();
    await seedDemoOrganisation(ds, { password: 'summary-test' });
    const dept = async (code: string) =>
      (await ds.getRepository(DepartmentEntity).findOneByOrFail({ code })).id;
    zlglc = await dept('zlglc');
    const bhc = await dept('bhc');
    const coordinator = await ds
      .getRepository(UserEntity)
      .findOneByOrFail({ username: 'coordinator' });
    const li = await ds.getRepository(UserEntity).findOneByOrFail({ username: 'supervisor.li' });
    planId = (
      await ds.getRepository(PlanEntity).save({
        title: '2024年市知识产权局工作要点',
        year: 2024,
        status: 'published',
        createdById: coordinator.id,
      })
    ).id;
    const nodes = ds.getRepository(PlanNodeEntity);
    // saved out of order: the summary follows `position`, not insertion
    chapter2 = (
      await nodes.save({
        planId,
        parentId: null,
        kind: 'chapter',
        label: '二',
        title: '促进运用',
        position: 1,
      })
    ).id;
    const chapter1 = (
      await nodes.save({
        planId,
        parentId: null,
        kind: 'chapter',
        label: '一',
        title: '强化保护',
        position: 0,
      })
    ).id;
    const section = (
      await nodes.save({
        planId,
        parentId: chapter1,
        kind: 'section',
        label: '（一）',
        title: '行政裁决',
        position: 0,
      })
    ).id;
    await nodes.save({
      planId,
      parentId: null,
      kind: 'chapter',
      label: '三',
      title: '没有要点的章',
      position: 2,
    });
    const target = { text: '突破20件', value: 20, unit: '件', comparator: '>' };
    const points: Partial<WorkPointEntity>[] = [
      // 1: overdue, in the section
      {
        nodeId: section,
        leadDepartmentId: bhc,
        status: 'in_progress',
        risk: 'red',
        overdue: true,
        deadline: '2024-05-31',
        targets: [target],
      },
      // 2: completed, chapter 1's own point
      {
        nodeId: chapter1,
        leadDepartmentId: zlglc,
        status: 'completed',
        deadline: '2024-04-30',
        targets: [target, { ...target, text: '达到5家', value: 5, comparator: '>=' }],
      },
      // 3: yellow, due in the second half
      {
        nodeId: chapter2,
        leadDepartmentId: zlglc,
        status: 'acknowledged',
        risk: 'yellow',
        deadline: '2024-09-30',
      },
      // 4: due in the first half, not yet overdue
      { nodeId: chapter2, leadDepartmentId: bhc, status: 'assigned', deadline: '2024-06-28' },
      // 5: cancelled
      {
        nodeId: chapter2,
        leadDepartmentId: zlglc,
        status: 'cancelled',
        deadline: '2024-08-31',
        targets: [target],
      },
      // 6: no chapter, no deadline
      {
        nodeId: null,
        leadDepartmentId: zlglc,
        status: 'in_progress',
        deadline: null,
        deadlineText: '长期坚持',
      },
      // 7: a draft never counts
      { nodeId: chapter2, leadDepartmentId: zlglc, status: 'draft', deadline: '2024-10-31' },
    ];
    const saved = await ds.getRepository(WorkPointEntity).save(
      points.map((p, i) => ({
        ...p,
        planId,
        number: i + 1,
        title: `要点${i + 1}`,
        position: i,
        supervisorId: li.id,
        workflowId: p.status === 'draft' ? null : `summary-${i + 1}`,
      })),
    );
    const reports = ds.getRepository(ProgressReportEntity);
    const report = (point: number, kind: string, text: string, at: string) =>
      reports.save({
        pointId: saved[point - 1]?.id,
        departmentId: zlglc,
        authorId: coordinator.id,
        kind: kind as ProgressReportEntity['kind'],
        text,
        requestId: `${point}-${at}`,
        createdAt: new Date(at),
      });
    await report(1, 'progress', '一月进展', '2024-01-20T02:00:00Z');
    // 23:30 on 30 June in Shanghai: still the first half
    await report(1, 'progress', '六月底进展', '2024-06-30T15:30:00Z');
    // 00:10 on 1 July in Shanghai: the second half
    await report(1, 'progress', '七月进展', '2024-06-30T16:10:00Z');
    // a co-department's contribution is not the point's progress
    await report(1, 'contribution', '配合材料', '2024-06-30T15:40:00Z');
    const done = await report(2, 'completion', '已办结', '2024-04-25T03:00:00Z');
    // the previous year's report is outside either period
    await report(6, 'progress', '去年的进展', '2023-12-31T15:00:00Z');
    // actuals: point 2's first target met (25 > 20), its second not (3 < 5); the cancelled
    // point's target does not count
    const actuals = ds.getRepository(TargetActualEntity);
    await actuals.save([
      {
        pointId: saved[1]?.id,
        reportId: done.id,
        targetIndex: 0,
        value: 25,
        reportedAt: done.createdAt,
      },
      {
        pointId: saved[1]?.id,
        reportId: done.id,
        targetIndex: 1,
        value: 3,
        reportedAt: done.createdAt,
      },
    ]);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const load = (period: 'half-year' | 'annual', filters = {}) =>
    loadSummary(ds, planId, { period, filters, now }) as Promise<SummaryData>;

  it('counts the plan: cancelled beside the total, drafts nowhere; targets from targetProgress', async () => {
    const s = await load('half-year');
    expect(s).toMatchObject({
      planTitle: '2024年市知识产权局工作要点',
      year: 2024,
      periodStart: '2024-01-01',
      periodEnd: '2024-06-30',
      asOf: '2024-07-05',
      office: '市知识产权局',
      scope: null,
    });
    expect(s.figures).toEqual({
      total: 5,
      completed: 1,
      inProgress: 3,
      overdue: 1,
      cancelled: 1,
      targets: { total: 3, withActual: 2, met: 1 },
    });
  });

  it('lays chapters out in plan order with sections, 其他 last, the latest report in the period', async () => {
    const s = await load('half-year');
    expect(
      s.chapters.map((c) => [
        c.title,
        numbers(c.points),
        c.sections.map((x) => [x.title, numbers(x.points)]),
      ]),
    ).toEqual([
      ['强化保护', [2], [['行政裁决', [1]]]],
      ['促进运用', [3, 4], []],
      ['其他', [6], []],
    ]);
    const point = (n: number) =>
      s.chapters
        .flatMap((c) => [...c.points, ...c.sections.flatMap((x) => x.points)])
        .find((p) => p.number === n);
    expect(point(1)).toMatchObject({
      department: '保护处',
      statusLabel: '推进中',
      latestReport: { kind: 'progress', text: '六月底进展', date: '2024-06-30' },
    });
    expect(point(2)?.latestReport).toEqual({
      kind: 'completion',
      text: '已办结',
      date: '2024-04-25',
    });
    expect(point(6)?.latestReport).toBeNull();
    const annual = await load('annual');
    expect(annual.chapters[0]?.sections[0]?.points[0]?.latestReport).toMatchObject({
      text: '七月进展',
      date: '2024-07-01',
    });
  });

  it('names the problems and what comes next', async () => {
    const half = await load('half-year');
    expect(numbers(half.problems.overdue)).toEqual([1]);
    expect(numbers(half.problems.atRisk)).toEqual([3]);
    // due in the second half, overdue, or undated; point 4 (due 28 June) belongs to the first
    expect(numbers(half.nextFocus)).toEqual([1, 3, 6]);
    const annual = await load('annual');
    expect(numbers(annual.nextFocus)).toEqual([1, 4, 3, 6]);
  });

  it('narrows by department and chapter, and says so', async () => {
    const mine = await load('half-year', { departmentId: zlglc });
    expect(mine.scope).toBe('专利管理处牵头');
    expect(mine.figures).toMatchObject({ total: 3, completed: 1, overdue: 0, cancelled: 1 });
    expect(mine.figures.targets).toEqual({ total: 2, withActual: 2, met: 1 });
    expect(mine.chapters.map((c) => c.title)).toEqual(['强化保护', '促进运用', '其他']);
    const chapter = await load('annual', { chapterId: chapter2 });
    expect(chapter.scope).toBe('二、促进运用');
    expect(chapter.chapters.map((c) => [c.title, numbers(c.points)])).toEqual([
      ['促进运用', [3, 4]],
    ]);
  });

  it('is null for a plan that does not exist', async () => {
    expect(
      await loadSummary(ds, '00000000-0000-4000-8000-000000000000', { period: 'annual' }),
    ).toBeNull();
  });
});
