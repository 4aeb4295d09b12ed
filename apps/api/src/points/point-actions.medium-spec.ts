import { Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { ErrorCode, type Actor, type PointStateView } from '@workpoints/contracts';
import type { PlanEntity, WorkPointEntity } from '@workpoints/persistence';
import {
  insertPlan,
  insertPoint,
  pointState,
  recordEvent,
  setClock,
  updateRefusal,
  type MediumHarness,
  type RecordedUpdate,
} from '@workpoints/testing/medium';
import type { ErrorBody } from '../common/domain-exception.filter';
import { MediumApi } from '../testing/medium-api';
import { PointsModule } from './points.module';

/**
 * Actions on a point through HTTP, as production serves them (guard, validation pipe, error
 * filter), with the Temporal client recorded: what the API refuses before the workflow hears of
 * it, and what it sends when it does not.
 */
describe('point actions (medium)', () => {
  let medium: MediumApi;
  let h: MediumHarness;
  let plan: PlanEntity;
  let assigned: WorkPointEntity;
  let working: WorkPointEntity;
  let submitted: WorkPointEntity;
  let acknowledged: WorkPointEntity;
  let leadStaff: Actor;

  const post = <T = PointStateView & ErrorBody>(
    user: string,
    point: WorkPointEntity,
    path: string,
    body: unknown,
  ) => medium.request<T>(user, 'POST', `/points/${point.id}/${path}`, body);
  /** Answers every update and query with the point's state after `change`. */
  const answer = (point: WorkPointEntity, change: Parameters<typeof pointState>[1] = {}) =>
    h.temporal.respond(() => pointState(point, change));

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_actions', [PointsModule], { http: true });
    h = medium.harness;
    // Monday 21 September 2026, 10:00 in Shanghai: before 中秋 (Friday 25th) and 国庆.
    setClock('2026-09-21 10:00');
    const coordinator = await h.actor('coordinator');
    leadStaff = await h.actor('zlglc.staff');
    const [zlglc, bhc, li] = await Promise.all([
      h.department('zlglc'),
      h.department('bhc'),
      h.actor('supervisor.li'),
    ]);
    plan = await insertPlan(h.ds, coordinator);
    const parties = { leadDepartmentId: zlglc.id, supervisorId: li.userId };
    assigned = await insertPoint(h.ds, plan, {
      number: 1,
      ...parties,
      coDepartmentIds: [bhc.id],
      targets: [{ text: '结案不少于30件', value: 30, unit: '件', comparator: '>=' }],
    });
    // Due on Sunday 4 October, inside 国庆: chased to Wednesday 30 September.
    working = await insertPoint(h.ds, plan, {
      number: 2,
      ...parties,
      status: 'in_progress',
      deadline: '2026-10-04',
      effectiveDeadline: '2026-09-30',
    });
    submitted = await insertPoint(h.ds, plan, { number: 3, ...parties, status: 'submitted' });
    acknowledged = await insertPoint(h.ds, plan, {
      number: 4,
      ...parties,
      status: 'acknowledged',
      targets: [{ text: '结案不少于30件', value: 30, unit: '件', comparator: '>=' }],
    });
    await recordEvent(h.ds, acknowledged, {
      event: 'acknowledge',
      actor: leadStaff,
      requestId: 'ack-4',
      after: { status: 'acknowledged' },
    });
  });

  beforeEach(() => h.temporal.reset());

  afterAll(async () => {
    jest.useRealTimers();
    await medium?.close();
  });

  describe('an accepted action', () => {
    it('sends exactly one Update: its request id as update id, the actor from the token', async () => {
      answer(assigned, {
        status: 'acknowledged',
        version: 2,
        appliedRequests: { 'ack-1': 'acknowledge' },
      });

      const res = await post('zlglc.staff', assigned, 'acknowledge', { requestId: 'ack-1' });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        pointId: assigned.id,
        status: 'acknowledged',
        statusLabel: '已签收',
        riskLabel: '绿灯',
        version: 2,
      });
      expect(h.temporal.updates).toEqual<RecordedUpdate[]>([
        {
          kind: 'update',
          workflowId: `plan-${plan.id}-point-1`,
          name: 'acknowledge',
          updateId: 'ack-1',
          args: [{ requestId: 'ack-1', actor: leadStaff }],
        },
      ]);
      expect(h.temporal.calls).toHaveLength(1);
    });

    it('takes the actor only from the token: a body naming one is refused', async () => {
      const res = await post('zlglc.staff', assigned, 'acknowledge', {
        requestId: 'ack-2',
        actor: { ...leadStaff, roles: ['coordinator'] },
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(ErrorCode.InvalidInput);
      expect(res.body.message).toContain('actor');
      expect(h.temporal.calls).toEqual([]);
    });

    it('sends a report with its figures as plain actuals, and a null percent when none', async () => {
      answer(acknowledged, { status: 'in_progress' });
      const head = await h.actor('zlglc.head');
      const withFigures = await post('zlglc.head', acknowledged, 'reports', {
        requestId: 'report-1',
        text: '已结案12件',
        percent: 40,
        actuals: [{ target: 0, value: 12 }],
      });
      const plain = await post('zlglc.head', acknowledged, 'reports', {
        requestId: 'report-2',
        text: '继续推进',
      });
      expect([withFigures.status, plain.status]).toEqual([200, 200]);
      expect(h.temporal.updates.map((u) => [u.name, u.updateId, u.args])).toEqual([
        [
          'reportProgress',
          'report-1',
          [
            {
              requestId: 'report-1',
              actor: head,
              text: '已结案12件',
              percent: 40,
              actuals: [{ target: 0, value: 12 }],
            },
          ],
        ],
        [
          'reportProgress',
          'report-2',
          [{ requestId: 'report-2', actor: head, text: '继续推进', percent: null }],
        ],
      ]);
    });

    it('deduplicates the co-departments of a re-assignment', async () => {
      const [sbppc, bhc, zhang] = await Promise.all([
        h.department('sbppc'),
        h.department('bhc'),
        h.actor('supervisor.zhang'),
      ]);
      answer(working);
      const res = await post('coordinator', working, 'reassign', {
        requestId: 'reassign-1',
        leadDepartmentId: sbppc.id,
        coDepartmentIds: [bhc.id, bhc.id],
        supervisorId: zhang.userId,
      });
      expect(res.status).toBe(200);
      expect(h.temporal.updates[0]?.args[0]).toMatchObject({
        leadDepartmentId: sbppc.id,
        coDepartmentIds: [bhc.id],
        supervisorId: zhang.userId,
        reason: null,
      });
    });

    it('reads the live state with a query', async () => {
      answer(working, { status: 'in_progress', risk: 'yellow' });
      const res = await medium.request<PointStateView>(
        'zlglc.staff',
        'GET',
        `/points/${working.id}/state`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'in_progress',
        statusLabel: '推进中',
        riskLabel: '黄灯',
      });
      expect(h.temporal.queries).toEqual([
        { kind: 'query', workflowId: working.workflowId, name: 'getState', args: [] },
      ]);
    });
  });

  describe('refused before Temporal', () => {
    it('outside the remit: 403', async () => {
      const res = await post('sbppc.staff', assigned, 'acknowledge', { requestId: 'x-1' });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        code: ErrorCode.NotInRemit,
        message: '第1项不在您的职责范围内（访问规则：职责范围）',
      });
      expect(h.temporal.calls).toEqual([]);
    });

    it('out of turn, by the lifecycle rule (decide)', async () => {
      const cases: [string, WorkPointEntity, string, unknown, number, string, string][] = [
        [
          'bhc.staff',
          assigned,
          'acknowledge',
          {},
          403,
          ErrorCode.NotInRemit,
          '第1项：只有牵头单位的承办人或负责人可以签收',
        ],
        [
          'zlglc.staff',
          assigned,
          'reports',
          { text: '进展' },
          409,
          ErrorCode.OutOfTurn,
          '第1项：请先签收再报送进展',
        ],
        [
          'zlglc.staff',
          working,
          'acknowledge',
          {},
          409,
          ErrorCode.OutOfTurn,
          '第2项：当前状态为“推进中”，无需再签收',
        ],
        [
          'supervisor.li',
          submitted,
          'approve',
          {},
          409,
          ErrorCode.OutOfTurn,
          '第3项：当前应由牵头单位负责人审核',
        ],
        [
          'zlglc.staff',
          working,
          'suspend',
          { reason: '暂缓' },
          403,
          ErrorCode.NotInRemit,
          '需要以下角色之一：督办员（访问规则：角色）',
        ],
        [
          'zlglc.staff',
          working,
          'contributions',
          { text: '材料' },
          403,
          ErrorCode.NotInRemit,
          '第2项：只有配合单位的承办人或负责人可以报送配合材料',
        ],
      ];
      for (const [user, point, path, body, status, code, message] of cases) {
        const res = await post(user, point, path, {
          requestId: `turn-${path}`,
          ...(body as object),
        });
        // The lifecycle's refusals name their rule: 办理流程 (decide), 角色 (the access policy).
        expect([res.status, res.body.code, res.body.message]).toEqual([
          status,
          code,
          message.includes('访问规则') ? message : `${message}（访问规则：办理流程）`,
        ]);
      }
      expect(h.temporal.calls).toEqual([]);
    });

    it('arguments that make no sense, in Chinese, with every problem', async () => {
      const cases: [string, WorkPointEntity, string, unknown, string][] = [
        ['zlglc.head', submitted, 'return', { comment: '   ' }, '第3项的退回时必须填写意见'],
        [
          'zlglc.staff',
          working,
          'extension-requests',
          { deadline: '2026-09-01', reason: ' ' },
          '第2项的申请延期至不能早于今天（2026-09-21）：2026-09-01；申请延期至（2026-09-01）应晚于当前时限（2026-10-04）；申请延期须说明理由',
        ],
        ['coordinator', working, 'suspend', { reason: '\n' }, '第2项的暂停须说明理由'],
        ['coordinator', working, 'policy', { policy: {} }, '第2项的请至少给出一项要修改的督办规则'],
      ];
      for (const [user, point, path, body, message] of cases) {
        const method = path === 'policy' ? 'PUT' : 'POST';
        const res = await medium.request<ErrorBody>(user, method, `/points/${point.id}/${path}`, {
          requestId: `args-${path}`,
          ...(body as object),
        });
        expect([res.status, res.body.code, res.body.message]).toEqual([
          400,
          ErrorCode.InvalidInput,
          message,
        ]);
      }
      // A report's actual must name one of the point's targets (it has one, index 0).
      const res = await post('zlglc.staff', acknowledged, 'reports', {
        requestId: 'report-2',
        text: '进展',
        actuals: [{ target: 3, value: 10 }],
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^第4项的实际值有误：/);
      expect(res.body.details).toEqual({ problems: [expect.stringContaining('实际值有误')] });
      expect(h.temporal.calls).toEqual([]);
    });

    it('what the validation pipe refuses: unknown fields, wrong types, impossible dates', async () => {
      const cases: [string, unknown, RegExp][] = [
        ['reports', { text: 'x', percent: 101 }, /percent/],
        ['reports', { text: 'x', colour: 'red' }, /colour/],
        ['extension-requests', { deadline: '2026-02-30', reason: '延' }, /deadline/],
      ];
      for (const [path, body, field] of cases) {
        const res = await post('zlglc.staff', working, path, {
          requestId: 'pipe-1',
          ...(body as object),
        });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/^请求参数有误 — /);
        expect(res.body.message).toMatch(field);
      }
      const missing = await post('zlglc.staff', working, 'acknowledge', {});
      expect(missing.body.message).toContain('requestId');
      const unauthenticated = await medium.request<ErrorBody>(
        null,
        'POST',
        `/points/${working.id}/acknowledge`,
        {
          requestId: 'anon',
        },
      );
      expect(unauthenticated.status).toBe(401);
      expect(h.temporal.calls).toEqual([]);
    });

    it('a new deadline in a year the calendar does not know', async () => {
      const res = await medium.request<ErrorBody>(
        'coordinator',
        'PUT',
        `/points/${working.id}/deadline`,
        {
          requestId: 'deadline-1',
          deadline: '2027-03-31',
          reason: '任务调整',
        },
      );
      expect(res.status).toBe(409);
      expect(res.body.code).toBe(ErrorCode.PlanState);
      expect(res.body.message).toMatch(/^工作日历中还没有 2027 年的节假日安排/);
      expect(res.body.details).toEqual({ unknownYears: [2027] });
      expect(h.temporal.calls).toEqual([]);
    });

    it('a re-assignment to departments or a supervisor that do not exist', async () => {
      const [bhc, head] = await Promise.all([h.department('bhc'), h.actor('zlglc.head')]);
      const nowhere = '00000000-0000-4000-8000-0000000000aa';
      const base = {
        requestId: 'reassign-2',
        leadDepartmentId: bhc.id,
        coDepartmentIds: [],
        supervisorId: head.userId,
      };
      const notSupervisor = await post<ErrorBody>('coordinator', working, 'reassign', base);
      expect(notSupervisor.body.message).toBe('supervisorId: 周海涛 不是分管领导');
      const unknown = await post<ErrorBody>('coordinator', working, 'reassign', {
        ...base,
        coDepartmentIds: [nowhere],
      });
      expect(unknown.body.message).toBe(`coDepartmentIds: 单位不存在 ${nowhere}`);
      const leadAlsoCo = await post<ErrorBody>('coordinator', working, 'reassign', {
        ...base,
        coDepartmentIds: [bhc.id],
      });
      expect(leadAlsoCo.status).toBe(400);
      expect(leadAlsoCo.body.message).toMatch(/^第2项的/);
      expect(h.temporal.calls).toEqual([]);
    });

    it('a point not yet published', async () => {
      const coordinator = await h.actor('coordinator');
      const draft = await insertPlan(h.ds, coordinator, { status: 'draft' });
      const point = await insertPoint(h.ds, draft, {
        number: 1,
        leadDepartmentId: assigned.leadDepartmentId,
        supervisorId: assigned.supervisorId,
      });
      // A draft is the coordinators': to the department it does not exist yet (404); the
      // coordinator who knows it learns it is not published (409).
      const res = await post('zlglc.staff', point, 'acknowledge', { requestId: 'draft-1' });
      expect([res.status, res.body.code, res.body.message]).toEqual([
        404,
        ErrorCode.NotFound,
        `工作要点不存在：${point.id}`,
      ]);
      const own = await post('coordinator', point, 'suspend', {
        requestId: 'draft-2',
        reason: '暂缓',
      });
      expect([own.status, own.body.code, own.body.message]).toEqual([
        409,
        ErrorCode.PlanState,
        '第1项尚未发布',
      ]);
      expect(h.temporal.calls).toEqual([]);
    });

    it('an extension once the working-day deadline has passed, though the nominal one has not', async () => {
      // Friday 2 October: the deadline Sunday 4 October is ahead, the chased 30 September behind.
      setClock('2026-10-02 10:00');
      try {
        const res = await post('zlglc.staff', working, 'extension-requests', {
          requestId: 'ext-late',
          deadline: '2026-11-30',
          reason: '需要更多时间',
        });
        expect([res.status, res.body.code, res.body.message]).toEqual([
          409,
          ErrorCode.OutOfTurn,
          '第2项：完成时限已过，不能再申请延期，请联系督办员调整时限（访问规则：办理流程）',
        ]);
      } finally {
        setClock('2026-09-21 10:00');
      }
      // The day before, the same request goes to the workflow.
      setClock('2026-09-30 16:00');
      try {
        answer(working);
        const res = await post('zlglc.staff', working, 'extension-requests', {
          requestId: 'ext-in-time',
          deadline: '2026-11-30',
          reason: '需要更多时间',
        });
        expect(res.status).toBe(200);
        expect(h.temporal.updates.map((u) => u.name)).toEqual(['requestExtension']);
      } finally {
        setClock('2026-09-21 10:00');
      }
    });
  });

  describe('request ids', () => {
    it('a retry of a recorded request goes to the workflow as the first did, whatever the state now', async () => {
      answer(acknowledged);
      // Point 4 is acknowledged: the lifecycle rule would refuse a new acknowledgement.
      const again = await post('zlglc.staff', acknowledged, 'acknowledge', { requestId: 'ack-4' });
      expect(again.status).toBe(200);
      expect(h.temporal.updates.map((u) => [u.name, u.updateId])).toEqual([
        ['acknowledge', 'ack-4'],
      ]);
      const fresh = await post('zlglc.staff', acknowledged, 'acknowledge', { requestId: 'ack-5' });
      expect([fresh.status, fresh.body.message]).toEqual([
        409,
        '第4项：当前状态为“已签收”，无需再签收（访问规则：办理流程）',
      ]);
      expect(h.temporal.updates).toHaveLength(1);
    });

    it('the same request id for another action is refused', async () => {
      await recordEvent(h.ds, working, {
        event: 'report',
        actor: leadStaff,
        requestId: 'used-1',
        to: 'in_progress',
      });
      const res = await post('zlglc.staff', working, 'submit', {
        requestId: 'used-1',
        text: '已完成',
      });
      expect([res.status, res.body.code, res.body.message]).toEqual([
        409,
        ErrorCode.RequestIdReused,
        '请求编号 used-1 已用于“report”操作',
      ]);
      expect(h.temporal.calls).toEqual([]);
    });
  });

  describe("the workflow's answers", () => {
    it("maps a validator's refusal to its code, anything else to 503, a missing workflow to 409", async () => {
      h.temporal.respond(() => {
        throw updateRefusal(ErrorCode.OutOfTurn, '已有一项延期申请等待分管领导审批');
      });
      const refused = await post('zlglc.staff', working, 'reports', {
        requestId: 'wf-1',
        text: '进展',
      });
      expect([refused.status, refused.body.code, refused.body.message]).toEqual([
        409,
        ErrorCode.OutOfTurn,
        '已有一项延期申请等待分管领导审批',
      ]);

      h.temporal.respond(() => {
        throw updateRefusal('SomethingElse', 'boom');
      });
      // A 5xx is logged with its stack (kept out of the test's output here).
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const unknown = await post('zlglc.staff', working, 'reports', {
        requestId: 'wf-2',
        text: '进展',
      });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('工作流服务暂不可用'));
      logged.mockRestore();
      expect([unknown.status, unknown.body.code]).toEqual([503, ErrorCode.WorkflowUnavailable]);
      expect(unknown.body.message).toMatch(/^工作流服务暂不可用：/);

      h.temporal.respond((call) => {
        throw new WorkflowNotFoundError('workflow not found', call.workflowId, undefined);
      });
      const gone = await post('zlglc.staff', working, 'reports', {
        requestId: 'wf-3',
        text: '进展',
      });
      expect([gone.status, gone.body.code, gone.body.message]).toEqual([
        409,
        ErrorCode.PlanState,
        '该要点的工作流不存在或已结束，请联系督办员重新发布',
      ]);
      expect(h.temporal.updates.map((u) => u.updateId)).toEqual(['wf-1', 'wf-2', 'wf-3']);
    });
  });
});
