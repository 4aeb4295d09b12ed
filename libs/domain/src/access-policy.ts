import { ROLES, type Actor, type Role } from '@workpoints/contracts';
import { ROLE_LABELS } from './labels';

/**
 * The access policy (访问策略): every route of the API, written once. The API's access guard
 * enforces `who` before a handler runs and refuses to start while a route lacks an entry or an
 * entry names no route; the services check `scope` on the objects they fetch; the matrix test
 * (test/e2e/access-matrix.e2e-spec.ts) walks every entry with every role.
 *
 * The order of the checks, and what each refusal says:
 * 1. no or bad token on a route that is not public: 401;
 * 2. a role the entry does not list: 403 (before anything is looked up, so it reveals nothing);
 * 3. an object the caller may not know exists: 404, word for word the answer for an id that
 *    never existed. An object's existence follows its container: whoever may read the
 *    container knows what is in it. A draft plan, its points and their attachments are the
 *    office's (coordinators and admins) until publication; an attachment is known to whoever
 *    may read its point; inbox items, notification settings and exports are their owner's
 *    (exports also admins');
 * 4. an object the caller may know exists but is outside the entry's scope: 403 naming the
 *    rule. A published plan is known to everyone with a role, so a point of it outside the
 *    caller's remit is 403, not 404 — but the plan shows them only the points of their remit;
 * 5. the lifecycle's turn (`decide`): 409; the arguments: 400.
 * Lists and reports never refuse for scope: they narrow to it.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ALL';

/** Who may call a route at all: anyone, anyone signed in, or holders of one of the roles. */
export type Audience = 'public' | 'signed-in' | readonly Role[];

/**
 * What a caller may reach through a route once their role lets them call it. Coordinators and
 * admins have the office as their remit; the lifecycle rules (`lead`, `co`, `signer`,
 * `supervisor`) are those of `decide()`, checked by the API and again by the workflow.
 */
export type AccessScope =
  /** Nothing that belongs to anyone: sign-in, health, reference data. */
  | 'none'
  /** The office's own records, for the roles listed (people, rules, drafts, queues). */
  | 'office'
  /** Points in the caller's remit (`canViewPoint`), in plans they may see (`canViewPlan`). */
  | 'remit'
  /** An action of the point's lead department (its staff or head). */
  | 'lead'
  /** An action of a co-department of the point (its staff or head). */
  | 'co'
  /** The point's lead or co-departments (staff, heads), or a coordinator. */
  | 'party'
  /** Sign-off: the lead department's head at the first step, the point's supervisor at the last. */
  | 'signer'
  /** The point's own supervisor (分管领导). */
  | 'supervisor'
  /** The caller's own records (inbox, settings, exports; admins read every export). */
  | 'self';

export interface AccessEntry {
  /** `METHOD /api/path/:param`, as Nest routes it (`{*path}` for the rest of a path). */
  route: string;
  who: Audience;
  scope: AccessScope;
  /** A write changes something; a refused write changes nothing. */
  access: 'read' | 'write';
  /** Served outside Nest's router: Express middleware, Swagger, the static web app. */
  mount?: 'queue-board' | 'swagger' | 'web';
  /** What the entry means beyond its scope's name. */
  note?: string;
}

/** Every role: anyone who works in workpoints (a signed-in account with no role is not). */
export const EVERY_ROLE: readonly Role[] = ROLES;
/** The office: coordinators (督办员) and admins. */
const OFFICE: readonly Role[] = ['coordinator', 'admin'];
/** Who reads a plan's reports: the office, supervisors (their remit), heads (their remit). */
const REPORT_READERS: readonly Role[] = ['coordinator', 'admin', 'supervisor', 'head'];
const DEPARTMENT: readonly Role[] = ['staff', 'head'];

const read = (route: string, who: Audience, scope: AccessScope, note?: string): AccessEntry => ({
  route,
  who,
  scope,
  access: 'read',
  ...(note ? { note } : {}),
});
const write = (route: string, who: Audience, scope: AccessScope, note?: string): AccessEntry => ({
  route,
  who,
  scope,
  access: 'write',
  ...(note ? { note } : {}),
});

export const ACCESS_POLICY: readonly AccessEntry[] = [
  // Sign-in and the caller's own account.
  write('POST /api/auth/login', 'public', 'none'),
  write(
    'POST /api/auth/refresh',
    'public',
    'none',
    'the refresh cookie is the credential: it renews only its own session',
  ),
  write('POST /api/auth/logout', 'public', 'none', 'ends only the session of the caller’s cookie'),
  read('GET /api/auth/options', 'public', 'none', 'which sign-in methods are offered'),
  read('GET /api/auth/oidc/start', 'public', 'none', 'to the unified identity platform'),
  read('GET /api/auth/oidc/callback', 'public', 'none', 'back from it, checked by state and nonce'),
  write(
    'POST /api/auth/password',
    'signed-in',
    'self',
    'open while a new or reset account must set its own password',
  ),
  read('GET /api/auth/sessions', 'signed-in', 'self'),
  write(
    'DELETE /api/auth/sessions/:sessionId',
    'signed-in',
    'self',
    'someone else’s session is as good as absent (404)',
  ),
  write(
    'POST /api/auth/tickets',
    'signed-in',
    'self',
    'a one-time ticket of seconds (stream, board)',
  ),
  write('POST /api/auth/logout-all', 'signed-in', 'self', 'sign out everywhere (退出所有设备)'),
  read('GET /api/me', 'signed-in', 'self'),
  read('GET /api/health', 'public', 'none'),

  // Reference data every page needs, and the office's organisation.
  read('GET /api/departments', 'signed-in', 'none'),
  read('GET /api/departments/tree', 'signed-in', 'none'),
  write('POST /api/departments', ['admin'], 'office'),
  read('GET /api/departments/:id/robots', OFFICE, 'office'),
  read('GET /api/departments/:id/robots/:channel', OFFICE, 'office'),
  write('PUT /api/departments/:id/robots/:channel', OFFICE, 'office'),
  write('DELETE /api/departments/:id/robots/:channel', OFFICE, 'office'),
  read('GET /api/users', OFFICE, 'office'),
  write('POST /api/users', ['admin'], 'office'),
  write('PATCH /api/users/:userId', ['admin'], 'office', 'name, roles, department, email'),
  write('POST /api/users/:userId/deactivate', ['admin'], 'office', 'its sessions end at once'),
  write('POST /api/users/:userId/reactivate', ['admin'], 'office'),
  write(
    'POST /api/users/:userId/reset-password',
    ['admin'],
    'office',
    'a one-time password, shown once; the person sets their own at sign-in',
  ),
  write('POST /api/users/:userId/unlock', ['admin'], 'office'),
  write('POST /api/users/:userId/sessions/revoke', ['admin'], 'office'),
  read('GET /api/security-events', ['admin'], 'office', 'sign-ins, refusals, account changes'),
  read('GET /api/security-events/export', ['admin'], 'office', 'as CSV'),
  read('GET /api/security-settings', ['admin'], 'office'),
  write('PUT /api/security-settings', ['admin'], 'office', 'session timeouts, lock-out'),
  read('GET /api/calendar/:year', 'signed-in', 'none'),
  write('POST /api/calendar/overrides', OFFICE, 'office'),
  write('DELETE /api/calendar/overrides/:overrideId', OFFICE, 'office'),
  read('GET /api/department-rules', OFFICE, 'office'),
  write('POST /api/department-rules', OFFICE, 'office'),
  write('DELETE /api/department-rules/:ruleId', OFFICE, 'office'),

  // Imports and drafts: the office's until publication.
  write('POST /api/imports', OFFICE, 'office'),
  write('POST /api/imports/text', OFFICE, 'office'),
  read('GET /api/imports', OFFICE, 'office'),
  read('GET /api/imports/:importId', OFFICE, 'office'),
  read('GET /api/imports/:importId/file', OFFICE, 'office'),
  read(
    'GET /api/plans',
    EVERY_ROLE,
    'remit',
    'published plans; drafts too for coordinators and admins',
  ),
  write('POST /api/plans', OFFICE, 'office'),
  read(
    'GET /api/plans/:planId',
    EVERY_ROLE,
    'remit',
    'a published plan with the points of the caller’s remit only, and the headings above them; a draft is 404 outside the office',
  ),
  write('PATCH /api/plans/:planId', OFFICE, 'office'),
  write('PATCH /api/plans/:planId/points/:pointId', OFFICE, 'office'),
  write('POST /api/plans/:planId/points', OFFICE, 'office'),
  write('DELETE /api/plans/:planId/points/:pointId', OFFICE, 'office'),
  write('POST /api/plans/:planId/points/:pointId/merge', OFFICE, 'office'),
  write('POST /api/plans/:planId/points/:pointId/split', OFFICE, 'office'),
  write('PATCH /api/plans/:planId/nodes/:nodeId', OFFICE, 'office'),
  write('POST /api/plans/:planId/apply-suggestions', OFFICE, 'office'),
  write('POST /api/plans/:planId/publish', OFFICE, 'office'),

  // Points: read in remit; each action by the party the lifecycle names.
  read('GET /api/points', EVERY_ROLE, 'remit', 'list and search (q) narrow to the remit'),
  read('GET /api/points/:pointId', EVERY_ROLE, 'remit'),
  read('GET /api/points/:pointId/state', EVERY_ROLE, 'remit'),
  write('POST /api/points/:pointId/acknowledge', DEPARTMENT, 'lead'),
  write('POST /api/points/:pointId/reports', DEPARTMENT, 'lead'),
  write('POST /api/points/:pointId/submit', DEPARTMENT, 'lead'),
  write('POST /api/points/:pointId/approve', ['head', 'supervisor'], 'signer'),
  write('POST /api/points/:pointId/return', ['head', 'supervisor'], 'signer'),
  write('POST /api/points/:pointId/contributions', DEPARTMENT, 'co'),
  write('POST /api/points/:pointId/extension-requests', DEPARTMENT, 'lead'),
  write('POST /api/points/:pointId/extension-requests/decision', ['supervisor'], 'supervisor'),
  write('POST /api/points/:pointId/suspend', ['coordinator'], 'office'),
  write('POST /api/points/:pointId/resume', ['coordinator'], 'office'),
  write('POST /api/points/:pointId/cancel', ['coordinator'], 'office'),
  write('POST /api/points/:pointId/reassign', ['coordinator'], 'office'),
  write('PUT /api/points/:pointId/deadline', ['coordinator'], 'office'),
  write('PUT /api/points/:pointId/policy', ['coordinator'], 'office'),
  write('POST /api/points/:pointId/urge', ['coordinator'], 'office'),
  write('POST /api/points/:pointId/targets', OFFICE, 'office'),
  write('POST /api/points/:pointId/attachments', ['staff', 'head', 'coordinator'], 'party'),
  read('GET /api/points/:pointId/attachments', EVERY_ROLE, 'remit'),
  read(
    'GET /api/attachments/:attachmentId/file',
    EVERY_ROLE,
    'remit',
    'an attachment is known to whoever may read its point: 404 for anyone else',
  ),
  read('GET /api/points/:pointId/notifications', EVERY_ROLE, 'remit'),
  read('GET /api/me/todo', 'signed-in', 'remit'),

  // A plan's reports: the office's for the office, the remit's for supervisors and heads.
  read('GET /api/plans/:planId/dashboard', REPORT_READERS, 'remit'),
  read('GET /api/plans/:planId/ledger.xlsx', REPORT_READERS, 'remit'),
  read('GET /api/plans/:planId/summary.docx', REPORT_READERS, 'remit'),
  read('GET /api/plans/:planId/targets', REPORT_READERS, 'remit'),
  read(
    'POST /api/plans/:planId/exports',
    REPORT_READERS,
    'remit',
    'queues a file and changes nothing; the export keeps the remit it was asked with',
  ),
  read('GET /api/exports/:exportId', REPORT_READERS, 'self'),
  read('GET /api/exports/:exportId/file', REPORT_READERS, 'self'),
  // The monthly bulletin is circulated to every division: office-wide for whoever may read it.
  read('GET /api/plans/:planId/bulletins', REPORT_READERS, 'office'),
  write('POST /api/plans/:planId/bulletins/:month', OFFICE, 'office'),
  read('GET /api/plans/:planId/bulletins/:month', REPORT_READERS, 'office'),
  read('GET /api/plans/:planId/bulletins/:month/bulletin.docx', REPORT_READERS, 'office'),
  read('GET /api/plans/:planId/score-rules', REPORT_READERS, 'office'),
  write('PUT /api/plans/:planId/score-rules', OFFICE, 'office'),

  // Notifications: one's own, and the delivery desk for admins.
  read('GET /api/inbox', 'signed-in', 'self'),
  read('GET /api/inbox/unread-count', 'signed-in', 'self'),
  read('GET /api/inbox/stream', 'signed-in', 'self'),
  write('POST /api/inbox/read-all', 'signed-in', 'self'),
  write('POST /api/inbox/:id/read', 'signed-in', 'self'),
  read('GET /api/users/me/notification-preferences', 'signed-in', 'self'),
  write('PUT /api/users/me/notification-preferences', 'signed-in', 'self'),
  write('PUT /api/users/me/email', 'signed-in', 'self'),
  read('GET /api/users/me/notifications', 'signed-in', 'self'),
  read('GET /api/users/:id/notifications', ['admin'], 'office'),
  read('GET /api/admin/notifications', ['admin'], 'office'),
  write('POST /api/admin/notifications/:id/retry', ['admin'], 'office'),

  // Outside Nest's router.
  {
    route: 'ALL /api/admin/queues/{*path}',
    who: ['admin'],
    scope: 'office',
    access: 'write',
    mount: 'queue-board',
    note: 'Bull Board: pages, and retrying or cleaning jobs',
  },
  { route: 'GET /api/docs', who: 'public', scope: 'none', access: 'read', mount: 'swagger' },
  { route: 'GET /api/docs-json', who: 'public', scope: 'none', access: 'read', mount: 'swagger' },
  {
    route: 'GET /{*path}',
    who: 'public',
    scope: 'none',
    access: 'read',
    mount: 'web',
    note: 'the built web app (every path outside /api); it holds no data',
  },
];

/** The key of a route in the policy: `GET /api/plans/:planId`. */
export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

const BY_ROUTE = new Map(ACCESS_POLICY.map((e) => [e.route, e]));

/** The policy entry of a route, if it has one. */
export function accessEntry(route: string): AccessEntry | undefined {
  return BY_ROUTE.get(route);
}

/** Whether the actor's roles let them call the route (scope is checked on the objects). */
export function mayCall(entry: AccessEntry, actor: Actor | null): boolean {
  if (entry.who === 'public') return true;
  if (!actor) return false;
  if (entry.who === 'signed-in') return true;
  return entry.who.some((r) => actor.roles.includes(r));
}

/**
 * The rules a refusal names (访问规则), by key: the key goes into the refusal's `details.rule`
 * and its security event, the Chinese name into the message a person reads.
 */
export const ACCESS_RULES = {
  role: '角色',
  remit: '职责范围',
  lifecycle: '办理流程',
  party: '承办单位',
} as const;
export type AccessRule = keyof typeof ACCESS_RULES;

/** A refusal's message with the rule that refused it: `…（访问规则：职责范围）`. */
export const withRule = (message: string, rule: AccessRule): string =>
  `${message}（访问规则：${ACCESS_RULES[rule]}）`;

/** The refusal of a role the entry does not list, in Chinese. */
export function roleRefusal(entry: AccessEntry): string {
  const roles = entry.who === 'public' || entry.who === 'signed-in' ? [] : entry.who;
  return withRule(`需要以下角色之一：${roles.map((r) => ROLE_LABELS[r]).join('、')}`, 'role');
}

/** Who an audience is, in Chinese (for the README and the web app's hints). */
export function audienceLabel(who: Audience): string {
  if (who === 'public') return '公开';
  if (who === 'signed-in') return '已登录';
  return who.map((r) => ROLE_LABELS[r]).join('、');
}
