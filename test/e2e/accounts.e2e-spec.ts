import { repoRoot } from '@workpoints/temporal';
import { type E2eStack, startE2eStack } from '@workpoints/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The built CLI, its password on standard input; what it printed and how it ended. */
function cli(
  args: string[],
  env: Record<string, string>,
  stdin: string,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot(), 'dist/apps/cli/src/main.js'), ...args],
      {
        env: { PATH: process.env['PATH'] ?? '', ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

/**
 * A production start as the README tells it: `workpoints create-admin` with the password
 * piped in (never an argument), then that admin signs in to the running API as curl would.
 */
describe('accounts from the command line to the API', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack({ apps: ['api'] });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('creates the first admin from standard input; the admin signs in with it', async () => {
    const password = 'correct horse battery staple 42';
    const created = await cli(
      ['create-admin', '--username', 'root.admin', '--name', '系统管理员（生产）'],
      { DATABASE_URL: stack.db.url },
      `${password}\n`,
    );
    expect([created.code, created.err]).toEqual([0, '']);
    expect(created.out).toContain('created admin root.admin');

    const res = await fetch(`${stack.api.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root.admin', password }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      accessToken: string;
      expiresIn: number;
      mustChangePassword: boolean;
      user: { roles: string[] };
    };
    expect(body).toMatchObject({
      expiresIn: 1800, // the stack's ACCESS_TOKEN_TTL (30 minutes; 10 by default)
      mustChangePassword: false,
      user: { roles: ['admin'] },
    });
    // The README's curl walks use the access token alone; the refresh cookie is the browser's.
    const users = await stack.api.request<unknown[]>('GET', '/users', body.accessToken);
    expect(users.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(
      /^wp_refresh=.*HttpOnly; Secure; SameSite=Strict$/,
    );

    const again = await cli(
      ['create-admin', '--username', 'root.admin', '--name', '又一位', '--password', password],
      { DATABASE_URL: stack.db.url },
      '',
    );
    expect(again.code).toBe(2);
    expect(again.err).toContain('create-admin takes no --password.');
  });
});
