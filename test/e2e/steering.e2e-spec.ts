import { type E2eStack, startE2eStack } from '@workpoints/testing';
import { Client } from 'pg';

interface Department {
  id: string;
  code: string;
}
interface User {
  id: string;
  username: string;
}
interface Policy {
  acknowledgeWithinWorkdays: number;
  reportCadence: string;
  reportDay: number;
}
interface PlanView {
  id: string;
  policy: Policy;
  ownPolicy: Partial<Policy> | null;
  points: { id: string; number: number; policy: Partial<Policy> | null }[];
}
interface PendingExtension {
  deadline: string;
  reason: string;
  requestedByName: string;
}
interface PointState {
  status: string;
  deadline: string;
  suspended: boolean;
  leadDepartmentId: string;
  pendingExtension: PendingExtension | null;
  policy: Policy;
}
interface TimelineEntry {
  event: string;
  label: string;
  actor: { name: string | null } | null;
  comment: string | null;
  changes: Record<string, unknown> | null;
}
interface PointDetail {
  status: string;
  statusLabel: string;
  deadline: string;
  suspended: boolean;
  leadDepartmentId: string;
  coDepartmentIds: string[];
  supervisorId: string;
  pendingExtension: PendingExtension | null;
  policy: Policy;
  timeline: TimelineEntry[];
  reports: { id: string; kind: string; text: string; attachedToId: string | null }[];
  notices: {
    kind: string;
    label: string;
    dueDate: string;
    noticeDate: string;
    recipient: string;
    recipientLabel: string;
    departmentId: string | null;
    userId: string | null;
  }[];
}
interface ErrorBody {
  code: string;
  message: string;
}

/**
 * Steering a running point through HTTP, against real PostgreSQL, Redis and a Temporal dev
 * server: the lead department asks for an extension and the supervisor decides; the
 * coordinator suspends, resumes, reassigns, moves the deadline, changes the policy and cancels;
 * a co-department's contribution goes with the lead department's next report.
 */
describe('steering running points', () => {
  let stack: E2eStack;
  let pg: Client;
  let tokens: Record<string, string>;
  let dept: Record<string, string>;
  let user: Record<string, string>;
  let plan: PlanView;
  const year = new Date().getFullYear() + 1;
  const deadline = `${year}-06-30`;

  const call = <T = unknown>(method: string, path: string, who?: string, body?: unknown) =>
    stack.api.request<T>(method, path, who ? tokens[who] : undefined, body);
  const act = <T = PointState>(
    who: string,
    pointId: string,
    action: string,
    body: Record<string, unknown>,
    method = 'POST',
  ) => call<T>(method, `/points/${pointId}/${action}`, who, body);
  const detail = async (id: string, who = 'coordinator') =>
    (await call<PointDetail>('GET', `/points/${id}`, who)).body;
  const pointId = (n: number) => plan.points.find((p) => p.number === n)?.id as string;

  async function waitForStatus(id: string, status: string, timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      if ((await detail(id)).status === status) return;
      if (Date.now() > end) throw new Error(`point ${id} did not become ${status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    stack = await startE2eStack();
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    tokens = {};
    for (const u of [
      'coordinator',
      'zlglc.staff',
      'zlglc.head',
      'sbppc.staff',
      'ggfwc.staff',
      'yycjc.staff',
      'bhc.staff',
      'supervisor.li',
      'supervisor.zhang',
    ])
      tokens[u] = await stack.api.login(u, stack.password);
    const departments = await call<Department[]>('GET', '/departments', 'coordinator');
    dept = Object.fromEntries(departments.body.map((d) => [d.code, d.id]));
    const users = await call<User[]>('GET', '/users', 'coordinator');
    user = Object.fromEntries(users.body.map((u) => [u.username, u.id]));
    if (!(await call<{ known: boolean }>('GET', `/calendar/${year}`, 'coordinator')).body.known)
      await call('POST', '/calendar/overrides', 'coordinator', { kind: 'weekends-only', year });

    const created = await call<PlanView>('POST', '/plans', 'coordinator', {
      title: '督办调整测试计划',
      year,
      points: [
        {
          title: '完善专利侵权纠纷行政裁决机制',
          leadDepartmentId: dept['zlglc'],
          deadline,
          supervisorId: user['supervisor.li'],
        },
        {
          title: '开展商标专用权保护专项行动',
          leadDepartmentId: dept['sbppc'],
          deadline,
          supervisorId: user['supervisor.zhang'],
        },
        {
          title: '推动专利转化运用',
          leadDepartmentId: dept['yycjc'],
          coDepartmentIds: [dept['bhc']],
          deadline,
          supervisorId: user['supervisor.li'],
        },
      ],
    });
    expect(created.status).toBe(201);
    plan = created.body;
  });

  afterAll(async () => {
    await pg?.end();
    await stack?.stop();
  });

  it('edits the draft plan’s and a draft point’s policy, then refuses once published', async () => {
    expect(plan.policy).toMatchObject({ reportCadence: 'monthly', reportDay: 25 });
    const bad = await call<ErrorBody>('PATCH', `/plans/${plan.id}`, 'coordinator', {
      policy: { reportDay: 40, colour: 'blue' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('报送日应为 1 到 31 之间的整数');
    expect(bad.body.message).toContain('未知的督办规则字段：colour');
    const staff = await call<ErrorBody>('PATCH', `/plans/${plan.id}`, 'zlglc.staff', {
      policy: { reportDay: 20 },
    });
    expect(staff.status).toBe(403);

    const edited = await call<PlanView>('PATCH', `/plans/${plan.id}`, 'coordinator', {
      policy: { reportCadence: 'quarterly', reportDay: 20 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.ownPolicy).toEqual({ reportCadence: 'quarterly', reportDay: 20 });
    expect(edited.body.policy).toMatchObject({
      reportCadence: 'quarterly',
      reportDay: 20,
      acknowledgeWithinWorkdays: 2,
    });

    const point = await call<{ policy: Partial<Policy> }>(
      'PATCH',
      `/plans/${plan.id}/points/${pointId(2)}`,
      'coordinator',
      { policy: { acknowledgeWithinWorkdays: 5 } },
    );
    expect(point.status).toBe(200);
    expect(point.body.policy).toEqual({ acknowledgeWithinWorkdays: 5 });
    const badPoint = await call<ErrorBody>(
      'PATCH',
      `/plans/${plan.id}/points/${pointId(2)}`,
      'coordinator',
      { policy: { reminderTime: '25:00' } },
    );
    expect(badPoint.status).toBe(400);
    expect(badPoint.body.message).toContain('提醒时间应为 HH:MM');
    expect((await detail(pointId(2))).policy).toMatchObject({
      reportCadence: 'quarterly',
      reportDay: 20,
      acknowledgeWithinWorkdays: 5,
    });

    const published = await call<{ started: number }>(
      'POST',
      `/plans/${plan.id}/publish`,
      'coordinator',
      {},
    );
    expect(published.body.started).toBe(3);
    for (const n of [1, 2, 3]) await waitForStatus(pointId(n), 'assigned');
    const late = await call<ErrorBody>('PATCH', `/plans/${plan.id}`, 'coordinator', {
      policy: { reportDay: 10 },
    });
    expect(late.status).toBe(409);
    const state = await call<PointState>('GET', `/points/${pointId(2)}/state`, 'coordinator');
    expect(state.body.policy).toMatchObject({
      reportCadence: 'quarterly',
      reportDay: 20,
      acknowledgeWithinWorkdays: 5,
    });
  });

  it('runs an extension request past the supervisor: one at a time, approved, then refused', async () => {
    const id = pointId(1);
    await act('zlglc.staff', id, 'acknowledge', { requestId: 'p1-ack' });
    const asked = await act('zlglc.staff', id, 'extension-requests', {
      requestId: 'p1-ext-1',
      deadline: `${year}-09-30`,
      reason: '需与省局协调裁决规程',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.pendingExtension).toMatchObject({ deadline: `${year}-09-30` });
    expect((await detail(id, 'zlglc.staff')).pendingExtension).toMatchObject({
      deadline: `${year}-09-30`,
      reason: '需与省局协调裁决规程',
      requestedByName: expect.any(String),
    });

    const second = await act<ErrorBody>('zlglc.head', id, 'extension-requests', {
      requestId: 'p1-ext-2',
      deadline: `${year}-10-31`,
      reason: '再申请一次',
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('OUT_OF_TURN');
    expect(second.body.message).toContain('已有一项延期申请');

    const head = await act<ErrorBody>('zlglc.head', id, 'extension-requests/decision', {
      requestId: 'p1-dec-x',
      approve: true,
    });
    expect(head.status).toBe(403);
    expect(head.body.message).toContain('分管领导');
    const otherSupervisor = await act<ErrorBody>(
      'supervisor.zhang',
      id,
      'extension-requests/decision',
      { requestId: 'p1-dec-y', approve: true },
    );
    expect(otherSupervisor.status).toBe(403);

    const approved = await act('supervisor.li', id, 'extension-requests/decision', {
      requestId: 'p1-dec-1',
      approve: true,
      deadline: `${year}-08-31`,
      comment: '同意延至8月底',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ deadline: `${year}-08-31`, pendingExtension: null });
    const after = await detail(id, 'zlglc.staff');
    expect(after.deadline).toBe(`${year}-08-31`);
    expect(after.pendingExtension).toBeNull();
    expect(after.timeline.slice(-2).map((t) => [t.event, t.label, t.comment])).toEqual([
      ['request-extension', '申请延期', '需与省局协调裁决规程'],
      ['decide-extension', '同意延期', '同意延至8月底'],
    ]);
    expect(after.timeline.at(-1)?.changes).toMatchObject({
      deadline: `${year}-08-31`,
      extension: { decision: 'approved', deadline: `${year}-08-31` },
    });

    await act('zlglc.staff', id, 'extension-requests', {
      requestId: 'p1-ext-3',
      deadline: `${year}-10-31`,
      reason: '试点单位尚未确定',
    });
    const noReason = await act<ErrorBody>('supervisor.li', id, 'extension-requests/decision', {
      requestId: 'p1-dec-2',
      approve: false,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('不同意延期时必须填写意见');
    const refused = await act('supervisor.li', id, 'extension-requests/decision', {
      requestId: 'p1-dec-2',
      approve: false,
      comment: '时限不宜再延',
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ deadline: `${year}-08-31`, pendingExtension: null });
    const last = (await detail(id)).timeline.at(-1);
    expect(last).toMatchObject({
      event: 'decide-extension',
      label: '不同意延期',
      comment: '时限不宜再延',
      actor: { name: expect.any(String) },
    });
  });

  it('lets the coordinator suspend, resume, reassign, move the deadline, change the policy and cancel', async () => {
    const id = pointId(2);
    await act('sbppc.staff', id, 'acknowledge', { requestId: 'p2-ack' });

    const notCoordinator = await act<ErrorBody>('sbppc.staff', id, 'suspend', {
      requestId: 'p2-x1',
      reason: '想暂停',
    });
    expect(notCoordinator.status).toBe(403);
    expect(notCoordinator.body.message).toContain('督办员');
    expect(
      (await act<ErrorBody>('coordinator', id, 'suspend', { requestId: 'p2-x2' })).status,
    ).toBe(400);

    const suspended = await act('coordinator', id, 'suspend', {
      requestId: 'p2-sus',
      reason: '机构职能调整中',
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.suspended).toBe(true);
    expect((await detail(id)).suspended).toBe(true);
    const blocked = await act<ErrorBody>('sbppc.staff', id, 'reports', {
      requestId: 'p2-r-x',
      text: '暂停中报送',
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.message).toContain('暂停');
    const resumed = await act('coordinator', id, 'resume', { requestId: 'p2-res' });
    expect(resumed.body.suspended).toBe(false);
    expect(
      (await act('sbppc.staff', id, 'reports', { requestId: 'p2-r1', text: '已部署专项行动' })).body
        .status,
    ).toBe('in_progress');

    const noDept = await act<ErrorBody>('coordinator', id, 'reassign', {
      requestId: 'p2-x3',
      leadDepartmentId: '00000000-0000-4000-8000-000000000000',
      coDepartmentIds: [],
      supervisorId: user['supervisor.li'],
    });
    expect(noDept.status).toBe(400);
    expect(noDept.body.message).toContain('单位不存在');
    const notSupervisor = await act<ErrorBody>('coordinator', id, 'reassign', {
      requestId: 'p2-x4',
      leadDepartmentId: dept['ggfwc'],
      coDepartmentIds: [],
      supervisorId: user['zlglc.staff'],
    });
    expect(notSupervisor.status).toBe(400);
    expect(notSupervisor.body.message).toContain('不是分管领导');
    const reassigned = await act('coordinator', id, 'reassign', {
      requestId: 'p2-re',
      leadDepartmentId: dept['ggfwc'],
      coDepartmentIds: [dept['bhc']],
      supervisorId: user['supervisor.li'],
      reason: '商标执法职能划转公共服务处',
    });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.leadDepartmentId).toBe(dept['ggfwc']);
    expect(await detail(id)).toMatchObject({
      leadDepartmentId: dept['ggfwc'],
      coDepartmentIds: [dept['bhc']],
      supervisorId: user['supervisor.li'],
    });
    expect((await call('GET', `/points/${id}`, 'sbppc.staff')).status).toBe(403);
    expect(
      (await act('sbppc.staff', id, 'reports', { requestId: 'p2-r-y', text: '旧单位报送' })).status,
    ).toBe(403);
    expect(
      (await act('ggfwc.staff', id, 'reports', { requestId: 'p2-r2', text: '新单位接手' })).status,
    ).toBe(200);

    const unknownYear = await act<ErrorBody>(
      'coordinator',
      id,
      'deadline',
      { requestId: 'p2-x5', deadline: '2031-06-30', reason: '远期' },
      'PUT',
    );
    expect(unknownYear.status).toBe(409);
    expect(unknownYear.body.message).toContain('工作日历中还没有 2031 年的节假日安排');
    const noWhy = await act<ErrorBody>(
      'coordinator',
      id,
      'deadline',
      { requestId: 'p2-x6', deadline: `${year}-11-30` },
      'PUT',
    );
    expect(noWhy.status).toBe(400);
    const moved = await act(
      'coordinator',
      id,
      'deadline',
      { requestId: 'p2-dl', deadline: `${year}-11-30`, reason: '职能划转后重新安排' },
      'PUT',
    );
    expect(moved.body.deadline).toBe(`${year}-11-30`);
    expect((await detail(id)).deadline).toBe(`${year}-11-30`);

    const badPolicy = await act<ErrorBody>(
      'coordinator',
      id,
      'policy',
      { requestId: 'p2-x7', policy: { reportDay: 40 } },
      'PUT',
    );
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.body.message).toContain('报送日应为 1 到 31 之间的整数');
    const policy = await act(
      'coordinator',
      id,
      'policy',
      { requestId: 'p2-pol', policy: { reportCadence: 'monthly', reportDay: 10 }, reason: '加密' },
      'PUT',
    );
    expect(policy.body.policy).toMatchObject({
      reportCadence: 'monthly',
      reportDay: 10,
      acknowledgeWithinWorkdays: 5,
    });
    expect((await detail(id)).policy).toMatchObject({ reportCadence: 'monthly', reportDay: 10 });

    expect((await act<ErrorBody>('coordinator', id, 'cancel', { requestId: 'p2-x8' })).status).toBe(
      400,
    );
    const cancelled = await act('coordinator', id, 'cancel', {
      requestId: 'p2-can',
      reason: '任务已并入第1项',
    });
    expect(cancelled.body.status).toBe('cancelled');
    for (const [who, action, body] of [
      ['ggfwc.staff', 'reports', { requestId: 'p2-after-1', text: '取消后报送' }],
      ['coordinator', 'suspend', { requestId: 'p2-after-2', reason: '取消后暂停' }],
    ] as const) {
      const res = await act<ErrorBody>(who, id, action, body);
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('已取消');
    }

    const after = await detail(id);
    expect(after).toMatchObject({ status: 'cancelled', statusLabel: '已取消' });
    const steering = after.timeline.filter((t) =>
      ['suspend', 'resume', 'reassign', 'change-deadline', 'change-policy', 'cancel'].includes(
        t.event,
      ),
    );
    expect(steering.map((t) => [t.event, t.label, t.comment])).toEqual([
      ['suspend', '暂停', '机构职能调整中'],
      ['resume', '恢复', null],
      ['reassign', '调整责任单位', '商标执法职能划转公共服务处'],
      ['change-deadline', '调整完成时限', '职能划转后重新安排'],
      ['change-policy', '调整督办规则', '加密'],
      ['cancel', '取消', '任务已并入第1项'],
    ]);
    expect(steering.every((t) => t.actor?.name)).toBe(true);
    const audit = await pg.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE point_id = $1 AND request_id LIKE 'p2-x%'",
      [id],
    );
    expect(audit.rows[0].n).toBe(0);
  });

  it('attaches a co-department’s contribution to the lead department’s next report', async () => {
    const id = pointId(3);
    const visible = await call<{ items: { number: number }[] }>(
      'GET',
      `/points?planId=${plan.id}`,
      'bhc.staff',
    );
    // bhc is a co-department of point 3, and of point 2 since its reassignment.
    expect(visible.body.items.map((p) => p.number)).toEqual([2, 3]);

    const contributed = await act('bhc.staff', id, 'contributions', {
      requestId: 'p3-c1',
      text: '提供上半年执法数据',
    });
    expect(contributed.status).toBe(200);
    const lead = await act<ErrorBody>('yycjc.staff', id, 'contributions', {
      requestId: 'p3-c-x',
      text: '牵头单位不是配合单位',
    });
    expect(lead.status).toBe(403);
    expect(lead.body.message).toContain('配合单位');

    await act('yycjc.staff', id, 'acknowledge', { requestId: 'p3-ack' });
    await act('yycjc.staff', id, 'reports', { requestId: 'p3-r1', text: '已形成转化清单' });
    await act('bhc.staff', id, 'contributions', { requestId: 'p3-c2', text: '补充典型案例' });

    const after = await detail(id, 'bhc.staff');
    const progress = after.reports.find((r) => r.kind === 'progress');
    expect(after.reports.map((r) => [r.kind, r.text, r.attachedToId])).toEqual([
      ['contribution', '提供上半年执法数据', progress?.id],
      ['progress', '已形成转化清单', null],
      ['contribution', '补充典型案例', null],
    ]);
    expect(after.timeline.filter((t) => t.event === 'contribute').map((t) => t.label)).toEqual([
      '配合单位报送材料',
      '配合单位报送材料',
    ]);
  });

  it('lists the point’s notices by the day they are sent, with labels', async () => {
    const id = pointId(3);
    // The workflow sends its first notice working days after publication; rows as it writes them.
    await pg.query(
      `INSERT INTO notices (point_id, kind, due_date, notice_date, recipient, recipient_key,
         department_id, user_id, created_at)
       VALUES ($1, 'deadline-reminder', $2, $3, 'supervisor', $4, NULL, $5, now()),
              ($1, 'report-reminder', $6, $7, 'co', $8, $9, NULL, now())`,
      [
        id,
        deadline,
        `${year}-06-23`,
        `supervisor:${user['supervisor.li']}`,
        user['supervisor.li'],
        `${year}-01-25`,
        `${year}-01-21`,
        `co:${dept['bhc']}`,
        dept['bhc'],
      ],
    );
    const { notices } = await detail(id);
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'report-reminder',
        label: '进展报送提醒',
        dueDate: `${year}-01-25`,
        noticeDate: `${year}-01-21`,
        recipient: 'co',
        recipientLabel: '配合单位',
        departmentId: dept['bhc'],
        userId: null,
      }),
      expect.objectContaining({
        kind: 'deadline-reminder',
        label: '到期提醒',
        dueDate: deadline,
        noticeDate: `${year}-06-23`,
        recipient: 'supervisor',
        recipientLabel: '分管领导',
        departmentId: null,
        userId: user['supervisor.li'],
      }),
    ]);
  });
});
