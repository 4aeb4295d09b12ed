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
interface PlanView {
  id: string;
  points: { id: string; number: number }[];
}
interface PointState {
  status: string;
  effectiveDeadline: string;
  version: number;
  returnComment: string | null;
  risk: string;
}
interface PointDetail {
  status: string;
  deadline: string;
  effectiveDeadline: string | null;
  timeline: {
    event: string;
    label: string;
    actor: { name: string } | null;
    from: string | null;
    to: string | null;
    comment: string | null;
  }[];
  reports: { kind: string; text: string }[];
  signOffs: { level: string; decision: string; comment: string | null }[];
}
interface ErrorBody {
  code: string;
  message: string;
}

/**
 * The foundation issue's walk: a coordinator publishes a 5-point plan, the lead department
 * drives one point through acknowledgement, report, submission, a return, resubmission and
 * both sign-offs — through HTTP, against real PostgreSQL, Redis and a Temporal dev server.
 */
describe('a published plan runs as workflows end to end', () => {
  let stack: E2eStack;
  let pg: Client;
  let tokens: Record<string, string>;
  let dept: Record<string, string>;
  let supervisor: Record<string, string>;
  let plan: PlanView;
  const deadline = `${new Date().getFullYear() + 1}-06-30`;

  const call = <T = unknown>(method: string, path: string, who?: string, body?: unknown) =>
    stack.api.request<T>(method, path, who ? tokens[who] : undefined, body);
  const act = <T = PointState>(
    who: string,
    pointId: string,
    action: string,
    body: Record<string, unknown>,
  ) => call<T>('POST', `/points/${pointId}/${action}`, who, body);
  const pointId = (n: number) => plan.points.find((p) => p.number === n)?.id as string;

  async function waitForStatus(id: string, status: string, timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const res = await call<PointDetail>('GET', `/points/${id}`, 'coordinator');
      if (res.body.status === status) return;
      if (Date.now() > end)
        throw new Error(`point ${id} stayed ${res.body.status}, expected ${status}`);
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
      'bhc.staff',
      'bhc.head',
      'sbppc.staff',
      'yycjc.staff',
      'yycjc.head',
      'ggfwc.head',
      'supervisor.li',
      'supervisor.zhang',
    ])
      tokens[u] = await stack.api.login(u, stack.password);
    const departments = await call<Department[]>('GET', '/departments', 'coordinator');
    dept = Object.fromEntries(departments.body.map((d) => [d.code, d.id]));
    const supervisors = await call<User[]>('GET', '/users?role=supervisor', 'coordinator');
    supervisor = Object.fromEntries(supervisors.body.map((u) => [u.username, u.id]));
    // The deadlines are next year; until the holiday package knows it, confirm it as weekends-only.
    const year = Number(deadline.slice(0, 4));
    if (!(await call<{ known: boolean }>('GET', `/calendar/${year}`, 'coordinator')).body.known)
      await call('POST', '/calendar/overrides', 'coordinator', { kind: 'weekends-only', year });
  });

  afterAll(async () => {
    await pg?.end();
    await stack?.stop();
  });

  it('reports database, Redis and Temporal healthy', async () => {
    const res = await call<{ status: string; info: Record<string, { status: string }> }>(
      'GET',
      '/health',
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.info).sort()).toEqual(['database', 'redis', 'temporal']);
  });

  it('refuses malformed plans, naming the field', async () => {
    const res = await call<ErrorBody>('POST', '/plans', 'coordinator', {
      title: '坏计划',
      year: '2026',
      colour: 'blue',
      points: [{ title: '甲', deadline: '2026-02-30' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_INPUT');
    expect(res.body.message).toContain('year');
    expect(res.body.message).toContain('colour');
    expect(res.body.message).toContain('points.0.deadline');
  });

  it('takes a whole plan of 1,000 assigned points in one request', async () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({
      title: `第${i + 1}项工作要点：推进知识产权强市建设相关任务`,
      leadDepartmentId: dept['ggfwc'],
      coDepartmentIds: [dept['bhc']],
      deadline,
      supervisorId: supervisor['supervisor.zhang'],
    }));
    const res = await call<PlanView>('POST', '/plans', 'coordinator', {
      title: '大计划',
      year: 2026,
      points,
    });
    expect(res.status).toBe(201);
    expect(res.body.points).toHaveLength(1000);
  });

  it('lets only coordinators create plans', async () => {
    const res = await call<ErrorBody>('POST', '/plans', 'zlglc.staff', {
      title: '越权',
      year: 2026,
      points: [{ title: '甲' }],
    });
    expect(res.status).toBe(403);
  });

  it('creates, assigns and publishes a 5-point plan; each point becomes one workflow', async () => {
    const created = await call<PlanView>('POST', '/plans', 'coordinator', {
      title: '知识产权工作要点',
      year: Number(deadline.slice(0, 4)),
      chapters: [
        {
          label: '一',
          title: '强化知识产权保护',
          sections: [
            {
              label: '（一）',
              title: '完善保护体系',
              points: [
                {
                  title: '完善专利侵权纠纷行政裁决机制',
                  leadDepartmentId: dept['zlglc'],
                  coDepartmentIds: [dept['bhc']],
                  deadline,
                  supervisorId: supervisor['supervisor.li'],
                },
                {
                  title: '开展商标专用权保护专项行动',
                  leadDepartmentId: dept['sbppc'],
                  deadline,
                  supervisorId: supervisor['supervisor.zhang'],
                },
              ],
            },
          ],
        },
        {
          label: '二',
          title: '促进转化运用',
          points: [
            { title: '推动专利转化运用' },
            { title: '建设公共服务网点' },
            { title: '组织知识产权宣传周' },
          ],
        },
      ],
    });
    expect(created.status).toBe(201);
    plan = created.body;
    expect(plan.points.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);

    const early = await call<ErrorBody>('POST', `/plans/${plan.id}/publish`, 'coordinator', {});
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('第3项');

    // Point 5 is due on a Sunday: it is chased by the working day before.
    const sunday = new Date(`${deadline.slice(0, 4)}-06-01T00:00:00Z`);
    while (sunday.getUTCDay() !== 0) sunday.setUTCDate(sunday.getUTCDate() + 1);
    const sundayDeadline = sunday.toISOString().slice(0, 10);
    for (const [n, lead] of [
      [3, 'yycjc'],
      [4, 'ggfwc'],
      [5, 'bgs'],
    ] as const) {
      const res = await call('PATCH', `/plans/${plan.id}/points/${pointId(n)}`, 'coordinator', {
        leadDepartmentId: dept[lead],
        deadline: n === 5 ? sundayDeadline : deadline,
        supervisorId: supervisor['supervisor.zhang'],
      });
      expect(res.status).toBe(200);
    }

    const published = await call<{ started: number; alreadyRunning: number }>(
      'POST',
      `/plans/${plan.id}/publish`,
      'coordinator',
      {},
    );
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ started: 5, alreadyRunning: 0 });
    for (let n = 1; n <= 5; n += 1) await waitForStatus(pointId(n), 'assigned');

    // From publication on, the read model's effective deadline is the one the workflow chases.
    const fifth = await call<PointDetail>('GET', `/points/${pointId(5)}`, 'coordinator');
    const live = await call<PointState>('GET', `/points/${pointId(5)}/state`, 'coordinator');
    expect(fifth.body.deadline).toBe(sundayDeadline);
    expect(fifth.body.effectiveDeadline).toBe(live.body.effectiveDeadline);
    expect(String(fifth.body.effectiveDeadline) < sundayDeadline).toBe(true);

    const again = await call<{ started: number; alreadyRunning: number }>(
      'POST',
      `/plans/${plan.id}/publish`,
      'coordinator',
      {},
    );
    expect(again.body).toMatchObject({ started: 0, alreadyRunning: 5 });
    const { rows } = await pg.query(
      'SELECT count(*)::int AS n FROM work_points WHERE plan_id = $1 AND workflow_id IS NOT NULL',
      [plan.id],
    );
    expect(rows[0].n).toBe(5);

    const edit = await call<ErrorBody>(
      'PATCH',
      `/plans/${plan.id}/points/${pointId(1)}`,
      'coordinator',
      { deadline },
    );
    expect(edit.status).toBe(409);
  });

  it('will not publish deadlines in a year the working-day calendar does not know', async () => {
    const created = await call<PlanView & { warnings: string[] }>('POST', '/plans', 'coordinator', {
      title: '远期计划',
      year: 2031,
      points: [
        {
          title: '远期任务',
          leadDepartmentId: dept['bgs'],
          deadline: '2031-06-30',
          supervisorId: supervisor['supervisor.li'],
        },
      ],
    });
    const planId = created.body.id;
    expect(
      (await call<{ warnings: string[] }>('GET', `/plans/${planId}`, 'coordinator')).body.warnings,
    ).toEqual([expect.stringContaining('2031 年的节假日安排')]);
    const refused = await call<ErrorBody>('POST', `/plans/${planId}/publish`, 'coordinator', {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('2031');

    const staffTry = await call<ErrorBody>('POST', '/calendar/overrides', 'zlglc.staff', {
      kind: 'weekends-only',
      year: 2031,
    });
    expect(staffTry.status).toBe(403);
    const bad = await call<ErrorBody>('POST', '/calendar/overrides', 'coordinator', {
      kind: 'holiday',
      year: 2031,
    });
    expect(bad.status).toBe(400);
    const holiday = await call<{ id: string }>('POST', '/calendar/overrides', 'coordinator', {
      kind: 'holiday',
      date: '2031-06-30',
      note: '测试',
    });
    expect(holiday.status).toBe(201);
    const year2031 = await call<{ known: boolean; source: string; holidays: string[] }>(
      'GET',
      '/calendar/2031',
      'coordinator',
    );
    expect(year2031.body).toMatchObject({
      known: true,
      source: 'overrides',
      holidays: ['2031-06-30'],
    });
    expect(
      (await call<{ warnings: string[] }>('GET', `/plans/${planId}`, 'coordinator')).body.warnings,
    ).toEqual([]);
    const published = await call<{ started: number }>(
      'POST',
      `/plans/${planId}/publish`,
      'coordinator',
      {},
    );
    expect(published.body.started).toBe(1);
    const audit = await pg.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE event = 'calendar_changed'",
    );
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('shows the lead department its points and hides other departments’ points', async () => {
    const mine = await call<{ items: { number: number }[] }>(
      'GET',
      `/points?planId=${plan.id}`,
      'zlglc.staff',
    );
    expect(mine.body.items.map((p) => p.number)).toEqual([1]);
    const co = await call<{ items: { number: number }[] }>(
      'GET',
      `/points?planId=${plan.id}`,
      'bhc.staff',
    );
    expect(co.body.items.map((p) => p.number)).toEqual([1]); // co-department of point 1
    const other = await call<ErrorBody>('GET', `/points/${pointId(2)}`, 'zlglc.staff');
    expect(other.status).toBe(403);
  });

  it('tells the lead and co-departments of their new point in their inboxes', async () => {
    // worker (outbox rows with the publication) → jobs (dispatcher, inbox queue) → inbox
    type Inbox = {
      items: { kind: string; title: string; link: string; point: { id: string } | null }[];
    };
    const inboxOf = async (user: string) =>
      (await call<Inbox>('GET', '/inbox', user)).body.items.filter(
        (i) => i.point?.id === pointId(1),
      );
    const end = Date.now() + 30_000;
    while (
      (await inboxOf('zlglc.staff')).length === 0 ||
      (await inboxOf('bhc.staff')).length === 0
    ) {
      if (Date.now() > end) {
        const state = await call<unknown>(
          'GET',
          `/points/${pointId(1)}/notifications`,
          'coordinator',
        );
        throw new Error(`the assignment never reached the inboxes: ${JSON.stringify(state.body)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const user of ['zlglc.staff', 'zlglc.head', 'bhc.staff']) {
      const [item] = await inboxOf(user);
      expect(item).toMatchObject({
        kind: 'assigned',
        title: expect.stringContaining('第1项'),
        link: expect.stringContaining(`/points/${pointId(1)}`),
      });
    }
    // another department hears nothing of it
    expect(await inboxOf('sbppc.staff')).toEqual([]);
    const unread = await call<{ unreadCount: number }>('GET', '/inbox/unread-count', 'bhc.staff');
    expect(unread.body.unreadCount).toBeGreaterThanOrEqual(1);
  });

  it('walks point 1 from assignment to completion, with a return and a resubmission', async () => {
    const id = pointId(1);
    expect((await act('zlglc.staff', id, 'acknowledge', { requestId: 'p1-ack' })).body.status).toBe(
      'acknowledged',
    );
    expect(
      (
        await act('zlglc.staff', id, 'reports', {
          requestId: 'p1-r1',
          text: '已起草裁决规程',
          percent: 40,
        })
      ).body.status,
    ).toBe('in_progress');
    expect(
      (await act('zlglc.staff', id, 'submit', { requestId: 'p1-s1', text: '规程已印发' })).body
        .status,
    ).toBe('submitted');

    const returned = await act('zlglc.head', id, 'return', {
      requestId: 'p1-ret',
      comment: '缺少印发文件',
    });
    expect(returned.body).toMatchObject({ status: 'in_progress', returnComment: '缺少印发文件' });

    expect(
      (await act('zlglc.staff', id, 'submit', { requestId: 'p1-s2', text: '已补充印发文件' })).body
        .status,
    ).toBe('submitted');
    expect((await act('zlglc.head', id, 'approve', { requestId: 'p1-h' })).body.status).toBe(
      'head_approved',
    );
    const done = await act('supervisor.li', id, 'approve', {
      requestId: 'p1-sup',
      comment: '同意办结',
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');

    const detail = await call<PointDetail>('GET', `/points/${id}`, 'zlglc.staff');
    expect(detail.body.status).toBe('completed');
    expect(detail.body.timeline.map((t) => `${t.event}:${t.from}->${t.to}`)).toEqual([
      'publish:draft->assigned',
      'acknowledge:assigned->acknowledged',
      'report:acknowledged->in_progress',
      'submit:in_progress->submitted',
      'return:submitted->in_progress',
      'submit:in_progress->submitted',
      'approve:submitted->head_approved',
      'approve:head_approved->completed',
    ]);
    expect(detail.body.timeline.every((t) => t.actor?.name)).toBe(true);
    expect(detail.body.timeline[4]?.comment).toBe('缺少印发文件');
    expect(detail.body.reports.map((r) => r.kind)).toEqual([
      'progress',
      'completion',
      'completion',
    ]);
    expect(detail.body.signOffs.map((s) => `${s.level}:${s.decision}`)).toEqual([
      'head:returned',
      'head:approved',
      'supervisor:approved',
    ]);

    const { rows } = await pg.query('SELECT status, risk, version FROM work_points WHERE id = $1', [
      id,
    ]);
    expect(rows[0]).toEqual({ status: 'completed', risk: 'green', version: 8 });
    const audit = await pg.query(
      'SELECT count(*)::int AS n, count(DISTINCT request_id)::int AS d FROM audit_events WHERE point_id = $1',
      [id],
    );
    expect(audit.rows[0]).toEqual({ n: 8, d: 8 });

    const live = await call<PointState>('GET', `/points/${id}/state`, 'supervisor.li');
    expect(live.body).toMatchObject({ status: 'completed', version: 8 });
  });

  it('treats the same request id twice as one action', async () => {
    const id = pointId(2);
    const a = await act('sbppc.staff', id, 'acknowledge', { requestId: 'p2-ack-1' });
    const b = await act('sbppc.staff', id, 'acknowledge', { requestId: 'p2-ack-1' });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);

    const r1 = await act('sbppc.staff', id, 'reports', {
      requestId: 'p2-r',
      text: '第一次报送',
      percent: 10,
    });
    const r2 = await act('sbppc.staff', id, 'reports', {
      requestId: 'p2-r',
      text: '第一次报送',
      percent: 10,
    });
    expect(r2.body.version).toBe(r1.body.version);
    const reports = await pg.query(
      'SELECT count(*)::int AS n FROM progress_reports WHERE point_id = $1',
      [id],
    );
    expect(reports.rows[0].n).toBe(1);

    const reused = await act<ErrorBody>('sbppc.staff', id, 'submit', {
      requestId: 'p2-r',
      text: '换个动作',
    });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('REQUEST_ID_REUSED');
  });

  it('refuses another department’s staff and an approver out of turn, with the reason', async () => {
    const id = pointId(2);
    const before = await pg.query('SELECT coalesce(max(id), 0) AS id FROM security_events');
    const stranger = await act<ErrorBody>('zlglc.staff', id, 'reports', {
      requestId: 'x-1',
      text: '越权报送',
    });
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('NOT_IN_REMIT');

    await act('sbppc.staff', id, 'submit', { requestId: 'p2-s', text: '已完成' });
    const early = await act<ErrorBody>('supervisor.zhang', id, 'approve', { requestId: 'x-2' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('OUT_OF_TURN');
    expect(early.body.message).toContain('牵头单位负责人');

    const noComment = await act<ErrorBody>('supervisor.zhang', id, 'return', { requestId: 'x-3' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.message).toContain('comment');

    const audit = await pg.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE request_id LIKE 'x-%'",
    );
    expect(audit.rows[0].n).toBe(0);

    // Each refusal is a security event with who, the rule that refused and from where; the
    // malformed request (400) is not a refusal.
    const refusals = await pg.query(
      `SELECT e.actor_name AS who, e.method, e.path, e.status, e.code, e.reason, e.ip
         FROM security_events e WHERE e.kind = 'refused' AND e.path LIKE $1 AND e.id > $2
         ORDER BY e.id`,
      [`%/points/${id}/%`, before.rows[0].id],
    );
    expect(refusals.rows.map((r) => [r.status, r.code, r.path.replace(id, ':id')])).toEqual([
      [403, 'NOT_IN_REMIT', '/api/points/:id/reports'],
      [409, 'OUT_OF_TURN', '/api/points/:id/approve'],
    ]);
    expect(refusals.rows[1].reason).toBe(early.body.message);
    expect(refusals.rows[1].who).toBeTruthy();
    expect(refusals.rows.every((r) => r.method === 'POST' && r.ip)).toBe(true);
  });

  it('keeps the head who submitted a completion from approving it (separation of duties)', async () => {
    const id = pointId(4); // led by 公共服务处 (ggfwc)
    expect((await act('ggfwc.head', id, 'acknowledge', { requestId: 'sd-a' })).status).toBe(200);
    const submitted = await act('ggfwc.head', id, 'submit', { requestId: 'sd-s', text: '已完成' });
    expect([submitted.status, submitted.body]).toMatchObject([200, { status: 'submitted' }]);
    await waitForStatus(id, 'submitted');
    const own = await act<ErrorBody>('ggfwc.head', id, 'approve', { requestId: 'sd-h' });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({
      code: 'NOT_IN_REMIT',
      message: expect.stringContaining('职责分离'),
    });
    const detail = await call<PointDetail & { submittedById: string }>(
      'GET',
      `/points/${id}`,
      'coordinator',
    );
    expect(detail.body.status).toBe('submitted');
    expect(detail.body.submittedById).toBeTruthy();
    // Taking it back for rework clears the submitter.
    await act('ggfwc.head', id, 'return', { requestId: 'sd-r', comment: '撤回补充' });
    await waitForStatus(id, 'in_progress');
    const after = await call<{ submittedById: string | null }>(
      'GET',
      `/points/${id}`,
      'coordinator',
    );
    expect(after.body.submittedById).toBeNull();
  });

  it('loses nothing when the worker is killed in the middle of the lifecycle', async () => {
    const id = pointId(3);
    await act('yycjc.staff', id, 'acknowledge', { requestId: 'p3-ack' });

    await stack.apps.worker.stop('SIGKILL');
    // The action is sent while no worker runs; it completes once a new worker picks it up.
    const pending = act('yycjc.staff', id, 'reports', {
      requestId: 'p3-r',
      text: '工人重启期间报送',
      percent: 30,
    });
    await new Promise((r) => setTimeout(r, 1500));
    await stack.apps.worker.start();
    const reported = await pending;
    expect(reported.status).toBe(200);
    expect(reported.body.status).toBe('in_progress');

    await act('yycjc.staff', id, 'submit', { requestId: 'p3-s', text: '完成' });
    expect((await act('yycjc.head', id, 'approve', { requestId: 'p3-h' })).body.status).toBe(
      'head_approved',
    );
    const detail = await call<PointDetail>('GET', `/points/${id}`, 'coordinator');
    expect(detail.body.timeline.map((t) => t.event)).toEqual([
      'plan_assigned',
      'publish',
      'acknowledge',
      'report',
      'submit',
      'approve',
    ]);
  });
});
