import {
  ErrorCode,
  type DepartmentNode,
  type DepartmentView,
  type UserView,
} from '@workpoints/contracts';
import { UserEntity } from '@workpoints/persistence';
import type { MediumHarness } from '@workpoints/testing/medium';
import type { ErrorBody } from '../common/domain-exception.filter';
import { MediumApi } from '../testing/medium-api';
import { UsersModule } from './users.module';
import { UsersService } from './users.service';

/** The organisation an admin keeps: departments and accounts, through HTTP. */
describe('departments and users (medium)', () => {
  let medium: MediumApi;
  let h: MediumHarness;
  let bureau: string;

  const post = <T>(path: string, body: unknown, user = 'admin') =>
    medium.request<T & ErrorBody>(user, 'POST', path, body);

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_users', [UsersModule], { http: true });
    h = medium.harness;
    bureau = (await h.department('bureau')).id;
  });

  afterAll(() => medium?.close());

  describe('departments', () => {
    it('adds a division under the bureau, or a bureau of its own, and shows the tree', async () => {
      const division = await post<DepartmentView>('/departments', {
        code: 'zscqc',
        name: '知识产权促进处',
        parentId: bureau,
      });
      expect(division.status).toBe(201);
      expect(division.body).toMatchObject({
        code: 'zscqc',
        kind: 'division',
        parentId: bureau,
        position: 0,
      });
      const other = await post<DepartmentView>('/departments', { code: 'qxj', name: '区县局' });
      expect(other.body).toMatchObject({ kind: 'bureau', parentId: null });

      const tree = (
        await medium.request<DepartmentNode[]>('zlglc.staff', 'GET', '/departments/tree')
      ).body;
      const root = tree.find((n) => n.id === bureau) as DepartmentNode;
      expect(root.children).toHaveLength(11);
      expect(root.children.map((c) => c.code)).toContain('zscqc');
      expect(tree.find((n) => n.code === 'qxj')?.children).toEqual([]);
    });

    it('refuses a code taken, an unknown parent, a malformed code and anyone but an admin', async () => {
      const taken = await post('/departments', { code: 'zlglc', name: '重复' });
      expect([taken.status, taken.body.message]).toEqual([400, '单位代码 zlglc 已存在']);
      const nowhere = '00000000-0000-4000-8000-000000000a01';
      const orphan = await post('/departments', { code: 'gu', name: '孤儿', parentId: nowhere });
      expect(orphan.body.message).toBe(`parentId: 单位不存在 ${nowhere}`);
      const malformed = await post('/departments', { code: 'Bad Code', name: '格式' });
      expect(malformed.body.message).toMatch(/^请求参数有误 — code: /);
      const coordinator = await post('/departments', { code: 'xin', name: '新处' }, 'coordinator');
      expect([coordinator.status, coordinator.body.message]).toEqual([
        403,
        '需要以下角色之一：系统管理员（访问规则：角色）',
      ]);
    });
  });

  describe('users', () => {
    it('creates an account that can sign in, and never shows its hash', async () => {
      const zlglc = await h.department('zlglc');
      const res = await post<UserView>('/users', {
        username: 'zlglc.staff2',
        displayName: '赵六',
        password: 'correct horse battery',
        departmentId: zlglc.id,
        roles: ['staff'],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        username: 'zlglc.staff2',
        displayName: '赵六',
        departmentId: zlglc.id,
        roles: ['staff'],
        active: true,
        email: null,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|password_hash|argon2/i);
      const stored = await h.ds
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.username = :u', { u: 'zlglc.staff2' })
        .getOneOrFail();
      expect(stored.passwordHash).toMatch(/^\$argon2id\$/);

      const login = await medium.request<{ accessToken: string; user: { userId: string } }>(
        null,
        'POST',
        '/auth/login',
        {
          username: 'zlglc.staff2',
          password: 'correct horse battery',
        },
      );
      expect(login.status).toBe(200);
      expect(login.body.user.userId).toBe(res.body.id);
      const wrong = await medium.request<ErrorBody>(null, 'POST', '/auth/login', {
        username: 'zlglc.staff2',
        password: 'wrong horse',
      });
      expect([wrong.status, wrong.body.message]).toEqual([401, '用户名或密码错误']);
    });

    it('refuses a username taken, an unknown department and an unknown role', async () => {
      const base = { displayName: '某人', password: 'long enough', roles: ['staff'] };
      const taken = await post('/users', { ...base, username: 'zlglc.staff' });
      expect([taken.status, taken.body.message]).toEqual([
        400,
        'username: 用户名 zlglc.staff 已存在',
      ]);
      const nowhere = '00000000-0000-4000-8000-000000000a02';
      const lost = await post('/users', { ...base, username: 'lost.one', departmentId: nowhere });
      expect(lost.body.message).toBe(`departmentId: 单位不存在 ${nowhere}`);
      const role = await post('/users', { ...base, username: 'odd.one', roles: ['emperor'] });
      expect(role.body.message).toMatch(/^请求参数有误 — roles: /);
    });

    it('lists users by department and role, for admins and coordinators', async () => {
      const zlglc = await h.department('zlglc');
      const list = await medium.request<UserView[]>(
        'coordinator',
        'GET',
        `/users?departmentId=${zlglc.id}`,
      );
      expect(list.body.map((u) => u.username)).toEqual([
        'zlglc.head',
        'zlglc.staff',
        'zlglc.staff2',
      ]);
      const supervisors = await medium.request<UserView[]>(
        'coordinator',
        'GET',
        '/users?role=supervisor',
      );
      expect(supervisors.body.map((u) => u.displayName)).toEqual(['李副局长', '张副局长']);
      expect((await medium.request('zlglc.head', 'GET', '/users')).status).toBe(403);
    });

    it('checks that a supervisor holds the role', async () => {
      const users = h.get(UsersService);
      const li = await h.actor('supervisor.li');
      const head = await h.actor('zlglc.head');
      expect((await users.requireRole(li.userId, 'supervisor', 'supervisorId')).username).toBe(
        'supervisor.li',
      );
      await expect(
        users.requireRole(head.userId, 'supervisor', 'supervisorId'),
      ).rejects.toMatchObject({
        code: ErrorCode.InvalidInput,
        message: 'supervisorId: 周海涛 不是分管领导',
      });
    });
  });
});
