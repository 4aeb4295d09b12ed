import { loadConfig } from '@workpoints/config';
import { passwordProblems } from '@workpoints/domain';
import { isCommonPassword } from '@workpoints/domain/common-passwords';
import { SecurityEventEntity, UserEntity, createDataSource } from '@workpoints/persistence';
import { argon2id, hash } from 'argon2';
import { parseArgs } from 'node:util';

export interface CommandIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE =
  'usage: create-admin --username NAME --name 显示名 [--email ADDRESS] < password\n' +
  'The password comes from standard input (typed, hidden, at a terminal; else its first line),\n' +
  'never from an argument: arguments show in the process list.';

/**
 * The first administrator of a production installation: an account with the admin role and no
 * department, its password read from standard input and checked against the password policy.
 * The admin creates everyone else in 用户管理. Recorded as a security event.
 */
export async function createAdminCommand(
  args: string[],
  io: CommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let values: { username?: string; name?: string; email?: string; password?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
      },
    }));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.password !== undefined) {
    io.stderr.write(`create-admin takes no --password.\n${USAGE}\n`);
    return 2;
  }
  const username = values.username ?? '';
  const displayName = values.name?.trim() ?? '';
  if (!/^[a-z][a-z0-9._-]{2,63}$/.test(username) || !displayName) {
    io.stderr.write(
      `--username must be 3–64 lower-case letters, digits, . _ or - starting with a letter, and --name is required.\n${USAGE}\n`,
    );
    return 2;
  }
  const password = await readPassword(io);
  if (password === null) {
    io.stderr.write(`no password on standard input.\n${USAGE}\n`);
    return 2;
  }
  const problems = passwordProblems(password, { username, displayName }, isCommonPassword);
  if (problems.length > 0) {
    io.stderr.write(`password refused: ${problems.join('；')}\n`);
    return 1;
  }

  const ds = await createDataSource(databaseUrl()).initialize();
  try {
    if (await ds.getRepository(UserEntity).existsBy({ username })) {
      io.stderr.write(`a user named ${username} exists already: nothing changed.\n`);
      return 1;
    }
    const passwordHash = await hash(password, { type: argon2id });
    const user = await ds.transaction(async (tx) => {
      const saved = await tx.save(
        tx.create(UserEntity, {
          username,
          displayName,
          passwordHash,
          departmentId: null,
          roles: ['admin'],
          email: values.email ?? null,
          active: true,
          // Chosen by the person who runs this: nothing to change at the first sign-in.
          mustChangePassword: false,
          passwordChangedAt: new Date(),
        }),
      );
      await tx.insert(SecurityEventEntity, {
        kind: 'account-created',
        username,
        subjectUserId: saved.id,
        reason: '命令行创建管理员（create-admin）',
        details: { via: 'cli', roles: ['admin'] },
      });
      return saved;
    });
    io.stdout.write(`created admin ${user.username} (${user.displayName}), id ${user.id}\n`);
    return 0;
  } finally {
    await ds.destroy();
  }
}

function databaseUrl(): string {
  // Only the database is needed; the other variables get harmless defaults here.
  return loadConfig({
    REDIS_URL: 'redis://127.0.0.1:6379',
    JWT_SECRET: 'x'.repeat(32),
    ...process.env,
  }).database.url;
}

/** The password: typed twice without echo at a terminal, else the first line of the input. */
async function readPassword(io: CommandIo): Promise<string | null> {
  if (io.stdin.isTTY && io.stdin.setRawMode) {
    const first = await readHidden(io, 'Password (at least 12 characters): ');
    const second = await readHidden(io, 'Again: ');
    if (first !== second) {
      io.stderr.write('the two entries differ.\n');
      return null;
    }
    return first || null;
  }
  let text = '';
  for await (const chunk of io.stdin) text += String(chunk);
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.length > 0 ? line : null;
}

/** One line from a terminal in raw mode, nothing echoed; Ctrl-C or Ctrl-D gives up. */
function readHidden(io: CommandIo, question: string): Promise<string> {
  io.stderr.write(question);
  const stdin = io.stdin;
  stdin.setRawMode?.(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(value));
        if (ch === '\u0003' || ch === '\u0004') return done(() => reject(new Error('cancelled')));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    const done = (settle: () => void) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
      settle();
    };
    stdin.on('data', onData);
  });
}
