import { PACKAGE_KNOWN_YEARS, WorkCalendar, buildCalendarData } from '@workpoints/calendar';
import ExcelJS from 'exceljs';
import { shanghaiDate } from '@workpoints/domain';
import {
  DepartmentEntity,
  PlanEntity,
  PlanNodeEntity,
  NoticeEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
} from '@workpoints/persistence';
import { type E2eStack, startE2eStack } from '@workpoints/testing';
import type { DataSource } from 'typeorm';

/** A response body as ExcelJS's loader takes it (its typings predate Node's generic Buffer). */
const xlsxBytes = async (res: Response) =>
  Buffer.from(await res.arrayBuffer()) as unknown as Parameters<ExcelJS.Xlsx['load']>[0];

interface Dashboard {
  today: string;
  total: number;
  byStatus: Record<string, number>;
  byRisk: Record<string, number>;
  byChapter: {
    chapterId: string | null;
    title: string;
    total: number;
    byRisk: Record<string, number>;
  }[];
  byDepartment: {
    name: string;
    led: number;
    completed: number;
    onTime: number;
    completedLate: number;
    overdue: number;
    reportsMissed: number;
  }[];
  overdue: { number: number; workdaysLate: number | null; departmentName: string }[];
  dueSoon: { number: number; workdaysLeft: number | null }[];
}

/**
 * The supervisors' dashboard over a read model laid out by hand: counts by status, colour,
 * chapter and department, the overdue list in working days and what falls due soon, with every
 * filter; a department head sees only their department.
 */
describe('plan dashboard (督办看板)', () => {
  let stack: E2eStack;
  let ds: DataSource;
  const tokens: Record<string, string> = {};
  let planId: string;
  let chapter1: string;
  let section11: string;
  let chapter2: string;
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  // Next year may not be in the holiday package yet: confirmed weekends-only, here and in the
  // API (below), so the test runs the same on any day of the year.
  const nextYearKnown = PACKAGE_KNOWN_YEARS.includes(year + 1);
  const calendar = new WorkCalendar(
    buildCalendarData(
      [year - 1, year, year + 1],
      nextYearKnown ? [] : [{ year: year + 1, kind: 'weekends-only' }],
    ),
  );
  // deadlines relative to today, on working days, so the expected counts are plain
  const past = (n: number) => calendar.addWorkdays(today, -n);
  const ahead = (n: number) => calendar.addWorkdays(today, n);

  const get = async (who: string, query = '') => {
    const res = await stack.api.request<Dashboard>(
      'GET',
      `/plans/${planId}/dashboard${query}`,
      tokens[who],
    );
    return res;
  };

  beforeAll(async () => {
    stack = await startE2eStack({ apps: ['api'] });
    for (const u of ['coordinator', 'supervisor.li', 'zlglc.head', 'zlglc.staff'])
      tokens[u] = await stack.api.login(u, stack.password);
    if (!nextYearKnown)
      await stack.api.request('POST', '/calendar/overrides', tokens['coordinator'], {
        kind: 'weekends-only',
        year: year + 1,
      });
    ds = await createDataSource(stack.db.url).initialize();
    const dept = async (code: string) =>
      (await ds.getRepository(DepartmentEntity).findOneByOrFail({ code })).id;
    const [zlglc, bhc] = [await dept('zlglc'), await dept('bhc')];
    const coordinator = await ds
      .getRepository(UserEntity)
      .findOneByOrFail({ username: 'coordinator' });
    const li = await ds.getRepository(UserEntity).findOneByOrFail({ username: 'supervisor.li' });
    const zhang = await ds
      .getRepository(UserEntity)
      .findOneByOrFail({ username: 'supervisor.zhang' });
    planId = (
      await ds.getRepository(PlanEntity).save({
        title: '看板测试计划',
        year,
        status: 'published',
        createdById: coordinator.id,
      })
    ).id;
    const nodes = ds.getRepository(PlanNodeEntity);
    chapter1 = (
      await nodes.save({
        planId,
        parentId: null,
        kind: 'chapter',
        label: '一',
        title: '强化保护',
        position: 0,
      })
    ).id;
    section11 = (
      await nodes.save({
        planId,
        parentId: chapter1,
        kind: 'section',
        label: '（一）',
        title: '行政裁决',
        position: 0,
      })
    ).id;
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
    const points: Partial<WorkPointEntity>[] = [
      // 1: overdue for 3 working days, zlglc, chapter 1 section
      {
        nodeId: section11,
        leadDepartmentId: zlglc,
        supervisorId: li.id,
        deadline: past(3),
        status: 'in_progress',
        risk: 'red',
        overdue: true,
      },
      // 2: completed on time, zlglc, chapter 1
      {
        nodeId: chapter1,
        leadDepartmentId: zlglc,
        supervisorId: li.id,
        deadline: past(10),
        status: 'completed',
        risk: 'green',
        overdue: false,
      },
      // 3: completed late, bhc, chapter 2
      {
        nodeId: chapter2,
        leadDepartmentId: bhc,
        supervisorId: zhang.id,
        deadline: past(20),
        status: 'completed',
        risk: 'green',
        overdue: true,
      },
      // 4: due in 2 working days, yellow, bhc, chapter 2
      {
        nodeId: chapter2,
        leadDepartmentId: bhc,
        supervisorId: zhang.id,
        deadline: ahead(2),
        status: 'acknowledged',
        risk: 'yellow',
        overdue: false,
      },
      // 5: far ahead, green, zlglc, chapter 2
      {
        nodeId: chapter2,
        leadDepartmentId: zlglc,
        supervisorId: li.id,
        deadline: ahead(40),
        status: 'assigned',
        risk: 'green',
        overdue: false,
      },
      // 6: overdue for 8 working days, bhc, no chapter
      {
        nodeId: null,
        leadDepartmentId: bhc,
        supervisorId: zhang.id,
        deadline: past(8),
        status: 'submitted',
        risk: 'red',
        overdue: true,
      },
    ];
    const saved = await ds.getRepository(WorkPointEntity).save(
      points.map((p, i) => ({
        ...p,
        planId,
        number: i + 1,
        title: `要点${i + 1}`,
        text: '',
        position: i,
        workflowId: `dash-${planId}-${i + 1}`,
      })),
    );
    // two missed reports flagged against zlglc on point 1 (lead rows; the head's copies do not count)
    for (const [due, recipient] of [
      [past(30), 'lead'],
      [past(9), 'lead'],
      [past(9), 'lead-head'],
    ] as const)
      await ds.getRepository(NoticeEntity).save({
        pointId: saved[0]?.id,
        kind: 'report-missed',
        dueDate: due,
        noticeDate: due,
        recipient,
        recipientKey: `${recipient}:${zlglc}`,
        departmentId: zlglc,
        createdAt: new Date(),
      });
  });

  afterAll(async () => {
    await ds?.destroy();
    await stack?.stop();
  });

  it('counts a plan by status, colour, chapter and department', async () => {
    const res = await get('coordinator');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.today).toBe(today);
    expect(d.total).toBe(6);
    expect(d.byRisk).toEqual({ green: 3, yellow: 1, red: 2 });
    expect(d.byStatus).toMatchObject({
      completed: 2,
      in_progress: 1,
      acknowledged: 1,
      assigned: 1,
      submitted: 1,
    });
    expect(d.byChapter.map((c) => [c.title, c.total, c.byRisk])).toEqual([
      ['强化保护', 2, { green: 1, yellow: 0, red: 1 }], // the section's point counts for its chapter
      ['促进运用', 3, { green: 2, yellow: 1, red: 0 }],
      ['未分章', 1, { green: 0, yellow: 0, red: 1 }],
    ]);
    expect(d.byDepartment).toHaveLength(2);
    expect(d.byDepartment).toEqual(
      expect.arrayContaining([
        {
          departmentId: expect.any(String),
          name: '保护处',
          led: 3,
          completed: 1,
          onTime: 0,
          completedLate: 1,
          overdue: 1,
          reportsMissed: 0,
        },
        {
          departmentId: expect.any(String),
          name: '专利管理处',
          led: 3,
          completed: 1,
          onTime: 1,
          completedLate: 0,
          overdue: 1,
          reportsMissed: 2,
        },
      ]),
    );
  });

  it('lists overdue points with working days late, and what falls due soon', async () => {
    const d = (await get('coordinator')).body;
    // working days after the deadline up to today (today itself counts only if it is one)
    const late = (n: number) => calendar.workdaysBetween(past(n), today);
    expect(d.overdue.map((p) => [p.number, p.workdaysLate, p.departmentName])).toEqual([
      [6, late(8), '保护处'],
      [1, late(3), '专利管理处'],
    ]);
    expect(late(8)).toBeGreaterThan(late(3));
    expect(d.dueSoon.map((p) => [p.number, p.workdaysLeft])).toEqual([[4, 2]]);
    const wider = (await get('coordinator', '?dueWithinWorkdays=45')).body;
    expect(wider.dueSoon.map((p) => p.number)).toEqual([4, 5]);
  });

  it('shows a supervisor the points they supervise (分管) only', async () => {
    const li = (await get('supervisor.li', '?dueWithinWorkdays=45')).body;
    expect(li.total).toBe(3);
    expect(li.overdue.map((p) => p.number)).toEqual([1]);
    expect(li.dueSoon.map((p) => p.number)).toEqual([5]);
    expect(li.byDepartment.map((d) => d.name)).toEqual(['专利管理处']);
  });

  it('narrows every figure by chapter, department, supervisor, status and colour', async () => {
    expect((await get('coordinator', `?chapterId=${chapter1}`)).body.total).toBe(2);
    expect((await get('coordinator', `?chapterId=${section11}`)).body.total).toBe(1);
    expect((await get('coordinator', '?risk=red')).body.overdue.map((p) => p.number)).toEqual([
      6, 1,
    ]);
    expect((await get('coordinator', '?status=completed')).body.byRisk).toEqual({
      green: 2,
      yellow: 0,
      red: 0,
    });
    const li = await ds.getRepository(UserEntity).findOneByOrFail({ username: 'supervisor.li' });
    expect((await get('coordinator', `?supervisorId=${li.id}`)).body.total).toBe(3);
    const bad = await stack.api.request<{ message: string }>(
      'GET',
      `/plans/${planId}/dashboard?risk=blue`,
      tokens['coordinator'],
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('risk 应为 green、yellow 或 red');
  });

  it('shows a department head their own department only, and staff nothing', async () => {
    const head = (await get('zlglc.head')).body;
    expect(head.total).toBe(3);
    expect(head.byDepartment.map((d) => d.name)).toEqual(['专利管理处']);
    expect((await get('zlglc.staff')).status).toBe(403);
  });

  it('exports the supervision ledger: grouped rows, traffic-light cells, print setup', async () => {
    const res = await fetch(`${stack.api.baseUrl}/plans/${planId}/ledger.xlsx`, {
      headers: { authorization: `Bearer ${tokens['coordinator']}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('看板测试计划-督办台账.xlsx'),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsxBytes(res));
    const sheet = book.getWorksheet('督办台账');
    if (!sheet) throw new Error('no 督办台账 sheet');
    const text = (row: number) =>
      (sheet.getRow(row).values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v)));
    expect(text(1)).toEqual([
      '序号',
      '工作要点',
      '牵头单位',
      '配合单位',
      '完成时限',
      '最新进展',
      '完成情况',
      '红黄绿',
      '分管领导',
    ]);
    // chapter and section rows, points in order under them, the rest at the end
    const firstCells = Array.from({ length: sheet.rowCount - 1 }, (_, i) => text(i + 2)[0]);
    expect(firstCells).toEqual([
      '一、强化保护',
      '2',
      '（一）行政裁决',
      '1',
      '二、促进运用',
      '3',
      '4',
      '5',
      '其他',
      '6',
    ]);
    const row1 = text(5);
    expect(row1.slice(1, 3)).toEqual(['要点1', '专利管理处']);
    expect(row1[5]).toBe('暂无进展报送');
    expect(row1.slice(6)).toEqual(['推进中', '红', '李副局长']);
    const fill = (row: number) =>
      (sheet.getRow(row).getCell(8).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    expect(fill(5)).toBe('FFFF0000'); // point 1, red
    expect(fill(8)).toBe('FFFFC000'); // point 4, yellow
    expect(fill(3)).toBe('FF00B050'); // point 2, green
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '1:1',
    });
    // the same filters as the dashboard
    const red = await fetch(`${stack.api.baseUrl}/plans/${planId}/ledger.xlsx?risk=red`, {
      headers: { authorization: `Bearer ${tokens['coordinator']}` },
    });
    const redBook = new ExcelJS.Workbook();
    await redBook.xlsx.load(await xlsxBytes(red));
    const redSheet = redBook.getWorksheet('督办台账');
    const numbers = [];
    for (let r = 2; r <= (redSheet?.rowCount ?? 0); r += 1) {
      const v = redSheet?.getRow(r).getCell(1).value;
      if (typeof v === 'number') numbers.push(v);
    }
    expect(numbers).toEqual([1, 6]);
  });
});
