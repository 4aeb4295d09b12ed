import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '@workpoints/config';
import { createDataSource, runMigrations, seedDemoOrganisation } from '@workpoints/persistence';

const USAGE = `workpoints <command>

Commands:
  migrate             apply pending database migrations (DATABASE_URL)
  seed --password P   seed the demo organisation (skipped when already seeded)
  help                this text
`;

type Command = (args: string[]) => Promise<number>;

function databaseUrl(): string {
  // The CLI needs only the database; the other variables get harmless defaults here.
  return loadConfig({
    REDIS_URL: 'redis://127.0.0.1:6379',
    JWT_SECRET: 'x'.repeat(32),
    ...process.env,
  }).database.url;
}

const commands: Record<string, Command> = {
  async migrate() {
    const applied = await runMigrations(databaseUrl(), (line) => console.error(line));
    console.error(
      applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date',
    );
    return 0;
  },
  async seed(args) {
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
      return 0;
    } finally {
      await ds.destroy();
    }
  },
  async help() {
    console.log(USAGE);
    return 0;
  },
};

async function main(argv: string[]): Promise<number> {
  const [name = 'help', ...rest] = argv;
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
