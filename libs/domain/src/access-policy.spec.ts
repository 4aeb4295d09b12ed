import type { Actor, PointParties, Role } from '@workpoints/contracts';
import {
  ACCESS_POLICY,
  accessEntry,
  audienceLabel,
  mayCall,
  roleRefusal,
  withRule,
} from './access-policy';
import { canViewPlan, canViewPoint, inRemit, remitIsEmpty, remitOf } from './visibility';

const actor = (roles: Role[], departmentId: string | null = 'd1', userId = 'u1'): Actor => ({
  userId,
  displayName: '测试',
  departmentId,
  roles,
});

describe('the access policy table', () => {
  it('names each route once, as METHOD /api/path (the web app’s mount aside)', () => {
    const routes = ACCESS_POLICY.map((e) => e.route);
    expect(new Set(routes).size).toBe(routes.length);
    for (const e of ACCESS_POLICY) {
      const pattern =
        e.mount === 'web'
          ? /^GET \/\{\*path\}$/
          : /^(GET|POST|PUT|PATCH|DELETE|ALL) \/api(\/[^/\s]+)*$/;
      expect([e.route, pattern.test(e.route)]).toEqual([e.route, true]);
    }
  });

  it('has writes that are not GETs and GETs that only read', () => {
    for (const e of ACCESS_POLICY)
      if (e.route.startsWith('GET ')) expect([e.route, e.access]).toEqual([e.route, 'read']);
  });

  it('gives a public route no scope and a role list no empty list', () => {
    for (const e of ACCESS_POLICY) {
      if (e.who === 'public') expect([e.route, e.scope]).toEqual([e.route, 'none']);
      if (Array.isArray(e.who)) expect([e.route, e.who.length > 0]).toEqual([e.route, true]);
    }
  });

  it('lets roles through by the entry: public, signed-in, or one of the roles', () => {
    const login = accessEntry('POST /api/auth/login');
    const me = accessEntry('GET /api/me');
    const publish = accessEntry('POST /api/plans/:planId/publish');
    if (!login || !me || !publish) throw new Error('entries missing');
    expect(mayCall(login, null)).toBe(true);
    expect(mayCall(me, null)).toBe(false);
    expect(mayCall(me, actor([]))).toBe(true);
    expect(mayCall(publish, actor(['coordinator', 'staff']))).toBe(true);
    expect(mayCall(publish, actor(['head']))).toBe(false);
    expect(mayCall(publish, actor([]))).toBe(false);
  });

  it('names the refusing rule in Chinese', () => {
    const publish = accessEntry('POST /api/plans/:planId/publish');
    if (!publish) throw new Error('entry missing');
    expect(roleRefusal(publish)).toBe('需要以下角色之一：督办员、系统管理员（访问规则：角色）');
    expect(withRule('第3项不在您的职责范围内', 'remit')).toBe(
      '第3项不在您的职责范围内（访问规则：职责范围）',
    );
    expect(audienceLabel('signed-in')).toBe('已登录');
    expect(audienceLabel(['head', 'supervisor'])).toBe('处室负责人、分管领导');
  });
});

describe('remit and plan visibility', () => {
  const parties: PointParties = {
    leadDepartmentId: 'd1',
    coDepartmentIds: ['d2'],
    supervisorId: 's1',
  };

  it('is the office for coordinators and admins, else supervised, led or co-operated on', () => {
    expect(remitOf(actor(['coordinator']))).toBeNull();
    expect(remitOf(actor(['admin'], null))).toBeNull();
    expect(remitOf(actor(['head'], 'd9', 'u9'))).toEqual({ userId: 'u9', departmentId: 'd9' });
    expect(inRemit(null, parties)).toBe(true);
    expect(inRemit({ userId: 'x', departmentId: 'd1' }, parties)).toBe(true);
    expect(inRemit({ userId: 'x', departmentId: 'd2' }, parties)).toBe(true);
    expect(inRemit({ userId: 'x', departmentId: 'd3' }, parties)).toBe(false);
    expect(inRemit({ userId: 's1', departmentId: null }, parties)).toBe(true);
    expect(inRemit({ userId: 'x', departmentId: null }, parties)).toBe(false);
    expect(canViewPoint(actor(['supervisor'], 'bureau', 's1'), parties)).toBe(true);
    expect(canViewPoint(actor(['supervisor'], 'bureau', 's2'), parties)).toBe(false);
  });

  it('is empty for a head or staff member without a department, not for a supervisor', () => {
    expect(remitIsEmpty(actor(['head'], null))).toBe(true);
    expect(remitIsEmpty(actor(['staff'], null))).toBe(true);
    expect(remitIsEmpty(actor(['supervisor'], null))).toBe(false);
    expect(remitIsEmpty(actor(['head'], 'd1'))).toBe(false);
    expect(remitIsEmpty(actor(['coordinator'], null))).toBe(false);
  });

  it('keeps a draft to the office and shows a published plan to everyone', () => {
    expect(canViewPlan(actor(['coordinator']), { status: 'draft' })).toBe(true);
    expect(canViewPlan(actor(['admin']), { status: 'draft' })).toBe(true);
    expect(canViewPlan(actor(['head', 'supervisor', 'staff']), { status: 'draft' })).toBe(false);
    expect(canViewPlan(actor([]), { status: 'published' })).toBe(true);
  });
});
