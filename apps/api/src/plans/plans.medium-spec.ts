import { Logger } from '@nestjs/common';
import {
  ErrorCode,
  WORK_POINT_WORKFLOW_TYPE,
  type PlanView,
  type PublishResult,
  type WorkPointInput,
} from '@workpoints/contracts';
import { AuditEventEntity, PlanEntity, WorkPointEntity } from '@workpoints/persistence';
import { setClock, type MediumHarness } from '@workpoints/testing/medium';
import type { ErrorBody } from '../common/domain-exception.filter';
import { CalendarService } from '../calendar/calendar.service';
import { MediumApi } from '../testing/medium-api';
import { PlansModule } from './plans.module';

type Answer = PlanView & ErrorBody;

/** Plans through HTTP: creation from a JSON tree, its checks, and publication. */
describe('plans (medium)', () => {
  let medium: MediumApi;
  let h: MediumHarness;
  let ids: { zlglc: string; bhc: string; sbppc: string; li: string; zhang: string; head: string };

  const create = (body: unknown, user = 'coordinator') =>
    medium.request<Answer>(user, 'POST', '/plans', body);
  const publish = (planId: string, requestId?: string) =>
    medium.request<PublishResult & ErrorBody>(
      'coordinator',
      'POST',
      `/plans/${planId}/publish`,
      requestId ? { requestId } : {},
    );

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_plans', [PlansModule], { http: true });
    h = medium.harness;
    // Monday 21 September 2026: deadlines from here to the end of 2026 can be published.
    setClock('2026-09-21 10:00');
    const [zlglc, bhc, sbppc, li, zhang, head] = await Promise.all([
      h.department('zlglc'),
      h.department('bhc'),
      h.department('sbppc'),
      h.actor('supervisor.li'),
      h.actor('supervisor.zhang'),
      h.actor('zlglc.head'),
    ]);
    ids = {
      zlglc: zlglc.id,
      bhc: bhc.id,
      sbppc: sbppc.id,
      li: li.userId,
      zhang: zhang.userId,
      head: head.userId,
    };
  });

  beforeEach(() => h.temporal.reset());

  afterAll(async () => {
    jest.useRealTimers();
    await medium?.close();
  });

  describe('create', () => {
    it('builds chapters, sections and points from the tree, numbered in document order', async () => {
      const res = await create({
        title: '2026年知识产权工作要点',
        year: 2026,
        chapters: [
          {
            label: '一、',
            title: '强化知识产权保护',
            points: [{ title: '完善保护体系', leadDepartmentId: ids.bhc }],
            sections: [
              {
                label: '（一）',
                title: '行政保护',
                points: [
                  { title: '开展专项行动', coDepartmentIds: [ids.zlglc] },
                  { title: '加强执法协作' },
                ],
              },
            ],
          },
          { label: '二、', title: '促进转化运用', points: [{ title: '推进专利转化' }] },
        ],
        points: [{ title: '其他工作', deadline: '2026-12-31', supervisorId: ids.li }],
      });

      expect(res.status).toBe(201);
      const plan = res.body;
      expect(plan).toMatchObject({ title: '2026年知识产权工作要点', year: 2026, status: 'draft' });
      expect(plan.points.map((p) => [p.number, p.title])).toEqual([
        [1, '完善保护体系'],
        [2, '开展专项行动'],
        [3, '加强执法协作'],
        [4, '推进专利转化'],
        [5, '其他工作'],
      ]);
      const [chapter1, chapter2] = plan.nodes;
      expect([chapter1?.label, chapter1?.title, chapter2?.title]).toEqual([
        '一、',
        '强化知识产权保护',
        '促进转化运用',
      ]);
      const id = (n: number) => plan.points[n - 1]?.id;
      expect(chapter1?.pointIds).toEqual([id(1)]);
      expect(chapter1?.children.map((s) => [s.label, s.title, s.pointIds])).toEqual([
        ['（一）', '行政保护', [id(2), id(3)]],
      ]);
      expect(chapter2?.pointIds).toEqual([id(4)]);
      expect(plan.points[4]).toMatchObject({
        nodeId: null,
        deadline: '2026-12-31',
        supervisorId: ids.li,
      });
      expect(plan.points[1]?.coDepartmentIds).toEqual([ids.zlglc]);
      expect(plan.points.every((p) => p.status === 'draft' && p.workflowId === null)).toBe(true);
      const audit = await h.ds.getRepository(AuditEventEntity).findOneByOrFail({ planId: plan.id });
      expect(audit).toMatchObject({
        event: 'plan_created',
        actorName: '王敏',
        after: { title: '2026年知识产权工作要点', year: 2026, points: 5 },
      });
    });

    it('keeps given numbers, and refuses one given twice', async () => {
      const kept = await create({
        title: '带序号',
        year: 2026,
        points: [
          { number: 3, title: '第三' },
          { number: 1, title: '第一' },
        ],
      });
      expect(kept.body.points.map((p) => [p.number, p.title])).toEqual([
        [1, '第一'],
        [3, '第三'],
      ]);
      const twice = await create({
        title: '重复',
        year: 2026,
        points: [
          { number: 2, title: '甲' },
          { number: 2, title: '乙' },
        ],
      });
      expect([twice.status, twice.body.message]).toEqual([400, '要点序号 2 重复']);
    });

    it('refuses what cannot be assigned, and a plan without points', async () => {
      const nowhere = '00000000-0000-4000-8000-0000000000bb';
      const cases: [unknown, string][] = [
        [
          { title: '甲', leadDepartmentId: nowhere },
          `leadDepartmentId/coDepartmentIds: 单位不存在 ${nowhere}`,
        ],
        [
          { title: '甲', leadDepartmentId: ids.zlglc, coDepartmentIds: [ids.bhc, ids.zlglc] },
          '“甲”：牵头单位不能同时是配合单位',
        ],
        [{ title: '甲', supervisorId: ids.head }, 'supervisorId: 周海涛 不是分管领导'],
      ];
      for (const [point, message] of cases) {
        const res = await create({ title: '有误', year: 2026, points: [point] });
        expect([res.status, res.body.code, res.body.message]).toEqual([
          400,
          ErrorCode.InvalidInput,
          message,
        ]);
      }
      const empty = await create({ title: '空', year: 2026, chapters: [{ title: '一章' }] });
      expect([empty.status, empty.body.message]).toEqual([400, '计划中没有任何工作要点']);
      const invalid = await create({
        title: '',
        year: 1999,
        points: [{ title: '甲', deadline: '2026-13-01' }],
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.message).toMatch(/title: .*; year: .*; points\.0\.deadline: /);
      expect(await h.ds.getRepository(PlanEntity).countBy({ title: '有误' })).toBe(0);
    });

    it('is for coordinators and admins only', async () => {
      const res = await create(
        { title: '甲', year: 2026, points: [{ title: '甲' }] },
        'zlglc.head',
      );
      expect([res.status, res.body.code, res.body.message]).toEqual([
        403,
        ErrorCode.NotInRemit,
        '需要以下角色之一：督办员、系统管理员（访问规则：角色）',
      ]);
    });
  });

  describe('publish', () => {
    const assignedPoint = (title: string, deadline: string, extra: object = {}) => ({
      title,
      leadDepartmentId: ids.zlglc,
      coDepartmentIds: [ids.bhc],
      supervisorId: ids.li,
      deadline,
      ...extra,
    });

    it('starts one workflow per point, with ids of plan and number; publishing again starts none', async () => {
      const plan = (
        await create({
          title: '发布',
          year: 2026,
          points: [
            // Sunday 4 October, in 国庆: chased from Wednesday 30 September.
            assignedPoint('国庆期间到期', '2026-10-04'),
            assignedPoint('普通要点', '2026-11-30'),
          ],
        })
      ).body;
      // A plan-wide rule: deadlines on a day off move to the next working day.
      await medium.request('coordinator', 'PATCH', `/plans/${plan.id}`, {
        policy: { nonWorkdayRule: 'next' },
      });
      const coordinator = await h.actor('coordinator');

      const first = await publish(plan.id, 'pub-1');

      expect(first.status).toBe(200);
      expect(first.body).toEqual({ planId: plan.id, points: 2, started: 2, alreadyRunning: 0 });
      const starts = h.temporal.starts;
      expect(starts.map((s) => [s.workflowType, s.workflowId, s.taskQueue])).toEqual([
        [WORK_POINT_WORKFLOW_TYPE, `plan-${plan.id}-point-1`, h.config.temporal.taskQueue],
        [WORK_POINT_WORKFLOW_TYPE, `plan-${plan.id}-point-2`, h.config.temporal.taskQueue],
      ]);
      const input = starts[0]?.args[0] as WorkPointInput;
      expect(input).toMatchObject({
        pointId: plan.points[0]?.id,
        planId: plan.id,
        number: 1,
        title: '国庆期间到期',
        leadDepartmentId: ids.zlglc,
        coDepartmentIds: [ids.bhc],
        supervisorId: ids.li,
        deadline: '2026-10-04',
        publishedBy: coordinator,
        publishRequestId: 'publish:pub-1',
      });
      expect(input.policy?.nonWorkdayRule).toBe('next');

      const rows = await h.ds
        .getRepository(WorkPointEntity)
        .find({ where: { planId: plan.id }, order: { number: 'ASC' } });
      // 国庆 is 1–7 October; the next working day is Thursday 8 October.
      expect(rows.map((r) => [r.workflowId, r.deadline, r.effectiveDeadline])).toEqual([
        [`plan-${plan.id}-point-1`, '2026-10-04', '2026-10-08'],
        [`plan-${plan.id}-point-2`, '2026-11-30', '2026-11-30'],
      ]);
      expect(await h.ds.getRepository(PlanEntity).findOneByOrFail({ id: plan.id })).toMatchObject({
        status: 'published',
        publishRequestId: 'pub-1',
      });

      h.temporal.reset();
      const again = await publish(plan.id, 'pub-2');
      expect(again.body).toEqual({ planId: plan.id, points: 2, started: 0, alreadyRunning: 2 });
      expect(h.temporal.starts).toEqual([]);
      // Published: the draft editor refuses.
      const edit = await medium.request<ErrorBody>('coordinator', 'PATCH', `/plans/${plan.id}`, {
        policy: null,
      });
      expect([edit.status, edit.body.message]).toEqual([409, '计划已发布，草稿不能再修改']);
    });

    it('after a failure half-way, publishing again starts only what is missing', async () => {
      const plan = (
        await create({
          title: '中断',
          year: 2026,
          points: [
            assignedPoint('甲', '2026-10-30'),
            assignedPoint('乙', '2026-10-30'),
            assignedPoint('丙', '2026-10-30'),
          ],
        })
      ).body;
      h.temporal.respond((call) => {
        if (call.kind === 'start' && call.workflowId.endsWith('-point-2'))
          throw new Error('connection lost');
        return undefined;
      });
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const broken = await publish(plan.id);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('connection lost'));
      logged.mockRestore();
      expect([broken.status, broken.body.code]).toEqual([500, 'INTERNAL']);
      // The plan is published all the same: its transaction came first.
      expect((await h.ds.getRepository(PlanEntity).findOneByOrFail({ id: plan.id })).status).toBe(
        'published',
      );

      h.temporal.reset();
      const again = await publish(plan.id);
      expect(again.body).toMatchObject({ points: 3, started: 1, alreadyRunning: 2 });
      expect(h.temporal.starts.map((s) => s.workflowId)).toEqual([`plan-${plan.id}-point-2`]);
    });

    it('refuses a plan whose points lack what publication needs, naming each', async () => {
      const plan = (
        await create({
          title: '未就绪',
          year: 2026,
          points: [
            assignedPoint('就绪', '2026-12-31'),
            { title: '缺交办' },
            assignedPoint('已过期', '2026-09-18'),
          ],
        })
      ).body;
      const res = await publish(plan.id);
      expect([res.status, res.body.code]).toEqual([409, ErrorCode.PlanState]);
      expect(res.body.message).toBe(
        '计划尚不能发布 — 第2项：缺少牵头单位、缺少分管领导、缺少完成时限；第3项：完成时限 2026-09-18 早于今天 2026-09-21',
      );
      expect(res.body.details).toEqual({
        unready: [
          { number: 2, problems: ['缺少牵头单位', '缺少分管领导', '缺少完成时限'] },
          { number: 3, problems: ['完成时限 2026-09-18 早于今天 2026-09-21'] },
        ],
      });
      expect(h.temporal.calls).toEqual([]);
      expect((await h.ds.getRepository(PlanEntity).findOneByOrFail({ id: plan.id })).status).toBe(
        'draft',
      );
    });

    it('refuses a year the calendar does not know, until it is confirmed', async () => {
      const plan = (
        await create({
          title: '跨年',
          year: 2027,
          points: [assignedPoint('明年的要点', '2027-03-31')],
        })
      ).body;
      expect(plan.warnings).toEqual([
        '工作日历中还没有 2027 年的节假日安排：发布前请录入该年的节假日和调休，或确认该年只按周末计算',
      ]);
      const refused = await publish(plan.id);
      expect([refused.status, refused.body.code]).toEqual([409, ErrorCode.PlanState]);
      expect(refused.body.message).toMatch(/^工作日历中还没有 2027 年的节假日安排：.*再发布$/);
      expect(refused.body.details).toEqual({ unknownYears: [2027] });
      expect(h.temporal.calls).toEqual([]);

      const coordinator = await h.actor('coordinator');
      await h.get(CalendarService).addOverride({ kind: 'weekends-only', year: 2027 }, coordinator);
      const published = await publish(plan.id);
      expect(published.body).toMatchObject({ started: 1 });
      // 31 March 2027 is a Wednesday: a working day on a weekends-only year.
      const row = await h.ds.getRepository(WorkPointEntity).findOneByOrFail({ planId: plan.id });
      expect(row.effectiveDeadline).toBe('2027-03-31');
    });
  });
});
