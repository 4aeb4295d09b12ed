import { chineseDate, shanghaiDate } from '@workpoints/domain';
import {
  DepartmentEntity,
  PlanEntity,
  PlanNodeEntity,
  ProgressReportEntity,
  TargetActualEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
} from '@workpoints/persistence';
import { type E2eStack, startE2eStack } from '@workpoints/testing';
import JSZip from 'jszip';
import type { DataSource } from 'typeorm';

/** The paragraphs of a downloaded .docx as plain text, in order, from word/document.xml. */
async function paragraphs(res: Response): Promise<string[]> {
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml in the download');
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1] ?? '')).join(''),
  );
}

/** The paragraphs between two headings (the first heading excluded, the second not reached). */
const between = (text: string[], from: string, to?: string) =>
  text.slice(text.indexOf(from) + 1, to ? text.indexOf(to) : undefined);

/** Point numbers of the paragraphs that describe one point, in order: （3）… */
const pointNumbers = (text: string[]) =>
  text.flatMap((t) => {
    const m = /^（(\d+)）/.exec(t);
    return m ? [Number(m[1])] : [];
  });

/**
 * The half-year and annual summary (工作总结) over a read model laid out by hand: the download
 * is opened again and its figures, chapters, points, reports, problems and next steps are checked
 * against the read model; remit as on the dashboard.
 */
describe('plan summary (工作总结)', () => {
  let stack: E2eStack;
  let ds: DataSource;
  const tokens: Record<string, string> = {};
  let planId: string;
  let bhc: string;
  const year = 2024;
  const today = shanghaiDate(new Date());

  const download = (who: string | null, query: string, plan = planId) =>
    fetch(`${stack.api.baseUrl}/plans/${plan}/summary.docx${query}`, {
      headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
    });

  /** The figures as the read model has them, counted here with plain SQL. */
  const readModel = async (departmentId?: string) => {
    const [row] = await ds.query<
      { total: number; completed: number; inProgress: number; overdue: number; targets: number }[]
    >(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status <> 'completed' AND NOT overdue)::int AS "inProgress",
              count(*) FILTER (WHERE status <> 'completed' AND overdue)::int AS overdue,
              coalesce(sum(jsonb_array_length(targets)), 0)::int AS targets
         FROM work_points
        WHERE plan_id = $1 AND status NOT IN ('draft', 'cancelled')
          AND ($2::uuid IS NULL OR lead_department_id = $2)`,
      [planId, departmentId ?? null],
    );
    if (!row) throw new Error('no counts');
    return row;
  };

  beforeAll(async () => {
    stack = await startE2eStack({ apps: ['api'] });
    for (const u of ['coordinator', 'supervisor.li', 'admin', 'zlglc.head', 'zlglc.staff'])
      tokens[u] = await stack.api.login(u, stack.password);
    ds = await createDataSource(stack.db.url).initialize();
    const dept = async (code: string) =>
      (await ds.getRepository(DepartmentEntity).findOneByOrFail({ code })).id;
    const zlglc = await dept('zlglc');
    bhc = await dept('bhc');
    const users = ds.getRepository(UserEntity);
    const coordinator = await users.findOneByOrFail({ username: 'coordinator' });
    const li = await users.findOneByOrFail({ username: 'supervisor.li' });
    planId = (
      await ds.getRepository(PlanEntity).save({
        title: `${year}年总结测试工作要点`,
        year,
        status: 'published',
        createdById: coordinator.id,
      })
    ).id;
    const nodes = ds.getRepository(PlanNodeEntity);
    const chapter = (
      label: string,
      title: string,
      position: number,
      parentId: string | null = null,
    ) =>
      nodes.save({
        planId,
        parentId,
        kind: parentId ? 'section' : 'chapter',
        label,
        title,
        position,
      });
    // saved in another order than printed
    const c2 = (await chapter('二', '促进运用', 1)).id;
    const c1 = (await chapter('一', '强化保护', 0)).id;
    const s11 = (await chapter('（一）', '行政裁决', 0, c1)).id;
    const target = { text: '突破20件', value: 20, unit: '件', comparator: '>' };
    const points: Partial<WorkPointEntity>[] = [
      // 1: overdue, bhc, in chapter 1's section
      {
        nodeId: s11,
        leadDepartmentId: bhc,
        status: 'in_progress',
        risk: 'red',
        overdue: true,
        deadline: `${year}-05-31`,
        targets: [target],
      },
      // 2: completed, zlglc, chapter 1
      {
        nodeId: c1,
        leadDepartmentId: zlglc,
        status: 'completed',
        deadline: `${year}-04-30`,
        targets: [target, { ...target, text: '达到5家', value: 5, comparator: '>=' }],
      },
      // 3: yellow, zlglc, chapter 2, due in the second half
      {
        nodeId: c2,
        leadDepartmentId: zlglc,
        status: 'acknowledged',
        risk: 'yellow',
        deadline: `${year}-09-30`,
        deadlineText: '9月底前',
      },
      // 4: bhc, chapter 2, due in the first half and not overdue
      { nodeId: c2, leadDepartmentId: bhc, status: 'assigned', deadline: `${year}-06-28` },
      // 5: cancelled, zlglc
      {
        nodeId: c2,
        leadDepartmentId: zlglc,
        status: 'cancelled',
        deadline: `${year}-08-31`,
        targets: [target],
      },
      // 6: no chapter, zlglc, undated
      {
        nodeId: null,
        leadDepartmentId: zlglc,
        status: 'submitted',
        deadline: null,
        deadlineText: '长期坚持',
      },
    ];
    const saved = await ds.getRepository(WorkPointEntity).save(
      points.map((p, i) => ({
        ...p,
        planId,
        number: i + 1,
        title: `总结要点${i + 1}`,
        text: '',
        position: i,
        supervisorId: li.id,
        workflowId: `summary-${planId}-${i + 1}`,
      })),
    );
    const report = (point: number, kind: 'progress' | 'completion', text: string, at: string) =>
      ds.getRepository(ProgressReportEntity).save({
        pointId: saved[point - 1]?.id,
        departmentId: zlglc,
        authorId: coordinator.id,
        kind,
        text,
        requestId: `summary-${point}-${at}`,
        createdAt: new Date(at),
      });
    await report(1, 'progress', '已受理案件8件', `${year}-03-10T02:00:00Z`);
    await report(1, 'progress', '已受理案件12件，结案9件', `${year}-06-20T02:00:00Z`);
    await report(1, 'progress', '七月又结案3件', `${year}-07-15T02:00:00Z`);
    const done = await report(2, 'completion', '资助办法已印发实施', `${year}-04-25T02:00:00Z`);
    await report(3, 'progress', '已完成调研', `${year}-05-08T02:00:00Z`);
    // point 2's first target met (25 > 20), its second not (3 < 5)
    await ds.getRepository(TargetActualEntity).save([
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
    await stack?.stop();
  });

  it('downloads the half-year summary as a Word file with a Chinese name', async () => {
    const res = await download('coordinator', '?period=half-year');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(`${year}年上半年总结测试工作总结.docx`)}`,
    );
    const text = await paragraphs(res);
    expect(text[0]).toBe(`${year}年上半年总结测试工作总结`);
    expect(text.filter((t) => /^[一二三四]、/.test(t))).toEqual([
      '一、总体情况',
      '二、重点工作推进情况',
      '三、存在的问题',
      '四、下半年工作重点',
    ]);
    expect(text.slice(-2)).toEqual(['市知识产权局', chineseDate(today)]);
  });

  it('states the read model’s figures in the overview', async () => {
    const text = await paragraphs(await download('coordinator', '?period=half-year'));
    const f = await readModel();
    expect(f).toEqual({ total: 5, completed: 1, inProgress: 3, overdue: 1, targets: 3 });
    const [overview] = between(text, '一、总体情况', '二、重点工作推进情况');
    expect(overview).toContain(
      `《${year}年总结测试工作要点》全年共部署工作要点${f.total}项，已完成${f.completed}项，` +
        `正在推进${f.inProgress}项，逾期${f.overdue}项；量化指标${f.targets}项，已达标1项。` +
        '另有1项已取消，未计入上述总数。',
    );
    expect(overview).toMatch(/^截至.+日，/);
  });

  it('reports chapter by chapter in plan order, with the latest report of the half-year', async () => {
    const text = await paragraphs(await download('coordinator', '?period=half-year'));
    const progress = between(text, '二、重点工作推进情况', '三、存在的问题');
    expect(progress.filter((t) => /^（[一二三四五六七八九十]+）/.test(t))).toEqual([
      '（一）强化保护',
      '（二）促进运用',
      '（三）其他',
    ]);
    expect(progress).toContain('1.行政裁决');
    expect(pointNumbers(progress)).toEqual([2, 1, 3, 4, 6]);
    expect(progress).toContain(
      '（1）总结要点1。牵头单位：保护处。完成情况：推进中（已逾期）。进展：已受理案件12件，结案9件（截至6月20日）。',
    );
    expect(progress).toContain(
      '（2）总结要点2。牵头单位：专利管理处。完成情况：已办结。进展：资助办法已印发实施（截至4月25日）。',
    );
    expect(progress.join('\n')).not.toContain('七月又结案3件');
    expect(progress.join('\n')).not.toContain('总结要点5'); // cancelled
  });

  it('names the overdue and at-risk points as problems, and the second half’s focus', async () => {
    const text = await paragraphs(await download('coordinator', '?period=half-year'));
    const problems = between(text, '三、存在的问题', '四、下半年工作重点');
    expect(problems).toContain('（一）逾期未完成的工作要点');
    expect(problems).toContain(
      `（1）总结要点1。牵头单位：保护处；完成时限：5月31日；当前状态：推进中，已逾期。`,
    );
    expect(problems).toContain(
      '（3）总结要点3。牵头单位：专利管理处；完成时限：9月底前（9月30日）；当前状态：已签收，黄灯。',
    );
    expect(pointNumbers(problems)).toEqual([1, 3]);
    const focus = between(text, '四、下半年工作重点').slice(0, -3);
    // due in the second half, overdue, or undated: overdue first, then by deadline
    expect(pointNumbers(focus)).toEqual([1, 3, 6]);
    expect(focus[0]).toContain('尚未完成的3项工作要点');
  });

  it('quotes the year’s latest report in the annual summary', async () => {
    const res = await download('supervisor.li', '?period=annual');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent(`${year}年总结测试工作总结.docx`),
    );
    const text = await paragraphs(res);
    expect(text[0]).toBe(`${year}年总结测试工作总结`);
    expect(text).toContain('四、下一步工作打算');
    expect(between(text, '二、重点工作推进情况', '三、存在的问题')).toContain(
      '（1）总结要点1。牵头单位：保护处。完成情况：推进中（已逾期）。进展：七月又结案3件（截至7月15日）。',
    );
    expect(pointNumbers(between(text, '四、下一步工作打算').slice(0, -3))).toEqual([1, 4, 3, 6]);
    expect((await download('admin', '?period=annual')).status).toBe(200);
  });

  it('gives a department head their remit’s summary, and nobody else one', async () => {
    const res = await download('zlglc.head', '?period=half-year');
    expect(res.status).toBe(200);
    const text = await paragraphs(res);
    expect(text[1]).toBe('（专利管理处牵头或配合）');
    const f = await readModel(
      (await ds.getRepository(DepartmentEntity).findOneByOrFail({ code: 'zlglc' })).id,
    );
    expect(between(text, '一、总体情况', '二、重点工作推进情况')[0]).toContain(
      `全年共部署工作要点${f.total}项，已完成${f.completed}项，正在推进${f.inProgress}项，` +
        `逾期${f.overdue}项；量化指标${f.targets}项，已达标1项。`,
    );
    expect(pointNumbers(between(text, '二、重点工作推进情况', '三、存在的问题'))).toEqual([
      2, 3, 6,
    ]);
    // Another department's filter narrows within the remit: none of its points come along.
    const narrowed = await download('zlglc.head', `?period=half-year&departmentId=${bhc}`);
    expect(narrowed.status).toBe(200);
    expect(pointNumbers(await paragraphs(narrowed))).toEqual([]);
    expect((await download('zlglc.staff', '?period=half-year')).status).toBe(403);
    expect((await download(null, '?period=half-year')).status).toBe(401);
  });

  it('refuses a bad period in Chinese, and an unknown plan with 404', async () => {
    for (const query of ['?period=quarter', '']) {
      const res = await download('coordinator', query);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain(
        'period 应为 half-year（上半年）或 annual（全年）',
      );
    }
    const missing = await download(
      'coordinator',
      '?period=annual',
      '00000000-0000-4000-8000-000000000000',
    );
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toContain('计划不存在');
  });
});
