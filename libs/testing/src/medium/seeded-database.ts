import {
  MIGRATIONS,
  createDataSource,
  runMigrations,
  seedDefaultKeywordRules,
  seedDemoOrganisation,
} from '@workpoints/persistence';
import { repoRoot } from '@workpoints/temporal';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, testServerUrl, withServer, type TestDatabase } from '../test-database';

/** The password of every account in a seeded database. */
export const SEEDED_PASSWORD = 'medium-tier';

const TEMPLATE_PREFIX = 'wp_medium_tpl_';
const BUILDING_PREFIX = 'wp_medium_building_';
/** Serialises the building of templates across jest workers and test runs on one server. */
const TEMPLATE_LOCK_KEY = 742_101;
/** A template of another schema is dropped once this old: a run of another branch may use it. */
const STALE_AFTER_MS = 24 * 3_600_000;

/**
 * A new database, migrated (`runMigrations`) and seeded with the demo organisation and the
 * default keyword rules, all accounts with {@link SEEDED_PASSWORD}. Seeding hashes two dozen
 * passwords with argon2 (about 2 s on a small machine), so it is done once into a template
 * database named after the migrations and seed sources, and each test file gets a copy of it
 * (CREATE DATABASE … TEMPLATE, some 100 ms). A change to a migration or a seed builds a new
 * template; templates of other schemas are dropped a day after they were built.
 */
export async function createSeededDatabase(prefix: string): Promise<TestDatabase> {
  const template = await ensureTemplate();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await createTestDatabase(prefix, { template });
    } catch (error) {
      // 55006: another session is connected to the template; only a moment, while it is built.
      if ((error as { code?: string }).code !== '55006' || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function ensureTemplate(): Promise<string> {
  const fingerprint = schemaFingerprint();
  return withServer(testServerUrl(), async (server) => {
    await server.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const { rows } = await server.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'wp\\_medium\\_%'`,
      );
      const names = rows.map((r) => r.datname);
      const current = names.find((n) => n.startsWith(`${TEMPLATE_PREFIX}${fingerprint}_`));
      // Under the lock nobody is building: a building database left behind is a killed run's.
      const leftovers = names.filter(
        (n) =>
          n.startsWith(BUILDING_PREFIX) ||
          (n.startsWith(TEMPLATE_PREFIX) &&
            n !== current &&
            builtAt(n) < Date.now() - STALE_AFTER_MS),
      );
      for (const name of leftovers)
        await server.query(`DROP DATABASE IF EXISTS "${name}"`).catch(() => undefined);
      if (current) return current;

      // Built under another name and renamed when complete: a crash half-way leaves no template.
      const building = await createTestDatabase(BUILDING_PREFIX.slice(0, -1));
      try {
        await runMigrations(building.url);
        const ds = await createDataSource(building.url).initialize();
        try {
          await seedDemoOrganisation(ds, { password: SEEDED_PASSWORD });
          await seedDefaultKeywordRules(ds);
        } finally {
          await ds.destroy();
        }
        const name = `${TEMPLATE_PREFIX}${fingerprint}_${Date.now().toString(36)}`;
        await server.query(`ALTER DATABASE "${building.name}" RENAME TO "${name}"`);
        return name;
      } catch (error) {
        await building.drop();
        throw error;
      }
    } finally {
      await server.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
}

/** When a template was built, from its name (a name that does not say counts as old). */
function builtAt(name: string): number {
  const stamp = name.split('_').at(-1) ?? '';
  const at = parseInt(stamp, 36);
  return Number.isFinite(at) ? at : 0;
}

/** What the template's contents follow from: the migrations and the seed sources. */
function schemaFingerprint(): string {
  const hash = createHash('sha256');
  for (const migration of MIGRATIONS) hash.update(`${migration.name}\n${String(migration)}\n`);
  const seeds = join(repoRoot(), 'libs/persistence/src/seed');
  for (const file of readdirSync(seeds).sort())
    if (!file.includes('spec')) hash.update(readFileSync(join(seeds, file)));
  return hash.digest('hex').slice(0, 12);
}
