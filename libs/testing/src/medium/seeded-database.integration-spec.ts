import { DepartmentEntity, UserEntity, createDataSource } from '@workpoints/persistence';
import { verify } from 'argon2';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { TestDatabase } from '../test-database';
import { SEEDED_PASSWORD, createSeededDatabase } from './seeded-database';

describe('createSeededDatabase', () => {
  const dbs: TestDatabase[] = [];
  const sources: DataSource[] = [];
  const open = async (db: TestDatabase) => {
    const ds = await createDataSource(db.url).initialize();
    sources.push(ds);
    return ds;
  };

  afterAll(async () => {
    for (const ds of sources) await ds.destroy();
    for (const db of dbs) await db.drop();
  });

  it('gives each caller its own migrated, seeded copy of one template', async () => {
    const [a, b] = await Promise.all([
      createSeededDatabase('wp_seeded'),
      createSeededDatabase('wp_seeded'),
    ]);
    dbs.push(a, b);
    expect(a.name).not.toBe(b.name);
    const [da, dbb] = [await open(a), await open(b)];

    const users = await da.getRepository(UserEntity).count();
    expect(users).toBe(24);
    expect(await da.getRepository(DepartmentEntity).count()).toBe(11);
    const [{ n }] = await da.query<{ n: number }[]>('SELECT count(*)::int AS n FROM migrations');
    expect(n).toBeGreaterThan(0);
    const staff = await da
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where(`u.username = 'zlglc.staff'`)
      .getOneOrFail();
    expect(await verify(staff.passwordHash, SEEDED_PASSWORD)).toBe(true);

    // Copies, not one database: a change to one leaves the other as it was.
    await da.getRepository(UserEntity).update({ username: 'zlglc.staff' }, { displayName: '改名' });
    expect(
      (await dbb.getRepository(UserEntity).findOneByOrFail({ username: 'zlglc.staff' }))
        .displayName,
    ).toBe('吴佳怡');

    // Both from the same template, which no connection holds open.
    const server = new Client({
      connectionString:
        process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    await server.connect();
    try {
      const { rows } = await server.query<{ datname: string; connections: number }>(
        `SELECT d.datname, (SELECT count(*)::int FROM pg_stat_activity a WHERE a.datname = d.datname) AS connections
           FROM pg_database d WHERE d.datname LIKE 'wp\\_medium\\_tpl\\_%'`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.every((r) => r.connections === 0)).toBe(true);
    } finally {
      await server.end();
    }
  });
});
