import { SecurityEventEntity } from '@workpoints/persistence';
import { startApi, type ApiHarness, type Client } from '../testing/api-harness';

interface ErrorBody {
  code: string;
  message: string;
}
interface User {
  id: string;
  username: string;
  roles: string[];
  departmentId: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
}
interface EventPage {
  total: number;
  items: {
    kind: string;
    kindLabel: string;
    actorName: string | null;
    username: string | null;
    subjectName: string | null;
    ip: string | null;
    details: Record<string, unknown> | null;
  }[];
}

describe('accounts: what admins and each person do with them', () => {
  let api: ApiHarness;
  let admin: Client;
  let departments: { id: string; code: string }[];

  beforeAll(async () => {
    api = await startApi({ SIGNIN_LIMIT_PER_ADDRESS: '1000' });
    admin = api.client();
    await admin.login('admin', api.password);
    departments = (await admin.call<{ id: string; code: string }[]>('GET', '/api/departments'))
      .body;
  });
  afterAll(async () => {
    await api?.stop();
  });

  const department = (code: string) => departments.find((d) => d.code === code)?.id as string;
  const events = async (query = '') =>
    (await admin.call<EventPage>('GET', `/api/security-events${query}`)).body;

  it('refuses an initial password the policy does not accept, naming why', async () => {
    const create = (password: string) =>
      admin.call<ErrorBody>('POST', '/api/users', {
        username: 'zlglc.new',
        displayName: '钱七',
        password,
        roles: ['staff'],
        departmentId: department('zlglc'),
      });
    expect((await create('short-one')).body.message).toBe('password: 密码至少 12 个字符');
    expect((await create('password1234')).body.message).toBe(
      'password: 这个密码太常见，容易被猜中，请换一个',
    );
    expect((await create('zlglc.new-初始密码')).body.message).toBe(
      'password: 密码不能包含用户名或姓名',
    );
  });

  it('creates an account that must set its own password before anything else', async () => {
    const created = await admin.call<User>('POST', '/api/users', {
      username: 'zlglc.new',
      displayName: '钱七',
      password: 'Initial-Hand-Over-42',
      roles: ['staff'],
      departmentId: department('zlglc'),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mustChangePassword: true, lockedUntil: null });

    const person = api.client();
    const first = await person.login('zlglc.new', 'Initial-Hand-Over-42');
    expect(first.body.mustChangePassword).toBe(true);
    const todo = await person.call<ErrorBody>('GET', '/api/me/todo');
    expect(todo.status).toBe(403);
    expect(todo.body).toEqual({
      statusCode: 403,
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: '请先修改密码：新账号或被重置密码的账号，须先设置自己的密码才能继续使用',
    });
    expect((await person.call('GET', '/api/plans')).status).toBe(403);
    expect((await person.call('GET', '/api/me')).status).toBe(200);

    const wrongCurrent = await person.call<ErrorBody>('POST', '/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'my own river stone 7',
    });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.message).toBe('currentPassword: 当前密码不正确');
    const same = await person.call<ErrorBody>('POST', '/api/auth/password', {
      currentPassword: 'Initial-Hand-Over-42',
      newPassword: 'Initial-Hand-Over-42',
    });
    expect(same.body.message).toBe('newPassword: 新密码不能与当前密码相同');
    const weak = await person.call<ErrorBody>('POST', '/api/auth/password', {
      currentPassword: 'Initial-Hand-Over-42',
      newPassword: 'qwertyqwerty',
    });
    expect(weak.body.message).toContain('这个密码太常见');

    const changed = await person.call('POST', '/api/auth/password', {
      currentPassword: 'Initial-Hand-Over-42',
      newPassword: 'my own river stone 7',
    });
    expect(changed.status).toBe(204);
    expect((await person.call('GET', '/api/me/todo')).status).toBe(200);
    const again = await api.client().login('zlglc.new', 'my own river stone 7');
    expect(again.body.mustChangePassword).toBe(false);

    const recorded = await events(`?userId=${created.body.id}`);
    expect(recorded.items.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['account-created', 'sign-in', 'password-changed']),
    );
    const creation = recorded.items.find((e) => e.kind === 'account-created');
    expect(creation).toMatchObject({
      actorName: '系统管理员',
      subjectName: '钱七（zlglc.new）',
      kindLabel: '新增账号',
    });
    expect(creation?.ip).toBeTruthy();
  });

  it('ends the person’s other sessions when they change their password', async () => {
    const laptop = api.client();
    const phone = api.client();
    await laptop.login('zlglc.new', 'my own river stone 7');
    await phone.login('zlglc.new', 'my own river stone 7');
    await laptop.call('POST', '/api/auth/password', {
      currentPassword: 'my own river stone 7',
      newPassword: 'another long phrase 8',
    });
    expect((await laptop.call('GET', '/api/me')).status).toBe(200);
    const other = await phone.call<ErrorBody>('GET', '/api/me');
    expect(other.status).toBe(401);
    expect(other.body.message).toBe('密码已修改，请用新密码重新登录');
  });

  it('changes roles and department, applied at the person’s next request, and recorded', async () => {
    const users = await admin.call<User[]>('GET', '/api/users');
    const target = users.body.find((u) => u.username === 'zlglc.new') as User;
    const person = api.client();
    await person.login('zlglc.new', 'another long phrase 8');
    expect((await person.call('GET', '/api/users')).status).toBe(403);

    const changed = await admin.call<User>('PATCH', `/api/users/${target.id}`, {
      roles: ['staff', 'coordinator'],
      departmentId: department('bgs'),
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      roles: ['staff', 'coordinator'],
      departmentId: department('bgs'),
    });
    expect((await person.call('GET', '/api/users')).status).toBe(200);

    const change = (await events('?kind=account-changed')).items[0];
    expect(change?.details).toEqual({
      before: { roles: ['staff'], departmentId: department('zlglc') },
      after: { roles: ['staff', 'coordinator'], departmentId: department('bgs') },
      rolesChanged: true,
    });
    // Only admins manage accounts.
    expect(
      (await person.call('PATCH', `/api/users/${target.id}`, { roles: ['admin'] })).status,
    ).toBe(403);
  });

  it('resets a password: a one-time password shown once, sessions ended, a change required', async () => {
    const users = await admin.call<User[]>('GET', '/api/users');
    const target = users.body.find((u) => u.username === 'zlglc.new') as User;
    const person = api.client();
    await person.login('zlglc.new', 'another long phrase 8');
    const reset = await admin.call<{ oneTimePassword: string }>(
      'POST',
      `/api/users/${target.id}/reset-password`,
    );
    expect(reset.status).toBe(200);
    expect(reset.body.oneTimePassword).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    const ended = await person.call<ErrorBody>('GET', '/api/me');
    expect(ended.body.message).toBe('密码已被管理员重置，请用一次性密码重新登录');
    expect((await api.client().login('zlglc.new', 'another long phrase 8')).status).toBe(401);
    const back = await api.client().login('zlglc.new', reset.body.oneTimePassword);
    expect(back.body.mustChangePassword).toBe(true);
    const event = (await events('?kind=password-reset')).items[0];
    expect(JSON.stringify(event)).not.toContain(reset.body.oneTimePassword);
  });

  it('keeps one active admin: no self-deactivation, no removing the last admin role', async () => {
    const users = await admin.call<User[]>('GET', '/api/users');
    const self = users.body.find((u) => u.username === 'admin') as User;
    const deactivate = await admin.call<ErrorBody>('POST', `/api/users/${self.id}/deactivate`);
    expect(deactivate.status).toBe(409);
    expect(deactivate.body.message).toBe('不能停用自己的账号');
    const demote = await admin.call<ErrorBody>('PATCH', `/api/users/${self.id}`, {
      roles: ['coordinator'],
    });
    expect(demote.status).toBe(409);
    expect(demote.body.message).toBe('不能取消最后一位系统管理员的管理员角色');
  });

  it('records created departments and keyword rules with who and from where', async () => {
    const created = await admin.call<{ id: string }>('POST', '/api/departments', {
      name: '审计处',
      code: 'sjc',
      parentId: department('bureau'),
    });
    expect(created.status).toBe(201);
    const rule = await admin.call<{ id: string }>('POST', '/api/department-rules', {
      keyword: '审计',
      departmentId: created.body.id,
    });
    expect(rule.status).toBe(201);
    expect((await admin.call('DELETE', `/api/department-rules/${rule.body.id}`)).status).toBe(204);
    const recorded = await events(
      '?kind=department-created,keyword-rule-created,keyword-rule-deleted',
    );
    expect(recorded.items.map((e) => e.kind)).toEqual([
      'keyword-rule-deleted',
      'keyword-rule-created',
      'department-created',
    ]);
    expect(recorded.items.every((e) => e.actorName === '系统管理员' && e.ip)).toBe(true);
    expect(recorded.items[2]?.details).toMatchObject({ code: 'sjc', name: '审计处' });
  });

  it('lets admins set the session and lock-out settings, checked and recorded', async () => {
    expect((await admin.call('GET', '/api/security-settings')).body).toEqual({
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 12,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
      updatedAt: null,
      updatedByName: null,
    });
    const bad = await admin.call<ErrorBody>('PUT', '/api/security-settings', {
      idleTimeoutMinutes: 1,
      absoluteTimeoutHours: 12,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('空闲超时（分钟）应为 5 到 1440 之间的整数');
    const set = await admin.call<{ idleTimeoutMinutes: number; updatedByName: string }>(
      'PUT',
      '/api/security-settings',
      { idleTimeoutMinutes: 20, absoluteTimeoutHours: 8, lockoutThreshold: 6, lockoutMinutes: 10 },
    );
    expect(set.body).toMatchObject({ idleTimeoutMinutes: 20, updatedByName: '系统管理员' });
    const change = (await events('?kind=settings-changed')).items[0];
    expect(change?.details).toEqual({
      before: {
        idleTimeoutMinutes: 30,
        absoluteTimeoutHours: 12,
        lockoutThreshold: 5,
        lockoutMinutes: 15,
      },
      after: {
        idleTimeoutMinutes: 20,
        absoluteTimeoutHours: 8,
        lockoutThreshold: 6,
        lockoutMinutes: 10,
      },
    });
    const staff = api.client();
    await staff.login('bhc.staff', api.password);
    expect((await staff.call('GET', '/api/security-settings')).status).toBe(403);
    expect((await staff.call('GET', '/api/security-events')).status).toBe(403);
  });

  it('filters security events and exports them as CSV that Excel cannot mistake for formulas', async () => {
    await api.client().login('=HYPERLINK("http://evil")', 'whatever-password');
    const failed = await events('?kind=sign-in-failed&q=HYPERLINK');
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({
      kindLabel: '登录失败',
      username: '=HYPERLINK("http://evil")',
    });

    const res = await fetch(`${api.url}/api/security-events/export?kind=sign-in-failed`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toMatch(
      /安全事件-\d{8}\.csv/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    // A byte order mark first: Excel then reads the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      '时间（北京时间）,类别,操作人,登录用户名,涉及账号,来源地址,请求,状态,代码,原因,详情,浏览器',
    );
    const rows = await api.ds
      .getRepository(SecurityEventEntity)
      .countBy({ kind: 'sign-in-failed' });
    expect(lines).toHaveLength(rows + 1);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});
