import { randomUUID } from 'node:crypto';
import { isWeekend } from '@workpoints/calendar';

/** Every day of `year`, `YYYY-MM-DD`. */
function daysOf(year: number): string[] {
  const days: string[] = [];
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d.setUTCDate(d.getUTCDate() + 1)
  )
    days.push(d.toISOString().slice(0, 10));
  return days;
}

/**
 * The demo plan `npm start` publishes on a fresh database, so a coordinator can open the
 * dashboard, the ledger, a bulletin and the summary at once: a made-up bureau's work points
 * in the usual shape (chapters, sections, numbered points naming their 牵头单位 and targets),
 * imported through the same pipeline a pasted document takes, assigned, published, and a
 * little work done on it (acknowledged, one report with actuals, one point signed off).
 */
export function demoPlanText(year: number): string {
  return [
    `${year}年市知识产权局工作要点（演示）`,
    '一、强化知识产权创造',
    '（一）提升专利质量',
    '1. 实施高价值专利培育工程，全年新增高价值发明专利超过500件。牵头单位：专利管理处；配合单位：运用促进处。',
    '2. 开展专利代理行业“蓝天”专项整治行动，办结案件不少于30件。牵头单位：专利管理处。',
    '（二）打造商标品牌',
    '3. 推进地理标志运用促进工程，新增地理标志商标10件以上。牵头单位：商标品牌处。',
    '二、加强知识产权保护',
    '4. 推进知识产权行政裁决规范化建设，出台行政裁决工作规程。牵头单位：保护处；配合单位：条法处。',
    '5. 建设知识产权纠纷快速处理中心，调解纠纷200件以上。牵头单位：保护处。',
    '三、优化知识产权服务',
    '6. 建成知识产权公共服务网点20个以上。牵头单位：公共服务处。',
    '7. 编制年度知识产权发展状况报告。牵头单位：办公室。',
    '8. 做好知识产权统计监测，按季度报送统计数据。牵头单位：规划财务处。',
    '9. 加强干部队伍建设，全年开展业务培训4期。牵头单位：人事处。',
  ].join('\n');
}

export interface DemoPlanResult {
  planId: string;
  points: number;
}

interface Api {
  call<T>(method: string, path: string, token: string, body?: unknown): Promise<T>;
  login(username: string): Promise<string>;
}

function api(baseUrl: string, password: string): Api {
  const call = async <T>(method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`demo plan: ${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    call,
    login: async (username) =>
      (await call<{ accessToken: string }>('POST', '/auth/login', '', { username, password }))
        .accessToken,
  };
}

/**
 * Imports, assigns and publishes the demo plan through the API as the demo coordinator, then
 * acts on three points as their departments would. Deadlines are the year's last working
 * days (the publication refuses past ones), two of them sooner so the dashboard has points
 * due soon.
 */
export async function createDemoPlan(
  baseUrl: string,
  password: string,
  opts: { year: number; today: string; say?: (line: string) => void; timeoutMs?: number },
): Promise<DemoPlanResult> {
  const { call, login } = api(baseUrl, password);
  const say = opts.say ?? (() => undefined);
  const coordinator = await login('coordinator');

  say('importing the demo plan …');
  const started = await call<{ id: string }>('POST', '/imports/text', coordinator, {
    text: demoPlanText(opts.year),
    name: '演示计划',
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let planId: string | null = null;
  while (!planId) {
    const job = await call<{ status: string; planId: string | null; error: string | null }>(
      'GET',
      `/imports/${started.id}`,
      coordinator,
    );
    if (job.status === 'failed') throw new Error(`demo plan import failed: ${job.error}`);
    if (job.status === 'succeeded') planId = job.planId;
    else if (Date.now() > deadline) throw new Error('demo plan import did not finish in time');
    else await new Promise((r) => setTimeout(r, 250));
  }

  await call('POST', `/plans/${planId}/apply-suggestions`, coordinator);
  const plan = await call<{
    points: { id: string; number: number; leadDepartmentId: string | null }[];
  }>('GET', `/plans/${planId}`, coordinator);
  const supervisors = await call<{ id: string; username: string }[]>(
    'GET',
    '/users?role=supervisor',
    coordinator,
  );
  const departments = await call<{ id: string; code: string }[]>(
    'GET',
    '/departments',
    coordinator,
  );
  const office = departments.find((d) => d.code === 'bgs')?.id;
  const calendar = await call<{ known: boolean; holidays: string[]; workdays: string[] }>(
    'GET',
    `/calendar/${opts.year}`,
    coordinator,
  );
  const workdays = daysOf(opts.year).filter(
    (d) =>
      d > opts.today &&
      (calendar.workdays.includes(d) || (!isWeekend(d) && !calendar.holidays.includes(d))),
  );
  const yearEnd = workdays.at(-1) ?? `${opts.year}-12-31`;
  const soon = (n: number) => workdays[Math.min(n, workdays.length - 1)] ?? yearEnd;
  for (const p of plan.points)
    await call('PATCH', `/plans/${planId}/points/${p.id}`, coordinator, {
      ...(p.leadDepartmentId ? {} : { leadDepartmentId: office }),
      deadline: p.number === 5 ? soon(3) : p.number === 6 ? soon(8) : yearEnd,
      supervisorId: supervisors[p.number % Math.max(supervisors.length, 1)]?.id,
    });
  await call('POST', `/plans/${planId}/publish`, coordinator, {});
  say(`published the demo plan: ${plan.points.length} points`);

  // A little work done, so the ledger, bulletin and summary have something to say.
  const { items: points } = await call<{
    items: { id: string; number: number; leadDepartmentId: string; supervisorId: string }[];
  }>('GET', `/points?planId=${planId}`, coordinator);
  const act = async (number: number, steps: [string, string, Record<string, unknown>][]) => {
    const point = points.find((p) => p.number === number);
    if (!point) return;
    const code = departments.find((d) => d.id === point.leadDepartmentId)?.code;
    const supervisor = supervisors.find((s) => s.id === point.supervisorId)?.username;
    for (const [who, action, body] of steps) {
      const token = await login(who === 'supervisor' ? (supervisor ?? '') : `${code}.${who}`);
      await call('POST', `/points/${point.id}/${action}`, token, {
        requestId: randomUUID(),
        ...body,
      });
    }
  };
  await act(1, [
    ['staff', 'acknowledge', {}],
    [
      'staff',
      'reports',
      {
        text: '已完成第一批培育项目遴选，入库项目42个，新增高价值发明专利236件。',
        percent: 45,
        actuals: [{ target: 0, value: 236 }],
      },
    ],
  ]);
  await act(7, [
    ['staff', 'acknowledge', {}],
    ['staff', 'submit', { text: '年度发展状况报告已编制完成并经局务会审议通过，已公开发布。' }],
    ['head', 'approve', { comment: '同意' }],
    ['supervisor', 'approve', { comment: '同意办结' }],
  ]);
  await act(4, [['staff', 'acknowledge', {}]]);
  return { planId: planId as string, points: plan.points.length };
}
