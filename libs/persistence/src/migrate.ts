import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';

/**
 * Any fixed key shared by every process of workpoints: while one process holds it, another
 * that starts migrating at the same moment (two replicas booting) waits instead of racing.
 */
const MIGRATION_LOCK_KEY = 742_001;

/**
 * Applies the pending migrations, each in its own transaction, and returns their names in
 * the order applied (empty when the schema is current). Meant for one process: the `migrate`
 * step of a deployment or the dev stack, never on every API boot.
 */
export async function runMigrations(
  url: string,
  log: (line: string) => void = () => undefined,
): Promise<string[]> {
  return withMigrationLock(url, async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) log(`migration applied: ${migration.name}`);
    if (applied.length === 0) log('database schema is up to date');
    return applied.map((migration) => migration.name);
  });
}

/** Reverts every applied migration, newest first, and returns their names. For tests and resets. */
export async function revertAll(
  url: string,
  log: (line: string) => void = () => undefined,
): Promise<string[]> {
  return withMigrationLock(url, async (dataSource) => {
    const reverted: string[] = [];
    // undoLastMigration silently does nothing once the table is empty, so count first.
    const [{ present }] = await dataSource.query<{ present: boolean }[]>(
      `SELECT to_regclass('migrations') IS NOT NULL AS present`,
    );
    const executed = present
      ? await dataSource.query<{ name: string }[]>('SELECT name FROM migrations ORDER BY id DESC')
      : [];
    for (const { name } of executed) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      log(`migration reverted: ${name}`);
      reverted.push(name);
    }
    return reverted;
  });
}

async function withMigrationLock<T>(
  url: string,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work(dataSource);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
