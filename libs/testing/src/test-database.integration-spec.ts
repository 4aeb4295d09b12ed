import { Client } from 'pg';
import { createTestDatabase } from './test-database';

async function databaseExists(name: string): Promise<boolean> {
  const server = new Client({
    connectionString:
      process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await server.connect();
  try {
    const { rowCount } = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount === 1;
  } finally {
    await server.end();
  }
}

describe('createTestDatabase', () => {
  it('creates an empty database with a unique name and drops it despite open connections', async () => {
    const [a, b] = await Promise.all([
      createTestDatabase('wp_helper'),
      createTestDatabase('wp_helper'),
    ]);
    try {
      expect(a.name).toMatch(/^wp_helper_[a-z0-9]+_[0-9a-f]{8}$/);
      expect(a.name).not.toBe(b.name);
      expect(new URL(a.url).pathname).toBe(`/${a.name}`);

      const forgotten = new Client({ connectionString: a.url });
      forgotten.on('error', () => undefined); // the server ends this session when the database is dropped
      await forgotten.connect();
      const { rows } = await forgotten.query<{ db: string }>('SELECT current_database() AS db');
      expect(rows).toEqual([{ db: a.name }]);

      await a.drop();
      await a.drop();
      expect(await databaseExists(a.name)).toBe(false);
      expect(await databaseExists(b.name)).toBe(true);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  it('refuses a prefix that is not a plain identifier', async () => {
    await expect(createTestDatabase('wp"; DROP')).rejects.toThrow(/prefix/);
  });

  it('says which server it could not reach and how to get one', async () => {
    const saved = process.env['TEST_DATABASE_URL'];
    process.env['TEST_DATABASE_URL'] = 'postgres://postgres:secret@127.0.0.1:1/postgres';
    try {
      const error = await createTestDatabase().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain('postgres://postgres:***@127.0.0.1:1/postgres');
      expect(message).not.toContain('secret');
      expect(message).toContain('TEST_DATABASE_URL');
      expect(message).toMatch(/Start one/);
    } finally {
      if (saved === undefined) delete process.env['TEST_DATABASE_URL'];
      else process.env['TEST_DATABASE_URL'] = saved;
    }
  });
});
