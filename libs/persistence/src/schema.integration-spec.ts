// Test helpers are a test-only dependency; the tag rules have no test-file exception yet.
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import type { DataSource } from 'typeorm';
import { createDataSource, MIGRATIONS } from './data-source';
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
  'notifications',
  'plan_imports',
  'plan_nodes',
  'plans',
  'progress_reports',
  'reminders',
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
