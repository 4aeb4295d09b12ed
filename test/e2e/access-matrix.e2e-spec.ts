import type { Actor, PointParties } from '@workpoints/contracts';
import {
  ACCESS_POLICY,
  type AccessEntry,
  canViewPlan,
  inRemit,
  mayCall,
  remitOf,
} from '@workpoints/domain';
import { type E2eStack, startE2eStack } from '@workpoints/testing';
import ExcelJS from 'exceljs';
import { Client } from 'pg';

/**
 * The authorization matrix, generated from the access policy (`ACCESS_POLICY`): every route ×
 * every caller (each role, a signed-in account with no role and no department, and nobody) ×
 * every relation of the object to the caller (a point their department leads, co-operates on,
 * another department's, one they supervise, a draft's; their own record or someone else's; a
 * published plan or a draft), against the real stack. The expected answer comes from the entry
 * and the rules it names, in the order the policy documents: 401, then the role (403), then
 * what the caller may not know exists (404), then the scope (403); otherwise granted — 2xx, or
 * for lifecycle actions 409 when the point's state does not allow it (the turn is the
 * lifecycle's, proven in lifecycle.e2e). Refusals must change nothing: the database is the
 * same, row for row, before and after them.
 *
 * The policy and the scenarios below must name the same routes, and the API refuses to start
 * while a route lacks an entry: a route added without an entry, or an entry removed, fails here.
 */

type Caller = 'admin' | 'coordinator' | 'staff' | 'head' | 'supervisor' | 'none' | 'anonymous';
const CALLERS: readonly Caller[] = [
  'admin',
  'coordinator',
  'staff',
  'head',
  'supervisor',
  'none',
  'anonymous',
];
const USERNAMES: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: 'admin',
  coordinator: 'coordinator',
  staff: 'zlglc.staff',
  head: 'zlglc.head',
  supervisor: 'supervisor.zhang',
  none: 'matrix.norole',
};

/** The fixture points, by how they relate to the staff, head and supervisor above. */
type PointKey = 'lead' | 'co' | 'other' | 'supervised' | 'draft';
const POINT_KEYS: readonly PointKey[] = ['lead', 'co', 'other', 'supervised', 'draft'];

type Relation =
  | { kind: 'none' }
  | { kind: 'plan'; plan: 'published' | 'draft' }
  /** `hidden`: the object hangs off the point and is unknown outside its remit (404). */
  | { kind: 'point'; point: PointKey; hidden?: true }
  | { kind: 'own' }
  /** Someone else's record; `admins`: admins may read it anyway. */
  | { kind: 'others'; admins?: true };

interface Req {
  method: string;
  /** Under /api, or from the origin when `origin`. */
  path: string;
  json?: unknown;
  form?: () => FormData;
  /** A stream: only the status is read. */
  stream?: true;
  origin?: true;
  /** Sent as they are (a refresh cookie; a fresh session's own token). */
  headers?: Record<string, string>;
}

interface CaseContext {
  caller: Caller;
  /** Unique per case, for names and request ids. */
  n: number;
  /** Whether the policy grants the call: only then may the request create what it needs. */
  granted: boolean;
}

interface Target {
  on: Relation;
  request: (c: CaseContext) => Req | Promise<Req>;
}

interface Scenario {
  targets: Target[];
  /** A granted call may answer 409: the lifecycle's turn or the plan's state. */
  turn?: true;
  /** Run after every other granted write (it closes points others still act on). */
  last?: true;
  /** It ends the caller's own sessions: run after everything else the caller does. */
  endsSession?: true;
  /** A granted call may answer 404: the feature is not configured in this stack (SSO). */
  unconfigured?: true;
}

type Expected = 'granted' | 401 | 403 | 404;

interface Case {
  entry: AccessEntry;
  scenario: Scenario;
  target: Target;
  caller: Caller;
  expected: Expected;
  n: number;
}

interface Answer {
  status: number;
  body: unknown;
}

const year = new Date().getFullYear() + 1;
/** Requests in flight at once: enough to keep two cores busy, few enough to stay fair. */
const BATCH = 8;

describe('access matrix (访问策略)', () => {
  let stack: E2eStack;
  let pg: Client;
  const tokens: Partial<Record<Caller, string>> = {};
  const actors: Partial<Record<Caller, Actor>> = {};
  let dept: Record<string, string>;
  let user: Record<string, string>;
  let planId: string;
  let draftId: string;
  let chapterId: string;
  /** Main points (lifecycle actions) and their twins for the coordinator's steering. */
  const points = {} as Record<PointKey, string>;
  const spare = {} as Record<PointKey, string>;
  const parties = {} as Record<PointKey, PointParties>;
  const numbers = {} as Record<PointKey, number>;
  const attachments = {} as Record<PointKey, string>;
  const inboxItems: Partial<Record<Caller | 'other', string>> = {};
  const exportsOf: Partial<Record<Caller | 'other', string>> = {};
  let importId: string;
  let deadNotification: string;
  let ruleId: string;
  let overrideId: string;
  const month = `${year}-01`;
  let counter = 0;

  const origin = () => stack.api.baseUrl.replace(/\/api$/, '');

  async function send(req: Req, token?: string): Promise<Answer> {
    const controller = new AbortController();
    const res = await fetch(`${req.origin ? origin() : stack.api.baseUrl}${req.path}`, {
      method: req.method,
      signal: controller.signal,
      redirect: 'manual',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(req.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...req.headers,
      },
      ...(req.json === undefined ? {} : { body: JSON.stringify(req.json) }),
      ...(req.form ? { body: req.form() } : {}),
    });
    if (req.stream && res.ok) {
      controller.abort();
      return { status: res.status, body: null };
    }
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // a file or a page: the status is what counts
    }
    return { status: res.status, body };
  }

  const as = async <T = unknown>(
    who: Caller | string,
    method: string,
    path: string,
    json?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const token = tokens[who as Caller] ?? (await stack.api.login(who, stack.password));
    return (await send({ method, path, ...(json === undefined ? {} : { json }) }, token)) as {
      status: number;
      body: T;
    };
  };
  const ok = async <T = unknown>(
    who: Caller | string,
    method: string,
    path: string,
    json?: unknown,
  ): Promise<T> => {
    const res = await as<T>(who, method, path, json);
    if (res.status >= 300)
      throw new Error(`${who} ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const file = (name: string, text: string) => () => {
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/plain' }), name);
    return form;
  };

  async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 200; i += 1) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async function insertInboxItem(userId: string): Promise<string> {
    const n = await pg.query<{ id: string }>(
      `INSERT INTO notifications (point_id, kind, occasion, recipient_key, user_id, channel, context,
         not_before, status, created_at, sent_at)
       VALUES ($1, 'assigned', $2, $3, $4, 'inbox', '{}'::jsonb, now(), 'sent', now(), now())
       RETURNING id`,
      [points.lead, `matrix-${userId}`, `user:${userId}`, userId],
    );
    const i = await pg.query<{ id: string }>(
      `INSERT INTO inbox_items (notification_id, user_id, point_id, kind, title, text, link, created_at)
       VALUES ($1, $2, $3, 'assigned', '矩阵测试消息', '矩阵测试消息正文', '/points', now()) RETURNING id`,
      [n.rows[0]?.id, userId, points.lead],
    );
    return i.rows[0]?.id as string;
  }

  async function insertDeadNotification(): Promise<string> {
    const res = await pg.query<{ id: string }>(
      `INSERT INTO notifications (point_id, kind, occasion, recipient_key, user_id, channel, context,
         not_before, status, attempts, last_error, created_at)
       VALUES ($1, 'assigned', $2, $3, $4, 'inbox', '{}'::jsonb, now(), 'dead', 5, '矩阵测试', now())
       RETURNING id`,
      [points.lead, `matrix-dead-${counter++}`, `user:${user['zlglc.staff']}`, user['zlglc.staff']],
    );
    return res.rows[0]?.id as string;
  }

  /** A new draft plan of one assigned point, for a publication that must succeed. */
  async function freshDraft(n: number): Promise<string> {
    const plan = await ok<{ id: string }>('coordinator', 'POST', '/plans', {
      title: `矩阵测试发布计划${n}`,
      year,
      points: [
        {
          title: `矩阵测试发布要点${n}`,
          leadDepartmentId: dept['zlglc'],
          deadline: `${year}-06-30`,
          supervisorId: user['supervisor.zhang'],
        },
      ],
    });
    return plan.id;
  }

  async function addDraftPoint(title: string, text = '一句话。'): Promise<string> {
    return (
      await ok<{ id: string }>('coordinator', 'POST', `/plans/${draftId}/points`, { title, text })
    ).id;
  }

  // ---------------------------------------------------------------- the scenarios, by route

  const none: Relation = { kind: 'none' };
  const at = (path: string, method = 'GET', json?: unknown): Target => ({
    on: none,
    request: () => ({ method, path, ...(json === undefined ? {} : { json }) }),
  });
  const onPlans = (
    method: string,
    tail: string,
    json?: (c: CaseContext) => unknown,
    which: ('published' | 'draft')[] = ['published', 'draft'],
  ): Target[] =>
    which.map((plan) => ({
      on: { kind: 'plan', plan },
      request: (c) => ({
        method,
        path: `/plans/${plan === 'draft' ? draftId : planId}${tail}`,
        ...(json ? { json: json(c) } : {}),
      }),
    }));
  const onPoints = (
    method: string,
    tail: string,
    json?: (c: CaseContext) => unknown,
    set: 'main' | 'spare' = 'main',
  ): Target[] =>
    POINT_KEYS.map((point) => ({
      on: { kind: 'point', point },
      request: (c) => ({
        method,
        path: `/points/${set === 'spare' && point !== 'draft' ? spare[point] : points[point]}${tail}`,
        ...(json ? { json: json(c) } : {}),
      }),
    }));
  const rid = (c: CaseContext) => `matrix-${c.n}`;

  /** A sign-in of its own: the access token and the refresh cookie it sets. */
  const freshSession = async (username: string): Promise<{ token: string; cookie: string }> => {
    const res = await fetch(`${stack.api.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: stack.password }),
    });
    if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { accessToken: string };
    const cookie = (
      res.headers.getSetCookie().find((c) => c.startsWith('wp_refresh=')) ?? ''
    ).split(';')[0] as string;
    return { token: body.accessToken, cookie };
  };
  /** An account of the granted case's own, for the admin's account actions. */
  const throwawayUser = async (c: CaseContext, then?: string): Promise<string> => {
    const created = await ok<{ id: string }>('admin', 'POST', '/users', {
      username: `matrix.account${c.n}`,
      displayName: `矩阵账号${c.n}`,
      password: `Matrix-${c.n}-river-lantern-quiet`,
      departmentId: dept['bhc'],
      roles: ['staff'],
    });
    if (then) await ok('admin', 'POST', `/users/${created.id}/${then}`);
    return created.id;
  };
  const onAccount = (method: string, tail: string, json?: unknown, then?: string): Target => ({
    on: none,
    request: async (c) => ({
      method,
      path: `/users/${c.granted ? await throwawayUser(c, then) : user['zlglc.staff']}${tail}`,
      ...(json === undefined ? {} : { json }),
    }),
  });

  const scenarios = (): Record<string, Scenario> => ({
    'POST /api/auth/login': {
      targets: [at('/auth/login', 'POST', { username: 'zlglc.staff', password: stack.password })],
    },
    'POST /api/auth/refresh': {
      targets: [
        {
          on: none,
          request: async () => ({
            method: 'POST',
            path: '/auth/refresh',
            headers: { cookie: (await freshSession('bhc.staff')).cookie },
          }),
        },
      ],
    },
    'POST /api/auth/logout': {
      targets: [
        {
          on: none,
          // The session signed out is a fresh one of its own, never the caller's: logout ends the
          // session of the token or cookie it is sent with.
          request: async () => {
            const fresh = await freshSession('sbppc.staff');
            return {
              method: 'POST',
              path: '/auth/logout',
              headers: { cookie: fresh.cookie, authorization: `Bearer ${fresh.token}` },
            };
          },
        },
      ],
    },
    'GET /api/auth/options': { targets: [at('/auth/options')] },
    // No identity platform is configured in this stack: the routes answer, and say so (404).
    'GET /api/auth/oidc/start': { targets: [at('/auth/oidc/start')], unconfigured: true },
    'GET /api/auth/oidc/callback': {
      targets: [at('/auth/oidc/callback?code=matrix&state=matrix')],
      unconfigured: true,
    },
    'POST /api/auth/password': {
      targets: [
        {
          on: { kind: 'own' },
          request: (c) => ({
            method: 'POST',
            path: '/auth/password',
            json: {
              currentPassword: stack.password,
              newPassword: `Matrix-${c.n}-river-lantern-quiet`,
            },
          }),
        },
      ],
      last: true,
    },
    'GET /api/auth/sessions': { targets: [at('/auth/sessions')] },
    'DELETE /api/auth/sessions/:sessionId': {
      targets: [
        {
          on: { kind: 'own' },
          request: async (c) => {
            if (!c.granted || c.caller === 'anonymous')
              return {
                method: 'DELETE',
                path: '/auth/sessions/00000000-0000-4000-8000-00000000000e',
              };
            // A second session of the caller's, ended from the matrix's session.
            const second = await freshSession(USERNAMES[c.caller]);
            const listed = await send({ method: 'GET', path: '/auth/sessions' }, second.token);
            const id = (listed.body as { id: string; current: boolean }[]).find(
              (x) => x.current,
            )?.id;
            return { method: 'DELETE', path: `/auth/sessions/${id}` };
          },
        },
      ],
    },
    'POST /api/auth/tickets': {
      targets: [at('/auth/tickets', 'POST', { purpose: 'inbox-stream' })],
    },
    'POST /api/auth/logout-all': {
      targets: [
        { on: { kind: 'own' }, request: () => ({ method: 'POST', path: '/auth/logout-all' }) },
      ],
      endsSession: true,
    },
    'GET /api/me': { targets: [at('/me')] },
    'GET /api/health': { targets: [at('/health')] },
    'GET /api/departments': { targets: [at('/departments')] },
    'GET /api/departments/tree': { targets: [at('/departments/tree')] },
    'POST /api/departments': {
      targets: [
        {
          on: none,
          request: (c) => ({
            method: 'POST',
            path: '/departments',
            json: { code: `matrix-${c.n}`, name: `矩阵测试处${c.n}`, parentId: dept['bureau'] },
          }),
        },
      ],
    },
    'GET /api/departments/:id/robots': { targets: [at(`/departments/${dept['zlglc']}/robots`)] },
    'GET /api/departments/:id/robots/:channel': {
      targets: [at(`/departments/${dept['zlglc']}/robots/wecom`)],
    },
    'PUT /api/departments/:id/robots/:channel': {
      targets: [
        at(`/departments/${dept['zlglc']}/robots/dingtalk`, 'PUT', {
          webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=matrix',
        }),
      ],
    },
    'DELETE /api/departments/:id/robots/:channel': {
      targets: [
        {
          on: none,
          request: async (c) => {
            // A granted deletion takes a robot of its own; a refused one aims at the fixture's.
            if (!c.granted)
              return { method: 'DELETE', path: `/departments/${dept['zlglc']}/robots/wecom` };
            const created = await ok<{ id: string }>('admin', 'POST', '/departments', {
              code: `matrix-robot-${c.n}`,
              name: `矩阵测试机器人处${c.n}`,
              parentId: dept['bureau'],
            });
            await ok('admin', 'PUT', `/departments/${created.id}/robots/feishu`, {
              webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/matrix',
            });
            return { method: 'DELETE', path: `/departments/${created.id}/robots/feishu` };
          },
        },
      ],
    },
    'GET /api/users': { targets: [at('/users')] },
    'PATCH /api/users/:userId': { targets: [onAccount('PATCH', '', { displayName: '矩阵改名' })] },
    'POST /api/users/:userId/deactivate': { targets: [onAccount('POST', '/deactivate')] },
    'POST /api/users/:userId/reactivate': {
      targets: [onAccount('POST', '/reactivate', undefined, 'deactivate')],
    },
    'POST /api/users/:userId/reset-password': { targets: [onAccount('POST', '/reset-password')] },
    'POST /api/users/:userId/unlock': { targets: [onAccount('POST', '/unlock')] },
    'POST /api/users/:userId/sessions/revoke': { targets: [onAccount('POST', '/sessions/revoke')] },
    'GET /api/security-events': { targets: [at('/security-events?kind=refused')] },
    'GET /api/security-events/export': { targets: [at('/security-events/export')] },
    'GET /api/security-settings': { targets: [at('/security-settings')] },
    'PUT /api/security-settings': {
      targets: [
        {
          on: none,
          request: async () => ({
            method: 'PUT',
            path: '/security-settings',
            json: await ok<Record<string, unknown>>('admin', 'GET', '/security-settings').then(
              ({ updatedAt: _at, updatedByName: _by, ...settings }) => settings,
            ),
          }),
        },
      ],
    },
    'POST /api/users': {
      targets: [
        {
          on: none,
          request: (c) => ({
            method: 'POST',
            path: '/users',
            json: {
              username: `matrix.user${c.n}`,
              displayName: `矩阵用户${c.n}`,
              password: 'matrix-password-1',
              departmentId: dept['zlglc'],
              roles: ['staff'],
            },
          }),
        },
      ],
    },
    'GET /api/calendar/:year': { targets: [at(`/calendar/${year}`)] },
    'POST /api/calendar/overrides': {
      targets: [
        {
          on: none,
          request: (c) => ({
            method: 'POST',
            path: '/calendar/overrides',
            json: {
              kind: 'holiday',
              date: `${year}-11-${String(2 + (c.n % 27)).padStart(2, '0')}`,
              note: '矩阵测试',
            },
          }),
        },
      ],
    },
    'DELETE /api/calendar/overrides/:overrideId': {
      targets: [
        {
          on: none,
          request: async (c) => {
            if (!c.granted) return { method: 'DELETE', path: `/calendar/overrides/${overrideId}` };
            const created = await ok<{ id: string }>('coordinator', 'POST', '/calendar/overrides', {
              kind: 'holiday',
              date: `${year}-12-${String(2 + (c.n % 27)).padStart(2, '0')}`,
              note: '矩阵测试待删',
            });
            return { method: 'DELETE', path: `/calendar/overrides/${created.id}` };
          },
        },
      ],
    },
    'GET /api/department-rules': { targets: [at('/department-rules')] },
    'POST /api/department-rules': {
      targets: [
        {
          on: none,
          request: (c) => ({
            method: 'POST',
            path: '/department-rules',
            json: { keyword: `矩阵关键词${c.n}`, departmentId: dept['zlglc'] },
          }),
        },
      ],
    },
    'DELETE /api/department-rules/:ruleId': {
      targets: [
        {
          on: none,
          request: async (c) => {
            if (!c.granted) return { method: 'DELETE', path: `/department-rules/${ruleId}` };
            const created = await ok<{ id: string }>('coordinator', 'POST', '/department-rules', {
              keyword: `矩阵待删${c.n}`,
              departmentId: dept['zlglc'],
            });
            return { method: 'DELETE', path: `/department-rules/${created.id}` };
          },
        },
      ],
    },
    'POST /api/imports': {
      targets: [
        {
          on: none,
          request: (c) => ({
            method: 'POST',
            path: '/imports',
            form: file(`matrix-${c.n}.txt`, '一、矩阵测试\n1. 上传的要点。'),
          }),
        },
      ],
    },
    'POST /api/imports/text': {
      targets: [at('/imports/text', 'POST', { text: '一、矩阵测试\n1. 粘贴的要点。', year })],
    },
    'GET /api/imports': { targets: [at('/imports')] },
    'GET /api/imports/:importId': { targets: [at(`/imports/${importId}`)] },
    'GET /api/imports/:importId/file': { targets: [at(`/imports/${importId}/file`)] },
    'GET /api/plans': { targets: [at('/plans')] },
    'POST /api/plans': {
      targets: [
        {
          on: none,
          request: (c) => ({
            method: 'POST',
            path: '/plans',
            json: { title: `矩阵测试新计划${c.n}`, year, points: [{ title: '新计划的要点' }] },
          }),
        },
      ],
    },
    'GET /api/plans/:planId': { targets: onPlans('GET', '') },
    'PATCH /api/plans/:planId': {
      targets: onPlans('PATCH', '', () => ({ policy: { reportDay: 20 } }), ['draft']),
    },
    'PATCH /api/plans/:planId/points/:pointId': {
      targets: [
        {
          on: { kind: 'plan', plan: 'draft' },
          request: (c) => ({
            method: 'PATCH',
            path: `/plans/${draftId}/points/${points.draft}`,
            json: { text: `矩阵测试修改${c.n}。` },
          }),
        },
      ],
    },
    'POST /api/plans/:planId/points': {
      targets: onPlans('POST', '/points', (c) => ({ title: `矩阵新增${c.n}` }), ['draft']),
    },
    'DELETE /api/plans/:planId/points/:pointId': {
      targets: [
        {
          on: { kind: 'plan', plan: 'draft' },
          request: async (c) => ({
            method: 'DELETE',
            path: `/plans/${draftId}/points/${c.granted ? await addDraftPoint(`矩阵待删${c.n}`) : points.draft}`,
          }),
        },
      ],
    },
    'POST /api/plans/:planId/points/:pointId/merge': {
      targets: [
        {
          on: { kind: 'plan', plan: 'draft' },
          request: async (c) => {
            if (!c.granted)
              return {
                method: 'POST',
                path: `/plans/${draftId}/points/${points.draft}/merge`,
                json: { pointId: points.draft },
              };
            const into = await addDraftPoint(`矩阵合并甲${c.n}`);
            const from = await addDraftPoint(`矩阵合并乙${c.n}`);
            return {
              method: 'POST',
              path: `/plans/${draftId}/points/${into}/merge`,
              json: { pointId: from },
            };
          },
        },
      ],
    },
    'POST /api/plans/:planId/points/:pointId/split': {
      targets: [
        {
          on: { kind: 'plan', plan: 'draft' },
          request: async (c) => ({
            method: 'POST',
            path: `/plans/${draftId}/points/${
              c.granted ? await addDraftPoint(`矩阵拆分${c.n}`, '第一句。第二句。') : points.draft
            }/split`,
            json: { atSentence: 2 },
          }),
        },
      ],
    },
    'PATCH /api/plans/:planId/nodes/:nodeId': {
      targets: [
        {
          on: { kind: 'plan', plan: 'draft' },
          request: (c) => ({
            method: 'PATCH',
            path: `/plans/${draftId}/nodes/${chapterId}`,
            json: { title: `矩阵测试章${c.n}` },
          }),
        },
      ],
    },
    'POST /api/plans/:planId/apply-suggestions': {
      targets: onPlans('POST', '/apply-suggestions', undefined, ['draft']),
    },
    'POST /api/plans/:planId/publish': {
      targets: [
        {
          on: { kind: 'plan', plan: 'draft' },
          request: async (c) => ({
            method: 'POST',
            path: `/plans/${c.granted ? await freshDraft(c.n) : draftId}/publish`,
            json: {},
          }),
        },
      ],
    },

    'GET /api/points': { targets: [at('/points?q=矩阵')] },
    'GET /api/points/:pointId': { targets: onPoints('GET', '') },
    'GET /api/points/:pointId/state': { targets: onPoints('GET', '/state'), turn: true },
    'POST /api/points/:pointId/acknowledge': {
      targets: onPoints('POST', '/acknowledge', (c) => ({ requestId: rid(c) })),
      turn: true,
    },
    'POST /api/points/:pointId/reports': {
      targets: onPoints('POST', '/reports', (c) => ({ requestId: rid(c), text: '矩阵测试进展' })),
      turn: true,
    },
    'POST /api/points/:pointId/submit': {
      targets: onPoints('POST', '/submit', (c) => ({ requestId: rid(c), text: '矩阵测试办结' })),
      turn: true,
    },
    'POST /api/points/:pointId/approve': {
      targets: onPoints('POST', '/approve', (c) => ({ requestId: rid(c) })),
      turn: true,
    },
    'POST /api/points/:pointId/return': {
      targets: onPoints('POST', '/return', (c) => ({ requestId: rid(c), comment: '矩阵退回' })),
      turn: true,
    },
    'POST /api/points/:pointId/contributions': {
      targets: onPoints('POST', '/contributions', (c) => ({ requestId: rid(c), text: '配合材料' })),
      turn: true,
    },
    'POST /api/points/:pointId/extension-requests': {
      targets: onPoints('POST', '/extension-requests', (c) => ({
        requestId: rid(c),
        deadline: `${year}-09-30`,
        reason: '矩阵测试延期',
      })),
      turn: true,
    },
    'POST /api/points/:pointId/extension-requests/decision': {
      targets: onPoints('POST', '/extension-requests/decision', (c) => ({
        requestId: rid(c),
        approve: false,
        comment: '矩阵测试不同意',
      })),
      turn: true,
    },
    'POST /api/points/:pointId/suspend': {
      targets: onPoints(
        'POST',
        '/suspend',
        (c) => ({ requestId: rid(c), reason: '矩阵暂停' }),
        'spare',
      ),
      turn: true,
    },
    'POST /api/points/:pointId/resume': {
      targets: onPoints('POST', '/resume', (c) => ({ requestId: rid(c) }), 'spare'),
      turn: true,
    },
    'POST /api/points/:pointId/cancel': {
      targets: onPoints(
        'POST',
        '/cancel',
        (c) => ({ requestId: rid(c), reason: '矩阵取消' }),
        'spare',
      ),
      turn: true,
      last: true,
    },
    'POST /api/points/:pointId/reassign': {
      targets: onPoints(
        'POST',
        '/reassign',
        (c) => ({
          requestId: rid(c),
          leadDepartmentId: dept['ggfwc'],
          coDepartmentIds: [],
          supervisorId: user['supervisor.li'],
          reason: '矩阵调整',
        }),
        'spare',
      ),
      turn: true,
    },
    'PUT /api/points/:pointId/deadline': {
      targets: onPoints(
        'PUT',
        '/deadline',
        (c) => ({ requestId: rid(c), deadline: `${year}-07-31`, reason: '矩阵调整时限' }),
        'spare',
      ),
      turn: true,
    },
    'PUT /api/points/:pointId/policy': {
      targets: onPoints(
        'PUT',
        '/policy',
        (c) => ({ requestId: rid(c), policy: { reportDay: 15 }, reason: '矩阵调整规则' }),
        'spare',
      ),
      turn: true,
    },
    'POST /api/points/:pointId/urge': {
      targets: onPoints('POST', '/urge', (c) => ({ requestId: rid(c), message: '矩阵催办' })),
      turn: true,
    },
    'POST /api/points/:pointId/targets': {
      targets: onPoints('POST', '/targets', (c) => ({
        requestId: rid(c),
        text: '矩阵目标',
        value: 1,
        unit: '项',
        comparator: '>=',
      })),
      // A closed point (the lifecycle cases complete one) takes no more targets.
      turn: true,
    },
    'POST /api/points/:pointId/attachments': {
      targets: POINT_KEYS.map((point) => ({
        on: { kind: 'point', point },
        request: (c) => ({
          method: 'POST',
          path: `/points/${points[point]}/attachments`,
          form: file(`矩阵附件${c.n}.txt`, '佐证材料'),
        }),
      })),
    },
    'GET /api/points/:pointId/attachments': { targets: onPoints('GET', '/attachments') },
    'GET /api/attachments/:attachmentId/file': {
      targets: POINT_KEYS.map((point) => ({
        on: { kind: 'point', point, hidden: true },
        request: () => ({ method: 'GET', path: `/attachments/${attachments[point]}/file` }),
      })),
    },
    'GET /api/points/:pointId/notifications': { targets: onPoints('GET', '/notifications') },
    'GET /api/me/todo': { targets: [at('/me/todo')] },

    'GET /api/plans/:planId/dashboard': { targets: onPlans('GET', '/dashboard') },
    'GET /api/plans/:planId/ledger.xlsx': { targets: onPlans('GET', '/ledger.xlsx') },
    'GET /api/plans/:planId/summary.docx': {
      targets: onPlans('GET', '/summary.docx?period=half-year'),
    },
    'GET /api/plans/:planId/targets': { targets: onPlans('GET', '/targets') },
    'POST /api/plans/:planId/exports': {
      targets: onPlans('POST', '/exports', () => ({ kind: 'ledger' })),
    },
    'GET /api/exports/:exportId': {
      targets: [
        {
          on: { kind: 'own' },
          request: (c) => ({
            method: 'GET',
            path: `/exports/${exportsOf[c.caller] ?? exportsOf.other}`,
          }),
        },
        {
          on: { kind: 'others', admins: true },
          request: () => ({ method: 'GET', path: `/exports/${exportsOf.other}` }),
        },
      ],
    },
    'GET /api/exports/:exportId/file': {
      targets: [
        {
          on: { kind: 'own' },
          request: (c) => ({
            method: 'GET',
            path: `/exports/${exportsOf[c.caller] ?? exportsOf.other}/file`,
          }),
        },
        {
          on: { kind: 'others', admins: true },
          request: () => ({ method: 'GET', path: `/exports/${exportsOf.other}/file` }),
        },
      ],
    },
    'GET /api/plans/:planId/bulletins': { targets: onPlans('GET', '/bulletins') },
    'POST /api/plans/:planId/bulletins/:month': {
      targets: onPlans('POST', `/bulletins/${month}`, undefined, ['published']),
    },
    'GET /api/plans/:planId/bulletins/:month': {
      targets: onPlans('GET', `/bulletins/${month}`, undefined, ['published']),
    },
    'GET /api/plans/:planId/bulletins/:month/bulletin.docx': {
      targets: onPlans('GET', `/bulletins/${month}/bulletin.docx`, undefined, ['published']),
    },
    'GET /api/plans/:planId/score-rules': { targets: onPlans('GET', '/score-rules') },
    'PUT /api/plans/:planId/score-rules': {
      targets: onPlans('PUT', '/score-rules', () => ({ base: 90 }), ['published']),
    },

    'GET /api/inbox': { targets: [at('/inbox')] },
    'GET /api/inbox/unread-count': { targets: [at('/inbox/unread-count')] },
    'GET /api/inbox/stream': {
      targets: [
        { on: none, request: () => ({ method: 'GET', path: '/inbox/stream', stream: true }) },
      ],
    },
    'POST /api/inbox/read-all': { targets: [at('/inbox/read-all', 'POST')] },
    'POST /api/inbox/:id/read': {
      targets: [
        {
          on: { kind: 'own' },
          request: (c) => ({
            method: 'POST',
            path: `/inbox/${inboxItems[c.caller] ?? inboxItems.other}/read`,
          }),
        },
        {
          on: { kind: 'others' },
          request: () => ({ method: 'POST', path: `/inbox/${inboxItems.other}/read` }),
        },
      ],
    },
    'GET /api/users/me/notification-preferences': {
      targets: [at('/users/me/notification-preferences')],
    },
    'PUT /api/users/me/notification-preferences': {
      targets: [at('/users/me/notification-preferences', 'PUT', { channels: ['inbox'] })],
    },
    'PUT /api/users/me/email': {
      targets: [at('/users/me/email', 'PUT', { email: 'matrix@example.org' })],
    },
    'GET /api/users/me/notifications': { targets: [at('/users/me/notifications')] },
    'GET /api/users/:id/notifications': {
      targets: [at(`/users/${user['zlglc.staff']}/notifications`)],
    },
    'GET /api/admin/notifications': { targets: [at('/admin/notifications?status=dead')] },
    'POST /api/admin/notifications/:id/retry': {
      targets: [
        {
          on: none,
          request: async (c) => ({
            method: 'POST',
            path: `/admin/notifications/${c.granted ? await insertDeadNotification() : deadNotification}/retry`,
          }),
        },
      ],
    },

    'ALL /api/admin/queues/{*path}': {
      targets: [
        { on: none, request: () => ({ method: 'GET', path: '/api/admin/queues', origin: true }) },
      ],
    },
    'GET /api/docs': {
      targets: [{ on: none, request: () => ({ method: 'GET', path: '/api/docs', origin: true }) }],
    },
    'GET /api/docs-json': {
      targets: [
        { on: none, request: () => ({ method: 'GET', path: '/api/docs-json', origin: true }) },
      ],
    },
    'GET /{*path}': {
      targets: [{ on: none, request: () => ({ method: 'GET', path: '/plans', origin: true }) }],
    },
  });

  // ------------------------------------------------------------- the expected answer

  /** What the lifecycle names as the party of an action (decide() of libs/domain). */
  function partyAllows(entry: AccessEntry, actor: Actor, p: PointParties): boolean {
    const member = actor.roles.includes('staff') || actor.roles.includes('head');
    const dept = actor.departmentId;
    switch (entry.scope) {
      case 'lead':
        return member && dept === p.leadDepartmentId;
      case 'co':
        return member && dept !== null && p.coDepartmentIds.includes(dept);
      case 'party':
        return (
          actor.roles.includes('coordinator') ||
          (member &&
            dept !== null &&
            (dept === p.leadDepartmentId || p.coDepartmentIds.includes(dept)))
        );
      case 'signer':
        return (
          (actor.roles.includes('head') && dept === p.leadDepartmentId) ||
          (actor.roles.includes('supervisor') && actor.userId === p.supervisorId)
        );
      case 'supervisor':
        return actor.roles.includes('supervisor') && actor.userId === p.supervisorId;
      case 'none':
      case 'office':
      case 'remit':
      case 'self':
        return true;
    }
  }

  function expectedAnswer(entry: AccessEntry, caller: Caller, on: Relation): Expected {
    if (entry.who === 'public') return 'granted';
    const actor = actors[caller];
    if (!actor) return 401;
    if (!mayCall(entry, actor)) return 403;
    switch (on.kind) {
      case 'none':
      case 'own':
        return 'granted';
      case 'others':
        return on.admins && actor.roles.includes('admin') ? 'granted' : 404;
      case 'plan':
        return canViewPlan(actor, { status: on.plan === 'draft' ? 'draft' : 'published' })
          ? 'granted'
          : 404;
      case 'point': {
        const status = on.point === 'draft' ? 'draft' : 'published';
        if (!canViewPlan(actor, { status })) return 404;
        if (!inRemit(remitOf(actor), parties[on.point])) return on.hidden ? 404 : 403;
        return partyAllows(entry, actor, parties[on.point]) ? 'granted' : 403;
      }
    }
  }

  // ------------------------------------------------------------------------------ setup

  beforeAll(async () => {
    // Every call comes from 127.0.0.1: the per-address sign-in limit would count the whole matrix.
    stack = await startE2eStack({ env: { SIGNIN_LIMIT_PER_ADDRESS: '10000' } });
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    // An account with no role and no department, as an admin might leave one.
    await pg.query(
      `INSERT INTO users (username, display_name, password_hash, roles, department_id, active)
       SELECT $1, '无角色用户', password_hash, '{}', NULL, true FROM users WHERE username = 'admin'`,
      [USERNAMES.none],
    );
    for (const caller of CALLERS) {
      if (caller === 'anonymous') continue;
      tokens[caller] = await stack.api.login(USERNAMES[caller], stack.password);
      actors[caller] = await ok<Actor>(caller, 'GET', '/me');
    }
    dept = Object.fromEntries(
      (await ok<{ id: string; code: string }[]>('admin', 'GET', '/departments')).map((d) => [
        d.code,
        d.id,
      ]),
    );
    user = Object.fromEntries(
      (await ok<{ id: string; username: string }[]>('admin', 'GET', '/users')).map((u) => [
        u.username,
        u.id,
      ]),
    );
    if (!(await ok<{ known: boolean }>('coordinator', 'GET', `/calendar/${year}`)).known)
      await ok('coordinator', 'POST', '/calendar/overrides', { kind: 'weekends-only', year });

    const zhang = user['supervisor.zhang'] as string;
    const li = user['supervisor.li'] as string;
    const shape: Record<Exclude<PointKey, 'draft'>, PointParties> = {
      lead: {
        leadDepartmentId: dept['zlglc'] as string,
        coDepartmentIds: [dept['sbppc'] as string],
        supervisorId: zhang,
      },
      co: {
        leadDepartmentId: dept['sbppc'] as string,
        coDepartmentIds: [dept['zlglc'] as string],
        supervisorId: li,
      },
      other: { leadDepartmentId: dept['bhc'] as string, coDepartmentIds: [], supervisorId: li },
      supervised: {
        leadDepartmentId: dept['bhc'] as string,
        coDepartmentIds: [],
        supervisorId: zhang,
      },
    };
    const keys = Object.keys(shape) as Exclude<PointKey, 'draft'>[];
    const draft = (title: string, p: PointParties) => ({
      title,
      text: `${title}的正文，矩阵测试。`,
      leadDepartmentId: p.leadDepartmentId,
      coDepartmentIds: p.coDepartmentIds,
      supervisorId: p.supervisorId,
      deadline: `${year}-06-30`,
    });
    const plan = await ok<{ id: string; points: { id: string; number: number }[] }>(
      'coordinator',
      'POST',
      '/plans',
      {
        title: '矩阵测试计划',
        year,
        points: [
          ...keys.map((k) => draft(`矩阵要点（${k}）`, shape[k])),
          ...keys.map((k) => draft(`矩阵备用要点（${k}）`, shape[k])),
        ],
      },
    );
    planId = plan.id;
    for (const [i, k] of keys.entries()) {
      points[k] = plan.points.find((p) => p.number === i + 1)?.id as string;
      spare[k] = plan.points.find((p) => p.number === i + 1 + keys.length)?.id as string;
      parties[k] = shape[k];
      numbers[k] = i + 1;
    }
    await ok('coordinator', 'POST', `/plans/${planId}/publish`, {});
    const d = await ok<{ id: string; nodes: { id: string }[]; points: { id: string }[] }>(
      'coordinator',
      'POST',
      '/plans',
      {
        title: '矩阵测试草稿',
        year,
        chapters: [{ label: '一', title: '草稿章', points: [draft('矩阵草稿要点', shape.lead)] }],
      },
    );
    draftId = d.id;
    chapterId = d.nodes[0]?.id as string;
    points.draft = d.points[0]?.id as string;
    parties.draft = shape.lead;
    numbers.draft = 1;
    // Every published point's first transition recorded (the read model says 已交办).
    for (const k of keys)
      for (const id of [points[k], spare[k]])
        await until(`point ${id} assigned`, async () => {
          const p = await ok<{ status: string }>('coordinator', 'GET', `/points/${id}`);
          return p.status === 'assigned' ? true : undefined;
        });

    for (const k of POINT_KEYS) {
      const form = file(`矩阵附件-${k}.txt`, `${k} 的佐证`)();
      const res = await send(
        { method: 'POST', path: `/points/${points[k]}/attachments`, form: () => form },
        tokens.coordinator,
      );
      attachments[k] = (res.body as { id: string }).id;
    }
    await ok('admin', 'PUT', `/departments/${dept['zlglc']}/robots/wecom`, {
      webhookUrl: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=matrix',
    });
    ruleId = (
      await ok<{ id: string }>('coordinator', 'POST', '/department-rules', {
        keyword: '矩阵规则',
        departmentId: dept['zlglc'],
      })
    ).id;
    overrideId = (
      await ok<{ id: string }>('coordinator', 'POST', '/calendar/overrides', {
        kind: 'holiday',
        date: `${year}-10-20`,
        note: '矩阵测试',
      })
    ).id;
    importId = (
      await ok<{ id: string }>('coordinator', 'POST', '/imports/text', {
        text: '一、矩阵测试\n1. 导入的要点。',
        year,
      })
    ).id;
    await until('the import parsed', async () => {
      const i = await ok<{ status: string }>('coordinator', 'GET', `/imports/${importId}`);
      return i.status === 'succeeded' || i.status === 'failed' ? true : undefined;
    });
    await ok('coordinator', 'POST', `/plans/${planId}/bulletins/${month}`);
    for (const caller of CALLERS) {
      const actor = actors[caller];
      if (actor) inboxItems[caller] = await insertInboxItem(actor.userId);
    }
    inboxItems.other = await insertInboxItem(user['sbppc.staff'] as string);
    deadNotification = await insertDeadNotification();
    for (const [who, key] of [
      ['admin', 'admin'],
      ['coordinator', 'coordinator'],
      ['supervisor', 'supervisor'],
      ['head', 'head'],
      ['supervisor.li', 'other'],
    ] as const) {
      const accepted = await ok<{ id: string }>(who, 'POST', `/plans/${planId}/exports`, {
        kind: 'ledger',
      });
      exportsOf[key] = accepted.id;
      await until(`export ${accepted.id}`, async () => {
        const e = await ok<{ state: string }>(who, 'GET', `/exports/${accepted.id}`);
        return e.state === 'completed' ? true : undefined;
      });
    }
  });

  afterAll(async () => {
    await pg?.end();
    await stack?.stop();
  });

  // ---------------------------------------------------------------------------- the matrix

  /** Every table an API write could touch (security events aside: refusals write those). */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = [
      'plans',
      'plan_nodes',
      'work_points',
      'work_point_co_departments',
      'audit_events',
      'progress_reports',
      'sign_offs',
      'target_actuals',
      'attachments',
      'users',
      'departments',
      'department_keyword_rules',
      'department_robots',
      'calendar_overrides',
      'inbox_items',
      'plan_imports',
      'bulletins',
    ];
    const out: Record<string, string> = {};
    for (const t of tables) {
      const res = await pg.query<{ n: string; h: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${t} t`,
      );
      out[t] = `${res.rows[0]?.n}:${res.rows[0]?.h}`;
    }
    const n = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM notifications`);
    out['notifications'] = n.rows[0]?.n ?? '';
    return out;
  }

  function cases(): Case[] {
    const all = scenarios();
    const out: Case[] = [];
    for (const entry of ACCESS_POLICY) {
      const scenario = all[entry.route];
      if (!scenario) continue;
      for (const target of scenario.targets)
        for (const caller of CALLERS)
          out.push({
            entry,
            scenario,
            target,
            caller,
            expected: expectedAnswer(entry, caller, target.on),
            n: (counter += 1),
          });
    }
    return out;
  }

  async function run(c: Case): Promise<string | null> {
    const req = await c.target.request({
      caller: c.caller,
      n: c.n,
      granted: c.expected === 'granted',
    });
    const answer = await send(req, tokens[c.caller]);
    if (c.expected === 'granted') grantedAnswers.push(answer.status);
    const where = `${c.entry.route} as ${c.caller} on ${describeRelation(c.target.on)} (${req.method} ${req.path})`;
    const body = answer.body as { code?: string; message?: string } | null;
    if (c.expected === 'granted') {
      const fine =
        (answer.status >= 200 && answer.status < 300) ||
        (c.scenario.turn === true && answer.status === 409) ||
        (c.scenario.unconfigured === true && answer.status === 404);
      return fine
        ? null
        : `${where}: expected granted, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`;
    }
    if (answer.status !== c.expected)
      return `${where}: expected ${c.expected}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`;
    const code = { 401: 'UNAUTHENTICATED', 403: 'NOT_IN_REMIT', 404: 'NOT_FOUND' }[c.expected];
    if (body?.code !== code) return `${where}: expected code ${code}, got ${body?.code}`;
    if (c.expected === 403 && !body?.message?.includes('（访问规则：'))
      return `${where}: a 403 must name its rule, got “${body?.message}”`;
    return null;
  }

  /** The statuses of granted calls: how many succeeded, how many met the lifecycle's turn. */
  const grantedAnswers: number[] = [];

  const describeRelation = (on: Relation): string =>
    on.kind === 'point' ? `point:${on.point}` : on.kind === 'plan' ? `plan:${on.plan}` : on.kind;

  async function inBatches(list: Case[], size: number): Promise<string[]> {
    const problems: string[] = [];
    for (let i = 0; i < list.length; i += size) {
      const answers = await Promise.all(list.slice(i, i + size).map(run));
      problems.push(...answers.filter((a): a is string => a !== null));
    }
    return problems;
  }

  it('has a scenario for every entry of the policy, and no other', () => {
    const scenarioRoutes = Object.keys(scenarios()).sort();
    const policyRoutes = ACCESS_POLICY.map((e) => e.route).sort();
    expect(scenarioRoutes.filter((r) => !policyRoutes.includes(r))).toEqual([]);
    expect(policyRoutes.filter((r) => !scenarioRoutes.includes(r))).toEqual([]);
  });

  // --------------------------------------------------------------- what narrowed answers hold

  /** The fixture's published points each reader's remit holds, by number. */
  const remitNumbers = (caller: Caller): number[] =>
    (['lead', 'co', 'other', 'supervised'] as const)
      .filter((k) => inRemit(remitOf(actors[caller] as Actor), parties[k]))
      .map((k) => numbers[k])
      .sort((a, b) => a - b);

  const titleOf = (k: PointKey) => `矩阵要点（${k}）`;

  it('shows plans, the plan tree and search only within the remit, drafts only to the office', async () => {
    for (const caller of ['admin', 'coordinator', 'staff', 'head', 'supervisor'] as const) {
      const office = caller === 'admin' || caller === 'coordinator';
      const list = await ok<{ id: string; status: string }[]>(caller, 'GET', '/plans');
      expect([caller, list.some((p) => p.id === draftId)]).toEqual([caller, office]);
      expect([caller, list.every((p) => office || p.status === 'published')]).toEqual([
        caller,
        true,
      ]);

      const res = await as<{ points: { id: string; number: number }[] }>(
        caller,
        'GET',
        `/plans/${planId}`,
      );
      const shown = res.body.points
        .map((p) => p.number)
        .filter((n) => n <= 4)
        .sort((a, b) => a - b);
      expect([caller, shown]).toEqual([caller, office ? [1, 2, 3, 4] : remitNumbers(caller)]);
      // Nothing of a point outside the remit is sent: not its id, not its title.
      const raw = JSON.stringify(res.body);
      for (const k of ['lead', 'co', 'other', 'supervised'] as const)
        if (!office && !remitNumbers(caller).includes(numbers[k])) {
          expect([caller, k, raw.includes(points[k])]).toEqual([caller, k, false]);
          expect([caller, k, raw.includes(titleOf(k))]).toEqual([caller, k, false]);
        }

      const found = await ok<{ items: { id: string; planId: string; number: number }[] }>(
        caller,
        'GET',
        '/points?q=矩阵&limit=100',
      );
      const inPlan = found.items
        .filter((p) => p.planId === planId && p.number <= 4)
        .map((p) => p.number)
        .sort((a, b) => a - b);
      expect([caller, inPlan]).toEqual([caller, office ? [1, 2, 3, 4] : remitNumbers(caller)]);
      expect([caller, found.items.some((p) => p.planId === draftId)]).toEqual([caller, office]);
    }
  });

  it('narrows the dashboard, targets, ledger and a background export to a supervisor’s and a head’s remit', async () => {
    for (const caller of ['supervisor', 'head', 'coordinator'] as const) {
      const expected = caller === 'coordinator' ? 8 : remitNumbers(caller).length * 2;
      const board = await ok<{ total: number }>(caller, 'GET', `/plans/${planId}/dashboard`);
      expect([caller, board.total]).toEqual([caller, expected]);

      const ledger = await fetch(`${stack.api.baseUrl}/plans/${planId}/ledger.xlsx`, {
        headers: { authorization: `Bearer ${tokens[caller]}` },
      });
      expect(ledger.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        Buffer.from(await ledger.arrayBuffer()) as unknown as Parameters<ExcelJS.Xlsx['load']>[0],
      );
      const titles = JSON.stringify(book.getWorksheet('督办台账')?.getSheetValues() ?? []);
      for (const k of ['lead', 'co', 'other', 'supervised'] as const)
        expect([caller, k, titles.includes(titleOf(k))]).toEqual([
          caller,
          k,
          caller === 'coordinator' || remitNumbers(caller).includes(numbers[k]),
        ]);
    }
    // The export asked for in setup by supervisor.zhang keeps his remit in the job.
    const file = await fetch(`${stack.api.baseUrl}/exports/${exportsOf.supervisor}/file`, {
      headers: { authorization: `Bearer ${tokens.supervisor}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(await file.arrayBuffer()) as unknown as Parameters<ExcelJS.Xlsx['load']>[0],
    );
    const exported = JSON.stringify(book.getWorksheet('督办台账')?.getSheetValues() ?? []);
    expect(exported.includes(titleOf('supervised'))).toBe(true);
    expect(exported.includes(titleOf('other'))).toBe(false);
  });

  it('tells a head without a department why their reports are empty', async () => {
    await pg.query(
      `INSERT INTO users (username, display_name, password_hash, roles, department_id, active)
       SELECT 'matrix.nodept', '无处室负责人', password_hash, '{head}', NULL, true FROM users WHERE username = 'admin'`,
    );
    const refused = await as<{ code: string; message: string }>(
      'matrix.nodept',
      'GET',
      `/plans/${planId}/dashboard`,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('没有所属处室');
    expect(refused.body.message).toContain('（访问规则：职责范围）');
    const event = await pg.query<{ reason: string; details: { rule: string } }>(
      `SELECT reason, details FROM security_events WHERE kind = 'refused' AND path LIKE '%/dashboard' ORDER BY id DESC LIMIT 1`,
    );
    expect(event.rows[0]).toEqual({ reason: refused.body.message, details: { rule: 'remit' } });
  });

  // Last: its granted writes move points along, reassign and cancel some.
  it('answers every route × caller × relation as the policy says, and refusals change nothing', async () => {
    const started = Date.now();
    const all = cases();
    const firstPhase = all.filter((c) => c.expected !== 'granted' || c.entry.access === 'read');
    const writes = all.filter((c) => c.expected === 'granted' && c.entry.access === 'write');
    const ordered = [
      ...writes.filter((c) => !c.scenario.last && !c.scenario.endsSession),
      ...writes.filter((c) => c.scenario.last),
      ...writes.filter((c) => c.scenario.endsSession),
    ];

    const before = await fingerprint();
    const problems = await inBatches(firstPhase, BATCH);
    expect(await fingerprint()).toEqual(before);
    // Granted writes one at a time: the lifecycle's answers depend on what went before.
    problems.push(...(await inBatches(ordered, 1)));
    expect(problems).toEqual([]);

    const tally = (e: Expected) => all.filter((c) => c.expected === e).length;
    const turned = grantedAnswers.filter((s) => s === 409).length;
    console.log(
      `access matrix: ${all.length} cases over ${ACCESS_POLICY.length} routes in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s: granted ${tally('granted')} ` +
        `(${grantedAnswers.length - turned} answered 2xx, ${turned} 409 for the lifecycle's turn), ` +
        `refused 401 ${tally(401)}, 403 ${tally(403)}, 404 ${tally(404)}`,
    );
    // Not a vacuous matrix: every kind of answer occurs, many times.
    for (const e of ['granted', 401, 403, 404] as const) expect(tally(e)).toBeGreaterThan(20);
  });
});
