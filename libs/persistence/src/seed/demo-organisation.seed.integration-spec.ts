// Test helpers are a test-only dependency; the tag rules have no test-file exception yet.
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { verify } from 'argon2';
import { IsNull, type DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { DepartmentEntity, UserEntity } from '../entities';
import { runMigrations } from '../migrate';
import { seedDemoOrganisation, type DemoAccount } from './demo-organisation.seed';

describe('seedDemoOrganisation', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let accounts: DemoAccount[] | null;

  beforeAll(async () => {
    db = await createTestDatabase('wp_seed');
    await runMigrations(db.url);
    ds = createDataSource(db.url);
    await ds.initialize();
    accounts = await seedDemoOrganisation(ds, { password: 'demo-password' });
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('creates the bureau with its ten divisions as a tree', async () => {
    const departments = ds.getRepository(DepartmentEntity);
    expect(await departments.count()).toBe(11);

    const [root] = await departments.find({
      where: { parentId: IsNull() },
      relations: { children: true },
    });
    expect(root).toMatchObject({ code: 'bureau', name: '市知识产权局', kind: 'bureau' });
    const children = [...(root?.children ?? [])].sort((a, b) => a.position - b.position);
    expect(children.map((d) => `${d.code} ${d.name}`)).toEqual([
      'bgs 办公室',
      'tfc 条法处',
      'zlglc 专利管理处',
      'sbppc 商标品牌处',
      'yycjc 运用促进处',
      'bhc 保护处',
      'ggfwc 公共服务处',
      'rsc 人事处',
      'ghcwc 规划财务处',
      'jgdw 机关党委',
    ]);
    expect(children.every((d) => d.kind === 'division')).toBe(true);
  });

  it('creates the accounts it returns, with argon2id hashes of the password', async () => {
    expect(accounts).toHaveLength(24);
    expect(accounts).toEqual(
      expect.arrayContaining<DemoAccount>([
        {
          username: 'admin',
          displayName: '系统管理员',
          roles: ['admin'],
          departmentName: '市知识产权局',
        },
        {
          username: 'coordinator',
          displayName: '王敏',
          roles: ['coordinator', 'staff'],
          departmentName: '办公室',
        },
        {
          username: 'supervisor.li',
          displayName: '李副局长',
          roles: ['supervisor'],
          departmentName: '市知识产权局',
        },
        {
          username: 'supervisor.zhang',
          displayName: '张副局长',
          roles: ['supervisor'],
          departmentName: '市知识产权局',
        },
        expect.objectContaining({
          username: 'bhc.head',
          roles: ['head'],
          departmentName: '保护处',
        }),
        expect.objectContaining({
          username: 'jgdw.staff',
          roles: ['staff'],
          departmentName: '机关党委',
        }),
      ]),
    );

    const users = await ds
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .leftJoinAndSelect('user.department', 'department')
      .getMany();
    expect(users.map((u) => u.username).sort()).toEqual(accounts?.map((a) => a.username).sort());
    for (const user of users) {
      const account = accounts?.find((a) => a.username === user.username);
      expect({
        roles: user.roles,
        departmentName: user.department?.name,
        active: user.active,
      }).toEqual({
        roles: account?.roles,
        departmentName: account?.departmentName,
        active: true,
      });
    }

    const admin = users.find((u) => u.username === 'admin');
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(admin?.passwordHash ?? '', 'demo-password')).toBe(true);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(users.length);
  });

  it('returns null and changes nothing the second time', async () => {
    const before = await ds.query<unknown[]>(
      `SELECT id, username, password_hash FROM users ORDER BY id`,
    );

    expect(await seedDemoOrganisation(ds, { password: 'other' })).toBeNull();

    expect(await ds.getRepository(DepartmentEntity).count()).toBe(11);
    expect(await ds.query(`SELECT id, username, password_hash FROM users ORDER BY id`)).toEqual(
      before,
    );
  });
});
