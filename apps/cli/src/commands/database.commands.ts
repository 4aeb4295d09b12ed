import { parseArgs } from 'node:util';
import { loadConfig } from '@workpoints/config';
import {
  createDataSource,
  runMigrations,
  seedDefaultKeywordRules,
  seedDemoOrganisation,
} from '@workpoints/persistence';

function databaseUrl(): string {
  // These commands need only the database; the other variables get harmless defaults here.
  return loadConfig({
    REDIS_URL: 'redis://127.0.0.1:6379',
    JWT_SECRET: 'x'.repeat(32),
    ...process.env,
  }).database.url;
}

export async function migrateCommand(): Promise<number> {
  const applied = await runMigrations(databaseUrl(), (line) => console.error(line));
  console.error(
    applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date',
  );
  return 0;
}

export async function seedCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { password: { type: 'string' } } });
  if (!values.password) {
    console.error('seed needs --password: the password every demo account gets');
    return 2;
  }
  const ds = await createDataSource(databaseUrl()).initialize();
  try {
    const accounts = await seedDemoOrganisation(ds, { password: values.password });
    if (!accounts) console.error('demo organisation already present: nothing changed');
    else
      for (const a of accounts)
        console.log(`${a.username}\t${a.displayName}\t${a.roles.join(',')}\t${a.departmentName}`);
    const rules = await seedDefaultKeywordRules(ds);
    if (rules) console.error(`added ${rules} keyword rules for department suggestions`);
    return 0;
  } finally {
    await ds.destroy();
  }
}
