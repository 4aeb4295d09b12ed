// Test helpers are a test-only dependency; the tag rules have no test-file exception yet.
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { DataSource } from 'typeorm';
import { createDataSource, dataSourceOptions, MIGRATIONS } from './data-source';
import { RemindersToNotices1796223460510 } from './migrations/1796223460510-reminders-to-notices';
import { revertAll, runMigrations } from './migrate';
import { schemaDrift } from './schema-drift';

const TABLES = [
  'attachments',
  'audit_events',
  'bulletins',
  'calendar_overrides',
  'department_keyword_rules',
  'department_robots',
  'departments',
  'inbox_items',
  'migrations',
  'notices',
  'notifications',
  'plan_imports',
  'plan_nodes',
  'plans',
  'progress_reports',
  'refresh_tokens',
  'security_events',
  'security_settings',
  'sessions',
  'sign_offs',
  'target_actuals',
  'users',
  'work_point_co_departments',
  'work_points',
];

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('wp_schema');
  });

  afterAll(async () => {
    await db.drop();
  });

  async function withDataSource<T>(work: (ds: DataSource) => Promise<T>): Promise<T> {
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      return await work(ds);
    } finally {
      await ds.destroy();
    }
  }

  async function tables(): Promise<string[]> {
    return withDataSource(async (ds) => {
      const rows = await ds.query<{ tablename: string }[]>(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
      );
      return rows.map((r) => r.tablename);
    });
  }

  it('apply to an empty database, after which the entities and the schema agree', async () => {
    const lines: string[] = [];
    const applied = await runMigrations(db.url, (line) => lines.push(line));

    expect(applied).toEqual(MIGRATIONS.map((m) => m.name));
    expect(lines).toEqual(applied.map((name) => `migration applied: ${name}`));
    expect(await tables()).toEqual(TABLES);
    expect(await withDataSource(schemaDrift)).toEqual({ up: [], down: [] });
  });

  it('apply nothing the second time', async () => {
    expect(await runMigrations(db.url)).toEqual([]);
  });

  it('revert cleanly, leaving only the empty migrations table, and apply again', async () => {
    const reverted = await revertAll(db.url);

    expect(reverted).toEqual(MIGRATIONS.map((m) => m.name).reverse());
    expect(await tables()).toEqual(['migrations']);
    expect(await withDataSource((ds) => ds.query('SELECT * FROM migrations'))).toEqual([]);
    expect(await revertAll(db.url)).toEqual([]);

    expect(await runMigrations(db.url)).toHaveLength(MIGRATIONS.length);
    expect(await withDataSource(schemaDrift)).toEqual({ up: [], down: [] });
  });

  it('serialise concurrent runners: each migration is applied exactly once', async () => {
    await revertAll(db.url);
    const results = await Promise.all([
      runMigrations(db.url),
      runMigrations(db.url),
      runMigrations(db.url),
    ]);
    expect(results.flat()).toEqual(MIGRATIONS.map((m) => m.name));
  });
});

/**
 * `reminders` became `notices` (RemindersToNotices): on a database that already holds rows,
 * the rename keeps them, under the new table and constraint names, and `down` brings the old
 * names back with the rows.
 */
describe('the rename of reminders to notices', () => {
  let db: TestDatabase;
  const RENAME = new RemindersToNotices1796223460510().name;
  const before = MIGRATIONS.slice(
    0,
    MIGRATIONS.findIndex((m) => m.name === RemindersToNotices1796223460510.name),
  );

  beforeAll(async () => {
    db = await createTestDatabase('wp_rename');
  });

  afterAll(async () => {
    await db.drop();
  });

  /** A data source that knows only some migrations (and no entities), as an older release. */
  async function withMigrations<T>(
    migrations: typeof MIGRATIONS,
    work: (ds: DataSource) => Promise<T>,
  ): Promise<T> {
    const ds = new DataSource({ ...dataSourceOptions(db.url), entities: [], migrations });
    await ds.initialize();
    try {
      return await work(ds);
    } finally {
      await ds.destroy();
    }
  }

  const names = (ds: DataSource, table: string) =>
    ds
      .query<{ name: string }[]>(
        `SELECT conname AS name FROM pg_constraint WHERE conrelid = $1::regclass
         UNION SELECT indexname FROM pg_indexes WHERE tablename = $2 ORDER BY 1`,
        [table, table],
      )
      .then((rows) => rows.map((r) => r.name));

  it('keeps the rows of an existing database, and gives them back on the way down', async () => {
    const row = await withMigrations(before, async (ds) => {
      await ds.runMigrations({ transaction: 'each' });
      const [{ id: dept }] = await ds.query<{ id: string }[]>(
        `INSERT INTO departments (code, name, kind) VALUES ('zhc', '综合处', 'division') RETURNING id`,
      );
      const [{ id: user }] = await ds.query<{ id: string }[]>(
        `INSERT INTO users (username, display_name, password_hash, roles)
         VALUES ('li', '李静', 'not-a-real-hash', '{coordinator}') RETURNING id`,
      );
      const [{ id: plan }] = await ds.query<{ id: string }[]>(
        `INSERT INTO plans (title, year, created_by_id) VALUES ('2025年工作要点', 2025, $1) RETURNING id`,
        [user],
      );
      const [{ id: point }] = await ds.query<{ id: string }[]>(
        `INSERT INTO work_points (plan_id, number, title, position) VALUES ($1, 1, '要点', 0) RETURNING id`,
        [plan],
      );
      await ds.query(
        `INSERT INTO reminders (point_id, kind, due_date, notice_date, recipient, recipient_key,
                                department_id, created_at)
         VALUES ($1, 'overdue', '2025-06-30', '2025-07-01', 'lead', 'lead:' || $2, $2::uuid, now())`,
        [point, dept],
      );
      return { point, dept };
    });

    expect(await runMigrations(db.url)).toContain(RENAME);
    await withDataSource(async (ds) => {
      expect(await ds.query(`SELECT point_id, kind, recipient_key FROM notices`)).toEqual([
        { point_id: row.point, kind: 'overdue', recipient_key: `lead:${row.dept}` },
      ]);
      expect(await ds.query(`SELECT to_regclass('reminders') AS old`)).toEqual([{ old: null }]);
      expect(await names(ds, 'notices')).toEqual([
        'fk_notices_department_id',
        'fk_notices_point_id',
        'fk_notices_user_id',
        'ix_notices_point_notice_date',
        'pk_notices',
        'uq_notices_once',
      ]);
      expect(await schemaDrift(ds)).toEqual({ up: [], down: [] });
    });

    await withMigrations(MIGRATIONS, async (ds) => {
      const executed = async () =>
        (await ds.query<{ name: string }[]>('SELECT name FROM migrations')).map((m) => m.name);
      while ((await executed()).includes(RENAME))
        await ds.undoLastMigration({ transaction: 'each' });
      expect(await ds.query(`SELECT point_id FROM reminders`)).toEqual([{ point_id: row.point }]);
      expect(await names(ds, 'reminders')).toEqual([
        'fk_reminders_department_id',
        'fk_reminders_point_id',
        'fk_reminders_user_id',
        'ix_reminders_point_notice_date',
        'pk_reminders',
        'uq_reminders_once',
      ]);
    });
  });

  async function withDataSource<T>(work: (ds: DataSource) => Promise<T>): Promise<T> {
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      return await work(ds);
    } finally {
      await ds.destroy();
    }
  }
});
