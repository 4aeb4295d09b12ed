import { WorkflowUpdateFailedError } from '@temporalio/client';
import { reportProgressUpdate, workPointWorkflowId, type Actor } from '@workpoints/contracts';
import { shanghaiDate } from '@workpoints/domain';
import { type E2eStack, startE2eStack } from '@workpoints/testing';
import { Client } from 'pg';

interface Department {
  id: string;
  code: string;
}
interface User {
  id: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  roles: Actor['roles'];
}
interface PlanView {
  id: string;
  points: { id: string; number: number }[];
}
interface TargetRow {
  point: { id: string; number: number; title: string };
  department: { id: string; name: string } | null;
  target: {
    index: number;
    text: string;
    value: number;
    valueMax: number | null;
    unit: string;
    comparator: string;
    aspirational: boolean;
  };
  latest: { value: number; date: string } | null;
  met: boolean | null;
  metLabel: string;
  trend: { date: string; value: number }[];
}
interface TargetProgress {
  planId: string;
  year: number;
  rows: TargetRow[];
  totals: { targets: number; withActual: number; met: number };
}
interface PointTargets {
  pointId: string;
  repeated: boolean;
  targets: { index: number; text: string; value: number; comparator: string }[];
}
interface ErrorBody {
  code: string;
  message: string;
}

/**
 * Quantitative targets through HTTP, on real PostgreSQL, Redis and a Temporal dev server: targets
 * set on the draft and added by hand, actuals reported with progress and completion, target
 * progress with latest, met and the year's trend, and the remit around all of it.
 */
describe('quantitative targets (目标 / 指标)', () => {
  let stack: E2eStack;
  let pg: Client;
  const tokens: Record<string, string> = {};
  let dept: Record<string, string>;
  let user: Record<string, User>;
  let plan: PlanView;
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));

  const call = <T = unknown>(method: string, path: string, who: string, body?: unknown) =>
    stack.api.request<T>(method, path, tokens[who], body);
  const pointId = (n: number) => plan.points.find((p) => p.number === n)?.id as string;
  const progress = async (who = 'coordinator', query = '') => {
    const res = await call<TargetProgress>('GET', `/plans/${plan.id}/targets${query}`, who);
    expect(res.status).toBe(200);
    return res.body;
  };
  const row = (body: TargetProgress, point: number, index: number) => {
    const found = body.rows.find((r) => r.point.number === point && r.target.index === index);
    if (!found) throw new Error(`no row for point ${point} target ${index}`);
    return found;
  };
  const count = async (sql: string, params: unknown[]) =>
    Number((await pg.query<{ n: string }>(sql, params)).rows[0]?.n);

  beforeAll(async () => {
    stack = await startE2eStack({ apps: ['api', 'worker'] });
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    for (const u of [
      'coordinator',
      'zlglc.staff',
      'zlglc.head',
      'bhc.staff',
      'bhc.head',
      'supervisor.li',
    ])
      tokens[u] = await stack.api.login(u, stack.password);
    const departments = await call<Department[]>('GET', '/departments', 'coordinator');
    dept = Object.fromEntries(departments.body.map((d) => [d.code, d.id]));
    const users = await call<User[]>('GET', '/users', 'coordinator');
    user = Object.fromEntries(users.body.map((u) => [u.username, u]));
    // Actuals reported today must fall in the plan's year: this year, whatever the holiday
    // package knows of it (a year it does not know is confirmed weekends-only).
    for (const y of [year, year + 1])
      if (!(await call<{ known: boolean }>('GET', `/calendar/${y}`, 'coordinator')).body.known)
        await call('POST', '/calendar/overrides', 'coordinator', {
          kind: 'weekends-only',
          year: y,
        });

    const created = await call<PlanView>('POST', '/plans', 'coordinator', {
      title: '量化目标测试计划',
      year,
      points: [
        {
          title: '提升专利侵权纠纷行政裁决效能',
          leadDepartmentId: dept['zlglc'],
          deadline: `${year}-12-31`,
          supervisorId: user['supervisor.li']?.id,
        },
        {
          title: '培育知识产权保护示范企业',
          leadDepartmentId: dept['bhc'],
          deadline: `${year}-12-31`,
          supervisorId: user['supervisor.li']?.id,
        },
      ],
    });
    expect(created.status).toBe(201);
    plan = created.body;

    // Targets as an import would propose them, fixed on the draft…
    const edited = await call('PATCH', `/plans/${plan.id}/points/${pointId(1)}`, 'coordinator', {
      targets: [
        { text: '行政裁决结案不少于30件', value: 30, unit: '件', comparator: '>=' },
        { text: '平均办案周期40天左右', value: 40, unit: '天', comparator: '~' },
      ],
    });
    expect(edited.status).toBe(200);
    // …and one added by hand to a draft point.
    const added = await call<PointTargets>('POST', `/points/${pointId(2)}/targets`, 'coordinator', {
      text: '培育示范企业10-15家',
      value: 10,
      valueMax: 15,
      unit: '家',
      comparator: 'range',
    });
    expect(added.status).toBe(201);
    expect(added.body.targets).toEqual([expect.objectContaining({ index: 0, value: 10 })]);

    const published = await call<{ started: number }>(
      'POST',
      `/plans/${plan.id}/publish`,
      'coordinator',
      {},
    );
    expect(published.body.started).toBe(2);
    const end = Date.now() + 30_000;
    while (
      (await count(
        `SELECT count(*) AS n FROM work_points WHERE plan_id = $1 AND status = 'assigned'`,
        [plan.id],
      )) < 2
    ) {
      if (Date.now() > end) throw new Error('the points were not published');
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const [who, n] of [
      ['zlglc.staff', 1],
      ['bhc.staff', 2],
    ] as const)
      expect(
        (await call('POST', `/points/${pointId(n)}/acknowledge`, who, { requestId: `ack-${n}` }))
          .status,
      ).toBe(200);
  });

  afterAll(async () => {
    await pg?.end();
    await stack?.stop();
  });

  it('takes actuals with progress reports and shows the latest, whether met, and the trend', async () => {
    const before = await progress();
    expect(before.year).toBe(year);
    expect(before.totals).toEqual({ targets: 3, withActual: 0, met: 0 });
    expect(row(before, 1, 0)).toMatchObject({ latest: null, met: null, metLabel: '暂无实际值' });

    const first = await call('POST', `/points/${pointId(1)}/reports`, 'zlglc.staff', {
      requestId: 'rep-1',
      text: '已结案12件，平均周期45天',
      actuals: [
        { target: 0, value: 12 },
        { target: 1, value: 45 },
      ],
    });
    expect(first.status).toBe(200);
    const second = await call('POST', `/points/${pointId(1)}/reports`, 'zlglc.staff', {
      requestId: 'rep-2',
      text: '已结案31件',
      actuals: [{ target: 0, value: 31 }],
    });
    expect(second.status).toBe(200);

    // each actual is a row of its report, at the report's workflow time
    const rows = await pg.query<{
      text: string;
      target_index: number;
      value: string;
      same: boolean;
    }>(
      `SELECT r.text, a.target_index, a.value, a.reported_at = r.created_at AS same
         FROM target_actuals a JOIN progress_reports r ON r.id = a.report_id
        WHERE a.point_id = $1 ORDER BY a.reported_at, a.target_index`,
      [pointId(1)],
    );
    expect(rows.rows).toEqual([
      { text: '已结案12件，平均周期45天', target_index: 0, value: '12', same: true },
      { text: '已结案12件，平均周期45天', target_index: 1, value: '45', same: true },
      { text: '已结案31件', target_index: 0, value: '31', same: true },
    ]);

    const after = await progress();
    expect(after.rows.map((r) => [r.point.number, r.target.index])).toEqual([
      [1, 0],
      [1, 1],
      [2, 0],
    ]);
    expect(row(after, 1, 0)).toEqual({
      point: { id: pointId(1), number: 1, title: '提升专利侵权纠纷行政裁决效能' },
      department: { id: dept['zlglc'], name: '专利管理处' },
      target: {
        index: 0,
        text: '行政裁决结案不少于30件',
        value: 30,
        valueMax: null,
        unit: '件',
        comparator: '>=',
        aspirational: false,
      },
      // 31 ≥ 30: met by the second report, while the first (12) was not
      latest: { value: 31, date: today },
      met: true,
      metLabel: '已达标',
      trend: [
        { date: today, value: 12 },
        { date: today, value: 31 },
      ],
    });
    // 40 ± 5 % is 38 … 42: 45 misses it
    expect(row(after, 1, 1)).toMatchObject({
      latest: { value: 45, date: today },
      met: false,
      metLabel: '未达标',
      trend: [{ date: today, value: 45 }],
    });
    expect(after.totals).toEqual({ targets: 3, withActual: 2, met: 1 });
  });

  it('orders the trend by date and keeps it to the plan’s year, while latest is the newest', async () => {
    // Two earlier reports of point 2 laid into the read model: one last year, one in March.
    const bhcStaff = user['bhc.staff'];
    for (const [requestId, at, value] of [
      ['old-1', `${year - 1}-12-20T02:00:00Z`, 5],
      ['old-2', `${year}-03-15T02:00:00Z`, 8],
    ] as const) {
      const report = await pg.query<{ id: string }>(
        `INSERT INTO progress_reports (point_id, department_id, author_id, kind, text, request_id, created_at)
         VALUES ($1, $2, $3, 'progress', '示范企业培育进展', $4, $5) RETURNING id`,
        [pointId(2), dept['bhc'], bhcStaff?.id, requestId, at],
      );
      await pg.query(
        `INSERT INTO target_actuals (point_id, report_id, target_index, value, reported_at)
         VALUES ($1, $2, 0, $3, $4)`,
        [pointId(2), report.rows[0]?.id, value, at],
      );
    }
    expect(row(await progress(), 2, 0)).toMatchObject({
      latest: { value: 8, date: `${year}-03-15` },
      met: false,
      trend: [{ date: `${year}-03-15`, value: 8 }],
    });

    const reported = await call('POST', `/points/${pointId(2)}/reports`, 'bhc.staff', {
      requestId: 'rep-b1',
      text: '已培育示范企业12家',
      actuals: [{ target: 0, value: 12 }],
    });
    expect(reported.status).toBe(200);
    expect(row(await progress(), 2, 0)).toMatchObject({
      // 10 ≤ 12 ≤ 15
      latest: { value: 12, date: today },
      met: true,
      trend: [
        { date: `${year}-03-15`, value: 8 },
        { date: today, value: 12 },
      ],
    });
  });

  it('refuses actuals that name no target, or one twice, with a Chinese message', async () => {
    const reports = () =>
      count(`SELECT count(*) AS n FROM progress_reports WHERE point_id = $1`, [pointId(1)]);
    const before = await reports();

    const outOfRange = await call<ErrorBody>(
      'POST',
      `/points/${pointId(1)}/reports`,
      'zlglc.staff',
      {
        requestId: 'rep-bad-1',
        text: '报送了不存在的目标',
        actuals: [{ target: 2, value: 1 }],
      },
    );
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.code).toBe('INVALID_INPUT');
    expect(outOfRange.body.message).toBe(
      '第1项的实际值有误：第 1 个实际值的目标序号 2 超出范围：该要点共有 2 项目标（序号 0 到 1）',
    );

    const twice = await call<ErrorBody>('POST', `/points/${pointId(1)}/reports`, 'zlglc.staff', {
      requestId: 'rep-bad-2',
      text: '同一目标报了两次',
      actuals: [
        { target: 0, value: 1 },
        { target: 0, value: 2 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain('目标 0 的实际值重复报送');

    const notANumber = await call<ErrorBody>(
      'POST',
      `/points/${pointId(1)}/reports`,
      'zlglc.staff',
      { requestId: 'rep-bad-3', text: '数值写成了文字', actuals: [{ target: 0, value: '三十' }] },
    );
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.message).toContain('actuals.0.value: 实际值应为数字');
    expect(await reports()).toBe(before);

    // The workflow's validator refuses a malformed shape on its own, whoever sends it.
    const staff = user['zlglc.staff'] as User;
    const direct = stack.temporal.client.workflow
      .getHandle(workPointWorkflowId(plan.id, 1))
      .executeUpdate(reportProgressUpdate, {
        args: [
          {
            requestId: 'rep-direct',
            actor: {
              userId: staff.id,
              displayName: staff.displayName,
              departmentId: staff.departmentId,
              roles: staff.roles,
            },
            text: '绕过接口报送',
            percent: null,
            actuals: [{ target: -1, value: 3 }],
          },
        ],
        updateId: 'rep-direct',
      });
    const failure = await direct.then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((failure as WorkflowUpdateFailedError).cause as Error).message).toBe(
      '实际值有误：第 1 个实际值的目标序号应为从 0 起的整数：-1',
    );
    expect(await reports()).toBe(before);
  });

  it('keeps other departments out: no reporting, no adding, their own targets only', async () => {
    const foreign = await call<ErrorBody>('POST', `/points/${pointId(1)}/reports`, 'bhc.staff', {
      requestId: 'rep-foreign',
      text: '替别的处室报送',
      actuals: [{ target: 0, value: 99 }],
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('NOT_IN_REMIT');

    expect((await call('GET', `/plans/${plan.id}/targets`, 'bhc.staff')).status).toBe(403);
    const own = await progress('bhc.head');
    expect(own.rows.map((r) => [r.point.number, r.department?.name])).toEqual([[2, '保护处']]);
    expect(own.totals).toEqual({ targets: 1, withActual: 1, met: 1 });
    // A filter narrows within the remit: another department's points stay out of it.
    const other = await call<{ rows: unknown[] }>(
      'GET',
      `/plans/${plan.id}/targets?departmentId=${dept['zlglc']}`,
      'bhc.head',
    );
    expect(other.status).toBe(200);
    expect(other.body.rows).toEqual([]);

    const notCoordinator = await call('POST', `/points/${pointId(1)}/targets`, 'zlglc.head', {
      text: '自行添加的目标',
      value: 1,
      unit: '项',
      comparator: '>=',
    });
    expect(notCoordinator.status).toBe(403);
    expect(row(await progress(), 1, 0).latest?.value).toBe(31);
  });

  it('adds a target by hand to a running point: appended, audited once, then reported on', async () => {
    const body = {
      requestId: 'target-1',
      text: '新增专利侵权纠纷快速处理机制超过5个',
      value: 5,
      unit: '个',
      comparator: '>',
    };
    const added = await call<PointTargets>(
      'POST',
      `/points/${pointId(1)}/targets`,
      'coordinator',
      body,
    );
    expect(added.status).toBe(201);
    expect(added.body.repeated).toBe(false);
    expect(added.body.targets.map((t) => [t.index, t.text])).toEqual([
      [0, '行政裁决结案不少于30件'],
      [1, '平均办案周期40天左右'],
      [2, '新增专利侵权纠纷快速处理机制超过5个'],
    ]);
    const again = await call<PointTargets>(
      'POST',
      `/points/${pointId(1)}/targets`,
      'coordinator',
      body,
    );
    expect(again.body.repeated).toBe(true);
    expect(again.body.targets).toHaveLength(3);

    const noUpper = await call<ErrorBody>('POST', `/points/${pointId(1)}/targets`, 'coordinator', {
      text: '区间目标缺上限',
      value: 5,
      unit: '个',
      comparator: 'range',
    });
    expect(noUpper.status).toBe(400);
    expect(noUpper.body.message).toBe('目标有误：区间目标（range）须给出有限的上限 valueMax');
    const badComparator = await call<ErrorBody>(
      'POST',
      `/points/${pointId(1)}/targets`,
      'coordinator',
      {
        text: '比较方式写错',
        value: 5,
        unit: '个',
        comparator: '!=',
      },
    );
    expect(badComparator.status).toBe(400);
    expect(badComparator.body.message).toContain(
      'comparator: 比较方式应为 >=、>、=、<=、<、~、range 之一',
    );

    const audit = await pg.query<{
      actor_name: string;
      comment: string;
      after: { added: unknown };
    }>(
      `SELECT actor_name, comment, after FROM audit_events WHERE point_id = $1 AND event = 'target_added'`,
      [pointId(1)],
    );
    expect(audit.rows).toEqual([
      {
        actor_name: '王敏',
        comment: '新增专利侵权纠纷快速处理机制超过5个',
        after: expect.objectContaining({
          added: { index: 2, text: body.text, value: 5, unit: '个', comparator: '>' },
        }),
      },
    ]);
    const detail = await call<{ timeline: { label: string; actor: { name: string } | null }[] }>(
      'GET',
      `/points/${pointId(1)}`,
      'zlglc.staff',
    );
    expect(detail.body.timeline.at(-1)).toMatchObject({
      label: '添加量化目标',
      actor: { name: '王敏' },
    });

    // The new target takes actuals at once; a completion carries final figures too.
    const reported = await call('POST', `/points/${pointId(1)}/reports`, 'zlglc.staff', {
      requestId: 'rep-3',
      text: '已建立6个快速处理机制',
      actuals: [{ target: 2, value: 6 }],
    });
    expect(reported.status).toBe(200);
    const submitted = await call('POST', `/points/${pointId(1)}/submit`, 'zlglc.staff', {
      requestId: 'sub-1',
      text: '全年任务完成，平均办案周期41天',
      actuals: [{ target: 1, value: 41 }],
    });
    expect(submitted.status).toBe(200);

    const after = await progress();
    expect(row(after, 1, 2)).toMatchObject({ latest: { value: 6, date: today }, met: true });
    // 41 is within 40 ± 2: the completion's figure replaces the report's 45
    expect(row(after, 1, 1)).toMatchObject({
      latest: { value: 41, date: today },
      met: true,
      trend: [
        { date: today, value: 45 },
        { date: today, value: 41 },
      ],
    });
    expect(after.totals).toEqual({ targets: 4, withActual: 4, met: 4 });
    // the dashboard's filters narrow it the same way
    const submittedOnly = await progress('coordinator', '?status=submitted');
    expect(submittedOnly.rows.map((r) => [r.point.number, r.target.index])).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    expect((await progress('coordinator', `?departmentId=${dept['bhc']}`)).totals.targets).toBe(1);
  });
});
