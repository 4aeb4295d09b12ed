import 'reflect-metadata';

const USAGE = `workpoints <command>

Commands:
  parse FILE [--json] [--year YYYY]   parse a work-plan document and print its points
  simulate --plan FILE --from D --to D [--json]
                                      run a plan's workflows on the time-skipping test server
  migrate                             apply pending database migrations (DATABASE_URL)
  seed --password P                   seed the demo organisation (skipped when already seeded)
  create-admin --username NAME --name 显示名 [--email ADDRESS]
                                      the first administrator; the password is read from
                                      standard input (hidden at a terminal), never an argument
  help                                this text
`;

type Command = (args: string[]) => Promise<number>;

// Each command loads only what it needs: `parse` must not pay for Nest and TypeORM.
const commands: Record<string, () => Promise<Command>> = {
  parse: async () => (await import('./commands/parse.command')).parseCommand,
  simulate: async () => (await import('./commands/simulate.command')).simulateCommand,
  migrate: async () => (await import('./commands/database.commands')).migrateCommand,
  seed: async () => (await import('./commands/database.commands')).seedCommand,
  'create-admin': async () => (await import('./commands/create-admin.command')).createAdminCommand,
  help: async () => async () => {
    console.log(USAGE);
    return 0;
  },
};

async function main(argv: string[]): Promise<number> {
  const [name = 'help', ...rest] = argv;
  const load = commands[name];
  if (!load) {
    console.error(`unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
