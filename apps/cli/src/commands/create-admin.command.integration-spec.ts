import {
  createDataSource,
  runMigrations,
  SecurityEventEntity,
  UserEntity,
} from '@workpoints/persistence';
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { verify } from 'argon2';
import { PassThrough, Readable } from 'node:stream';
import { createAdminCommand, type CommandIo } from './create-admin.command';

/** Standard input holding `text`, and the command's output collected. */
function io(text: string): CommandIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { stdin: Readable.from([text]), stdout, stderr, out: () => out, err: () => err };
}

describe('create-admin', () => {
  let db: TestDatabase;
  let previous: string | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('wp_cli');
    await runMigrations(db.url);
    previous = process.env['DATABASE_URL'];
    process.env['DATABASE_URL'] = db.url;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env['DATABASE_URL'];
    else process.env['DATABASE_URL'] = previous;
    await db?.drop();
  });

  it('creates the first admin with the password read from standard input', async () => {
    const run = io('a river of quiet stones 7\nignored second line\n');
    const code = await createAdminCommand(
      ['--username', 'root.admin', '--name', '系统管理员'],
      run,
    );
    expect([code, run.err()]).toEqual([0, '']);
    expect(run.out()).toMatch(/^created admin root\.admin \(系统管理员\), id [0-9a-f-]{36}\n$/);

    const ds = await createDataSource(db.url).initialize();
    try {
      const user = await ds
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.username = :u', { u: 'root.admin' })
        .getOneOrFail();
      expect(user).toMatchObject({
        roles: ['admin'],
        departmentId: null,
        active: true,
        mustChangePassword: false,
      });
      expect(await verify(user.passwordHash, 'a river of quiet stones 7')).toBe(true);
      const event = await ds.getRepository(SecurityEventEntity).findOneByOrFail({
        kind: 'account-created',
        subjectUserId: user.id,
      });
      expect(event.details).toEqual({ via: 'cli', roles: ['admin'] });
    } finally {
      await ds.destroy();
    }
  });

  it('takes no password as an argument: it would show in the process list', async () => {
    const run = io('');
    const code = await createAdminCommand(
      ['--username', 'other.admin', '--name', '管理员', '--password', 'visible-to-ps-1234'],
      run,
    );
    expect(code).toBe(2);
    expect(run.err()).toContain('create-admin takes no --password.');
  });

  it('refuses a password the policy refuses, and an empty input, changing nothing', async () => {
    const weak = io('password1234\n');
    expect(await createAdminCommand(['--username', 'weak.admin', '--name', '管理员'], weak)).toBe(
      1,
    );
    expect(weak.err()).toBe('password refused: 这个密码太常见，容易被猜中，请换一个\n');
    const empty = io('');
    expect(await createAdminCommand(['--username', 'weak.admin', '--name', '管理员'], empty)).toBe(
      2,
    );
    expect(empty.err()).toContain('no password on standard input.');
    const ds = await createDataSource(db.url).initialize();
    try {
      expect(await ds.getRepository(UserEntity).existsBy({ username: 'weak.admin' })).toBe(false);
    } finally {
      await ds.destroy();
    }
  });

  it('refuses a user name that exists', async () => {
    const run = io('a river of quiet stones 8\n');
    expect(await createAdminCommand(['--username', 'root.admin', '--name', '另一位'], run)).toBe(1);
    expect(run.err()).toBe('a user named root.admin exists already: nothing changed.\n');
  });
});
