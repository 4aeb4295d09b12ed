import { DepartmentEntity, UserEntity } from '@workpoints/persistence';
import { toUserView } from './user.mapper';

const user = (): UserEntity =>
  Object.assign(new UserEntity(), {
    id: '6f1c1b3e-0000-4000-8000-000000000001',
    username: 'wujy',
    displayName: '吴佳怡',
    passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
    departmentId: '6f1c1b3e-0000-4000-8000-0000000000d1',
    department: Object.assign(new DepartmentEntity(), { id: 'd1', name: '专利管理处' }),
    roles: ['staff'],
    active: true,
    email: 'wujy@example.org',
    mustChangePassword: false,
    failedSignIns: 2,
    lockouts: 0,
    lockedUntil: null,
    lastSignInAt: new Date('2026-02-06T00:00:00.000Z'),
    passwordChangedAt: null,
    notificationPreferences: { digestTime: '08:30' },
    createdAt: new Date('2026-01-05T01:02:03.004Z'),
    updatedAt: new Date('2026-02-06T07:08:09.010Z'),
  });

describe('toUserView', () => {
  it('never carries the password hash, whatever the row held', () => {
    const view = toUserView(user());
    expect(view).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(view)).not.toContain('argon2');
  });

  it('leaves out the relation and the person’s own notification settings', () => {
    const view = toUserView(user());
    expect(view).not.toHaveProperty('department');
    expect(view).not.toHaveProperty('notificationPreferences');
    expect(Object.keys(view).sort()).toEqual(
      [
        'active',
        'createdAt',
        'departmentId',
        'displayName',
        'email',
        'id',
        'lastSignInAt',
        'lockedUntil',
        'mustChangePassword',
        'roles',
        'updatedAt',
        'username',
      ].sort(),
    );
  });

  it('shows a lock only while it lasts, and leaves out the failure counts', () => {
    const now = Date.now();
    expect(
      toUserView({ ...user(), lockedUntil: new Date(now + 60_000) } as never).lockedUntil,
    ).toBe(new Date(now + 60_000).toISOString());
    expect(
      toUserView({ ...user(), lockedUntil: new Date(now - 1) } as never).lockedUntil,
    ).toBeNull();
    expect(toUserView(user())).not.toHaveProperty('failedSignIns');
  });

  it('carries dates as ISO strings, as the wire does', () => {
    const view = toUserView(user());
    expect(view.createdAt).toBe('2026-01-05T01:02:03.004Z');
    expect(view.updatedAt).toBe('2026-02-06T07:08:09.010Z');
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
