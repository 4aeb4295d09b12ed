import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  name: string;
  /** Terminates every connection to the database and drops it. Safe to call twice. */
  drop(): Promise<void>;
}

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates an empty database with a unique name on the test server, so test files can run
 * in parallel and leave nothing behind. The server is `TEST_DATABASE_URL` (any database on
 * it; the user must be allowed to CREATE DATABASE), else a local PostgreSQL as `postgres`.
 */
export async function createTestDatabase(
  prefix = 'wp_test',
  opts: { template?: string } = {},
): Promise<TestDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) {
    throw new Error(
      `createTestDatabase: prefix "${prefix}" must be lower-case letters, digits and _ (at most 41)`,
    );
  }
  const serverUrl = testServerUrl();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

  await withServer(serverUrl, (client) =>
    client.query(`CREATE DATABASE "${name}"${opts.template ? ` TEMPLATE "${opts.template}"` : ''}`),
  );

  const url = databaseUrl(name);
  let dropped = false;
  return {
    url,
    name,
    async drop() {
      if (dropped) return;
      // FORCE terminates the connections still open (a pool a test forgot to close).
      await withServer(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
      dropped = true;
    },
  };
}

/** The PostgreSQL server tests create their databases on (`TEST_DATABASE_URL`, or a local one). */
export function testServerUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? DEFAULT_SERVER_URL;
}

/** The URL of database `name` on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on a connection to the test server's own database (to create or drop others). */
export async function withServer<T>(
  serverUrl: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(unreachableMessage(serverUrl, error), { cause: error });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function unreachableMessage(serverUrl: string, error: unknown): string {
  const reason = error instanceof Error ? error.message || error.name : String(error);
  return [
    `Cannot connect to the test PostgreSQL server at ${redact(serverUrl)}: ${reason}.`,
    'Integration tests need a running PostgreSQL (13 or later) whose user may CREATE DATABASE.',
    'Start one, e.g. `docker run -d --rm -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:17`',
    'or your local service (`sudo service postgresql start`),',
    'or point TEST_DATABASE_URL at one (postgres://user:password@host:port/postgres).',
  ].join('\n');
}

function redact(serverUrl: string): string {
  try {
    const url = new URL(serverUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable TEST_DATABASE_URL)';
  }
}
