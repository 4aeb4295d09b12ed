import {
  AuditEventEntity,
  DepartmentEntity,
  NotificationEntity,
  PlanEntity,
  ProgressReportEntity,
  NoticeEntity,
  SignOffEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
} from '@workpoints/persistence';
import { type E2eStack, readDocx, startE2eStack } from '@workpoints/testing';
import { IsNull, type DataSource } from 'typeorm';

interface Bulletin {
  id: string;
  month: string;
  trigger: string;
  ranking: { rank: number; name: string; score: number; pointsLed: number }[];
  completed: { number: number; completedOn: string; late: boolean }[];
  overdue: { number: number; workdaysLate: number | null }[];
}

/**
 * The monthly bulletin on demand over a read model laid out by hand for October 2024
 * (National Day 10-01…10-07 off, Saturday 10-12 worked), the figures worked by hand:
 *
 * - P1 专利管理处, due 09-30, still open and overdue: 19 working days late by 10-31
 *   (8–11, 12, 14–18, 21–25, 28–31), capped at 10 for the month → −5.
 * - P2 专利管理处, due 10-31, reported 10-10, returned 10-14, completed on time 10-15:
 *   +1 report, −1 return, +3 on time.
 * - P3 保护处, due Tuesday 10-08, report missed (flag 10-09), reported 10-20, completed late
 *   10-16: −2 missed, +1 late, 7 working days late in October (9–12, 14–16) → −3.5.
 * - P4 保护处, due 12-31, open, nothing this month. P5 专利管理处 completed in September: not
 *   counted.
 *
 * 专利管理处 100 + 1 − 1 + 3 − 5 = 98; 保护处 100 − 2 + 1 − 3.5 = 95.5.
 */
describe('monthly bulletin and ranking (API)', () => {
  let stack: E2eStack;
  let ds: DataSource;
  const tokens: Record<string, string> = {};
  let planId: string;
  const names = { zlglc: '专利管理处', bhc: '保护处' };
  const at = (local: string) => new Date(`${local}:00+08:00`);

  beforeAll(async () => {
    stack = await startE2eStack({ apps: ['api'] });
    for (const u of ['coordinator', 'zlglc.head', 'zlglc.staff'])
      tokens[u] = await stack.api.login(u, stack.password);
    ds = await createDataSource(stack.db.url).initialize();
    const dept = async (code: string) =>
      (await ds.getRepository(DepartmentEntity).findOneByOrFail({ code })).id;
    const user = async (username: string) =>
      (await ds.getRepository(UserEntity).findOneByOrFail({ username })).id;
    const [zlglc, bhc] = [await dept('zlglc'), await dept('bhc')];
    const [coordinator, li, staff, head] = [
      await user('coordinator'),
      await user('supervisor.li'),
      await user('zlglc.staff'),
      await user('zlglc.head'),
    ];
    planId = (
      await ds.getRepository(PlanEntity).save({
        title: '2024年全市知识产权工作要点',
        year: 2024,
        status: 'published',
        publishedAt: at('2024-09-01T09:00'),
        createdById: coordinator,
      })
    ).id;
    const point = async (number: number, fields: Partial<WorkPointEntity>) =>
      (
        await ds.getRepository(WorkPointEntity).save({
          planId,
          number,
          title: `要点${number}`,
          position: number,
          supervisorId: li,
          workflowId: `bulletin-e2e-${planId}-${number}`,
          ...fields,
        })
      ).id;
    const completedAt = (pointId: string, when: string) =>
      ds.getRepository(AuditEventEntity).save({
        planId,
        pointId,
        actorId: li,
        actorName: '李',
        event: 'approve',
        fromStatus: 'head_approved',
        toStatus: 'completed',
        requestId: `done-${pointId}`,
        at: at(when),
      });
    const report = (pointId: string, departmentId: string, when: string) =>
      ds.getRepository(ProgressReportEntity).save({
        pointId,
        departmentId,
        authorId: staff,
        kind: 'progress',
        text: '推进中',
        percent: 50,
        requestId: `r-${pointId}-${when}`,
        createdAt: at(when),
      });

    await point(1, {
      leadDepartmentId: zlglc,
      deadline: '2024-09-30',
      status: 'in_progress',
      risk: 'red',
      overdue: true,
    });
    const p2 = await point(2, {
      leadDepartmentId: zlglc,
      deadline: '2024-10-31',
      status: 'completed',
      overdue: false,
    });
    await report(p2, zlglc, '2024-10-10T10:00');
    await ds.getRepository(SignOffEntity).save({
      pointId: p2,
      level: 'head',
      decision: 'returned',
      actorId: head,
      comment: '补充材料',
      requestId: 'ret-p2',
      createdAt: at('2024-10-14T10:00'),
    });
    await completedAt(p2, '2024-10-15T10:00');
    const p3 = await point(3, {
      leadDepartmentId: bhc,
      deadline: '2024-10-08',
      status: 'completed',
      overdue: true,
    });
    await ds.getRepository(NoticeEntity).save({
      pointId: p3,
      kind: 'report-missed',
      dueDate: '2024-10-08',
      noticeDate: '2024-10-09',
      recipient: 'lead',
      recipientKey: `lead:${bhc}`,
      departmentId: bhc,
      createdAt: at('2024-10-09T09:00'),
    });
    await report(p3, bhc, '2024-10-20T10:00');
    await completedAt(p3, '2024-10-16T10:00');
    await point(4, { leadDepartmentId: bhc, deadline: '2024-12-31', status: 'acknowledged' });
    const p5 = await point(5, {
      leadDepartmentId: zlglc,
      deadline: '2024-09-30',
      status: 'completed',
    });
    await completedAt(p5, '2024-09-20T10:00');
  });
  afterAll(async () => {
    await ds?.destroy();
    await stack?.stop();
  });

  const produce = (who: string, month: string) =>
    stack.api.request<Bulletin>('POST', `/plans/${planId}/bulletins/${month}`, tokens[who]);

  it('produces the month on demand, scored and ranked as worked by hand', async () => {
    const res = await produce('coordinator', '2024-10');
    expect(res.status).toBe(201);
    expect(res.body.trigger).toBe('manual');
    expect(res.body.ranking.map((r) => [r.rank, r.name, r.score, r.pointsLed])).toEqual([
      [1, names.zlglc, 98, 2],
      [2, names.bhc, 95.5, 2],
    ]);
    expect(res.body.completed.map((p) => [p.number, p.completedOn, p.late])).toEqual([
      [2, '2024-10-15', false],
      [3, '2024-10-16', true],
    ]);
    expect(res.body.overdue.map((p) => [p.number, p.workdaysLate])).toEqual([[1, 19]]);

    const file = await fetch(
      `${stack.api.baseUrl}/plans/${planId}/bulletins/2024-10/bulletin.docx`,
      { headers: { authorization: `Bearer ${tokens['zlglc.head']}` } },
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(
      encodeURIComponent('2024年10月工作要点落实情况通报.docx'),
    );
    const doc = await readDocx(Buffer.from(await file.arrayBuffer()));
    const [completed, overdue, ranking] = doc.tables.map((t) => t.slice(1));
    expect(completed).toEqual([
      ['2', '要点2', names.zlglc, '10月15日', '按期'],
      ['3', '要点3', names.bhc, '10月16日', '逾期'],
    ]);
    expect(overdue).toEqual([['1', '要点1', names.zlglc, '2024年9月30日', '19']]);
    expect(ranking).toEqual([
      ['1', names.zlglc, '2', '1', '0', '1', '0', '19（计10）', '1', '98.0'],
      ['2', names.bhc, '2', '0', '1', '0', '1', '7', '0', '95.5'],
    ]);
    // Ranked first and last are shaded green and orange.
    expect(doc.xml).toContain('w:fill="E2EFDA"');
    expect(doc.xml).toContain('w:fill="FCE4D6"');
    // Produced by hand: nobody is notified (the schedule's bulletin tells the coordinators).
    expect(
      await ds.getRepository(NotificationEntity).countBy({ pointId: IsNull(), kind: 'bulletin' }),
    ).toBe(0);
  });

  it('scores by the plan’s own rules once the coordinator changes them', async () => {
    const refused = await stack.api.request(
      'PUT',
      `/plans/${planId}/score-rules`,
      tokens['coordinator'],
      { missedReport: 2 },
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('未按时报送进展应当扣分');

    const changed = await stack.api.request<{ rules: { overdueWorkdayCap: number } }>(
      'PUT',
      `/plans/${planId}/score-rules`,
      tokens['coordinator'],
      { overdueWorkdayCap: 0 },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.rules.overdueWorkdayCap).toBe(0);
    // No cap: 专利管理处 loses 19 × 0.5 = 9.5 → 93.5, behind 保护处's 95.5.
    const again = await produce('coordinator', '2024-10');
    expect(again.body.ranking.map((r) => [r.rank, r.name, r.score])).toEqual([
      [1, names.bhc, 95.5],
      [2, names.zlglc, 93.5],
    ]);
    const list = await stack.api.request<Bulletin[]>(
      'GET',
      `/plans/${planId}/bulletins`,
      tokens['zlglc.head'],
    );
    expect(list.body.map((b) => b.month)).toEqual(['2024-10']);
  });

  it('says what is wrong with a request', async () => {
    const badMonth = await produce('coordinator', '2024-13');
    expect(badMonth.status).toBe(400);
    expect(JSON.stringify(badMonth.body)).toContain('月份格式应为 YYYY-MM');
    expect((await produce('zlglc.staff', '2024-10')).status).toBe(403);
    const missing = await stack.api.request(
      'GET',
      `/plans/${planId}/bulletins/2024-09`,
      tokens['coordinator'],
    );
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).toContain('2024-09 的通报尚未生成');
  });
});
