import { ErrorCode, type Actor, type PointPage } from '@workpoints/contracts';
import {
  NoticeEntity,
  ProgressReportEntity,
  SignOffEntity,
  TargetActualEntity,
  WorkPointEntity,
  type DepartmentEntity,
  type PlanEntity,
} from '@workpoints/persistence';
import { insertPlan, insertPoint, recordEvent } from '@workpoints/testing/medium';
import { MediumApi } from '../testing/medium-api';
import type { ListPointsQuery } from './dto/point-actions.dto';
import { PointsModule } from './points.module';
import { PointsService } from './points.service';

/** The read side of points on a real database: lists, search, remit and the point's detail. */
describe('PointsService (medium)', () => {
  let medium: MediumApi;
  let points: PointsService;
  let coordinator: Actor;
  let leadStaff: Actor;
  let coStaff: Actor;
  let outsider: Actor;
  let supervisorLi: Actor;
  let supervisorZhang: Actor;
  let zlglc: DepartmentEntity;
  let bhc: DepartmentEntity;
  let plan: PlanEntity;
  let other: PlanEntity;
  const byNumber = new Map<number, WorkPointEntity>();

  const list = (actor: Actor, q: Partial<ListPointsQuery> = {}): Promise<PointPage> =>
    points.list(actor, { offset: 0, limit: 100, ...q } as ListPointsQuery);
  const numbers = (page: PointPage) => page.items.map((p) => p.number);

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_points', [PointsModule]);
    const h = medium.harness;
    points = h.get(PointsService);
    [coordinator, leadStaff, coStaff, outsider, supervisorLi, supervisorZhang] = await Promise.all(
      [
        'coordinator',
        'zlglc.staff',
        'bhc.staff',
        'sbppc.staff',
        'supervisor.li',
        'supervisor.zhang',
      ].map((u) => h.actor(u)),
    );
    [zlglc, bhc] = await Promise.all([h.department('zlglc'), h.department('bhc')]);
    const sbppc = await h.department('sbppc');
    const ggfwc = await h.department('ggfwc');

    plan = await insertPlan(h.ds, coordinator, { policy: { reportCadence: 'quarterly' } });
    other = await insertPlan(h.ds, coordinator, { title: '另一计划' });
    const rows = [
      { number: 1, title: '完善专利快速审查机制', lead: zlglc, co: [bhc.id], sup: supervisorLi },
      { number: 2, title: '专利质押融资增长20%以上', lead: zlglc, sup: supervisorLi },
      { number: 3, title: '商标质押融资增长200亿元', lead: sbppc, sup: supervisorZhang },
      { number: 4, title: '推进数据库共享', lead: bhc, sup: supervisorZhang },
      {
        number: 5,
        title: '建设服务平台',
        text: '接口统一为数据_共享规范',
        lead: ggfwc,
        sup: supervisorLi,
      },
      { number: 6, title: '培育17家示范企业', lead: sbppc, sup: supervisorZhang },
      { number: 7, title: '开展专项执法行动', lead: bhc, sup: supervisorLi },
      {
        number: 8,
        title: '已取消的要点',
        lead: ggfwc,
        sup: supervisorLi,
        status: 'cancelled' as const,
      },
    ];
    for (const r of rows)
      byNumber.set(
        r.number,
        await insertPoint(h.ds, plan, {
          number: r.number,
          title: r.title,
          text: r.text ?? '',
          leadDepartmentId: r.lead.id,
          coDepartmentIds: r.co ?? [],
          supervisorId: r.sup.userId,
          ...(r.status ? { status: r.status } : {}),
        }),
      );
    await insertPoint(h.ds, other, {
      number: 1,
      title: '另一计划的要点',
      leadDepartmentId: zlglc.id,
      supervisorId: supervisorLi.userId,
    });
  });

  afterAll(() => medium?.close());

  describe('list', () => {
    it('filters by plan, status, department (lead or co) and supervisor', async () => {
      expect(numbers(await list(coordinator, { planId: plan.id }))).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
      expect(numbers(await list(coordinator, { planId: other.id }))).toEqual([1]);
      expect(numbers(await list(coordinator, { planId: plan.id, status: 'cancelled' }))).toEqual([
        8,
      ]);
      // bhc leads 4 and 7 and is a co-department of 1.
      expect(numbers(await list(coordinator, { planId: plan.id, departmentId: bhc.id }))).toEqual([
        1, 4, 7,
      ]);
      expect(
        numbers(await list(coordinator, { planId: plan.id, supervisorId: supervisorZhang.userId })),
      ).toEqual([3, 4, 6]);
    });

    it('pages with the total of every match', async () => {
      const page = await list(coordinator, { planId: plan.id, offset: 2, limit: 3 });
      expect(page.total).toBe(8);
      expect(numbers(page)).toEqual([3, 4, 5]);
      expect(page.items[0]).toMatchObject({
        planId: plan.id,
        title: '商标质押融资增长200亿元',
        status: 'assigned',
        statusLabel: '已交办',
        risk: 'green',
        riskLabel: '绿灯',
        deadline: '2026-12-31',
        effectiveDeadline: '2026-12-31',
        workflowId: `plan-${plan.id}-point-3`,
      });
    });

    it('finds text with % and _ taken literally', async () => {
      // Unescaped, "20%" would also match 增长200亿元, and "数据_共享" also 数据库共享.
      expect(numbers(await list(coordinator, { planId: plan.id, q: '20%' }))).toEqual([2]);
      expect(numbers(await list(coordinator, { planId: plan.id, q: '数据_共享' }))).toEqual([5]);
      expect(numbers(await list(coordinator, { planId: plan.id, q: '  质押融资 ' }))).toEqual([
        2, 3,
      ]);
    });

    it('finds a point by its number, written 7 or 第7项, and titles containing it', async () => {
      expect(numbers(await list(coordinator, { planId: plan.id, q: '第7项' }))).toEqual([7]);
      expect(numbers(await list(coordinator, { planId: plan.id, q: '7' }))).toEqual([6, 7]);
      expect(numbers(await list(coordinator, { planId: plan.id, q: '17' }))).toEqual([6]);
    });

    it('shows each actor only the points in their remit', async () => {
      const seen = async (actor: Actor) => numbers(await list(actor, { planId: plan.id }));
      expect(await seen(leadStaff)).toEqual([1, 2]);
      expect(await seen(coStaff)).toEqual([1, 4, 7]);
      expect(await seen(outsider)).toEqual([3, 6]);
      expect(await seen(supervisorLi)).toEqual([1, 2, 5, 7, 8]);
      expect(await seen(supervisorZhang)).toEqual([3, 4, 6]);
      // A filter never widens the remit.
      expect(numbers(await list(outsider, { planId: plan.id, departmentId: zlglc.id }))).toEqual(
        [],
      );
    });
  });

  describe('remit of one point', () => {
    it('lets the lead and co-departments and the supervisor see it; 403 for others, 404 for none', async () => {
      const point = byNumber.get(1) as WorkPointEntity;
      for (const actor of [coordinator, leadStaff, coStaff, supervisorLi])
        expect((await points.require(point.id, actor)).number).toBe(1);
      for (const actor of [outsider, supervisorZhang])
        await expect(points.detail(point.id, actor)).rejects.toMatchObject({
          code: ErrorCode.NotInRemit,
          message: '第1项不在您的职责范围内（访问规则：职责范围）',
        });
      const missing = '00000000-0000-4000-8000-000000000001';
      await expect(points.detail(missing, coordinator)).rejects.toMatchObject({
        code: ErrorCode.NotFound,
        message: `工作要点不存在：${missing}`,
      });
      // Not found comes first, whoever asks.
      await expect(points.detail(missing, outsider)).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
    });
  });

  describe('detail', () => {
    it('has the timeline, reports, sign-offs, notices, targets with their latest actual, and the policy', async () => {
      const h = medium.harness;
      const head = await h.actor('zlglc.head');
      const point = byNumber.get(1) as WorkPointEntity;
      await h.ds
        .getRepository(WorkPointEntity)
        .update(
          { id: point.id },
          { targets: [{ text: '结案不少于30件', value: 30, unit: '件', comparator: '>=' }] },
        );
      const t0 = Date.parse('2026-03-02T02:00:00Z');
      const at = (hours: number) => new Date(t0 + hours * 3_600_000);
      point.status = 'draft'; // as it was before the workflow's first record
      await recordEvent(h.ds, point, {
        event: 'publish',
        actor: coordinator,
        to: 'assigned',
        at: at(0),
      });
      await recordEvent(h.ds, point, {
        event: 'acknowledge',
        actor: leadStaff,
        to: 'acknowledged',
        requestId: 'ack-1',
        at: at(1),
      });
      await recordEvent(h.ds, point, {
        event: 'report',
        actor: leadStaff,
        to: 'in_progress',
        requestId: 'report-1',
        at: at(24),
      });
      await recordEvent(h.ds, point, {
        event: 'report',
        actor: head,
        to: 'in_progress',
        requestId: 'report-2',
        at: at(48),
      });
      const reports = h.ds.getRepository(ProgressReportEntity);
      const first = await reports.save({
        pointId: point.id,
        departmentId: zlglc.id,
        authorId: leadStaff.userId,
        kind: 'progress',
        text: '已受理12件',
        percent: 40,
        requestId: 'report-1',
        createdAt: at(24),
      });
      const second = await reports.save({
        pointId: point.id,
        departmentId: zlglc.id,
        authorId: head.userId,
        kind: 'progress',
        text: '已结案18件',
        percent: 60,
        requestId: 'report-2',
        createdAt: at(48),
      });
      await reports.save({
        pointId: point.id,
        departmentId: bhc.id,
        authorId: coStaff.userId,
        kind: 'contribution',
        text: '保护处提供执法数据',
        percent: null,
        requestId: 'co-1',
        attachedToId: second.id,
        createdAt: at(30),
      });
      await h.ds.getRepository(TargetActualEntity).save([
        { pointId: point.id, reportId: first.id, targetIndex: 0, value: 12, reportedAt: at(24) },
        { pointId: point.id, reportId: second.id, targetIndex: 0, value: 18, reportedAt: at(48) },
      ]);
      await h.ds.getRepository(SignOffEntity).save({
        pointId: point.id,
        level: 'head',
        decision: 'returned',
        actorId: head.userId,
        comment: '补充数据',
        requestId: 'ret-1',
        createdAt: at(50),
      });
      await h.ds.getRepository(NoticeEntity).save([
        {
          pointId: point.id,
          kind: 'report-reminder',
          dueDate: '2026-03-25',
          noticeDate: '2026-03-23',
          recipient: 'lead',
          recipientKey: `lead:${zlglc.id}`,
          departmentId: zlglc.id,
          userId: null,
          createdAt: at(500),
          deliveredAt: at(500),
        },
        {
          pointId: point.id,
          kind: 'ack-reminder',
          dueDate: '2026-03-04',
          noticeDate: '2026-03-04',
          recipient: 'supervisor',
          recipientKey: `supervisor:${supervisorLi.userId}`,
          departmentId: null,
          userId: supervisorLi.userId,
          createdAt: at(49),
          deliveredAt: null,
        },
      ]);

      const detail = await points.detail(point.id, coStaff);

      expect(detail).toMatchObject({
        id: point.id,
        number: 1,
        status: 'in_progress',
        suspended: false,
      });
      expect(detail.coDepartmentIds).toEqual([bhc.id]);
      expect(detail.timeline.map((e) => [e.event, e.label, e.actor?.name, e.from, e.to])).toEqual([
        ['publish', '发布交办', '王敏', 'draft', 'assigned'],
        ['acknowledge', '签收', '吴佳怡', 'assigned', 'acknowledged'],
        ['report', '报送进展', '吴佳怡', 'acknowledged', 'in_progress'],
        ['report', '报送进展', '周海涛', 'in_progress', 'in_progress'],
      ]);
      expect(detail.timeline[1]?.at).toBe('2026-03-02T03:00:00.000Z');
      // In the order they were written, the contribution beside the report it joins.
      expect(detail.reports.map((r) => [r.kind, r.text, r.percent, r.attachedToId])).toEqual([
        ['progress', '已受理12件', 40, null],
        ['contribution', '保护处提供执法数据', null, second.id],
        ['progress', '已结案18件', 60, null],
      ]);
      expect(detail.reports.every((r) => r.attachments.length === 0)).toBe(true);
      expect(detail.signOffs).toEqual([
        expect.objectContaining({ level: 'head', decision: 'returned', comment: '补充数据' }),
      ]);
      expect(detail.notices).toEqual([
        {
          kind: 'ack-reminder',
          label: '签收提醒',
          dueDate: '2026-03-04',
          noticeDate: '2026-03-04',
          recipient: 'supervisor',
          recipientLabel: '分管领导',
          departmentId: null,
          userId: supervisorLi.userId,
          deliveredAt: null,
        },
        {
          kind: 'report-reminder',
          label: '进展报送提醒',
          dueDate: '2026-03-25',
          noticeDate: '2026-03-23',
          recipient: 'lead',
          recipientLabel: '牵头单位',
          departmentId: zlglc.id,
          userId: null,
          deliveredAt: at(500).toISOString(),
        },
      ]);
      expect(detail.targets).toEqual([
        {
          text: '结案不少于30件',
          value: 30,
          unit: '件',
          comparator: '>=',
          index: 0,
          actual: { value: 18, recordedAt: at(48).toISOString() },
        },
      ]);
      // The plan's quarterly cadence over the defaults.
      expect(detail.policy).toMatchObject({ reportCadence: 'quarterly', reportDay: 25 });
    });
  });
});
