import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { canConnect, findFreePort, isPortFree } from './ports';
import { startRedis, type RunningRedis } from './redis-server';
import { startTemporalDevServer, type RunningTemporal } from './temporal-dev-server';
import { ensureTemporalCli } from './temporal-tools';

// Starts the real services the way `npm start` does, on free ports in a temporary folder.
jest.setTimeout(90_000);

describe('local services', () => {
  let dir: string;
  const output: string[] = [];
  const log = (line: string) => output.push(line);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'devstack-it-'));
    // As root, PostgreSQL runs as the postgres user, which must be able to reach its data folder.
    await chmod(dir, 0o755);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('runs the Temporal dev server and stops it', async () => {
    const cliPath = await ensureTemporalCli(log);
    const [port, uiPort] = [await findFreePort(), await findFreePort()];
    let temporal: RunningTemporal | undefined = await startTemporalDevServer({
      cliPath,
      port,
      uiPort,
      dbFile: join(dir, 'temporal', 'temporal.db'),
      log,
    });
    try {
      expect(temporal.address).toBe(`127.0.0.1:${port}`);
      expect(temporal.uiUrl).toBe(`http://127.0.0.1:${uiPort}`);
      const connection = await Connection.connect({ address: temporal.address });
      try {
        const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
        expect(ns.namespaceInfo?.name).toBe('default');
      } finally {
        await connection.close();
      }
      expect(existsSync(join(dir, 'temporal', 'temporal.db'))).toBe(true);
      await temporal.stop();
      temporal = undefined;
      expect(await isPortFree(port)).toBe(true);
    } finally {
      await temporal?.stop();
    }
  });

  it('runs an embedded PostgreSQL that keeps its data across restarts', async () => {
    const port = await findFreePort();
    const dataDir = join(dir, 'postgres');
    let pg: RunningPostgres | undefined = await startEmbeddedPostgres({ dataDir, port, log });
    try {
      expect(pg.initialised).toBe(true);
      expect(pg.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/workpoints`);
      await query(pg.url, 'CREATE TABLE kept (name text)');
      await query(pg.url, "INSERT INTO kept VALUES ('要点')");
      await pg.stop();
      expect(await canConnect(port)).toBe(false);

      pg = await startEmbeddedPostgres({ dataDir, port, log });
      expect(pg.initialised).toBe(false);
      expect(await query(pg.url, 'SELECT name FROM kept')).toEqual([{ name: '要点' }]);
      expect(await query(pg.url, 'SHOW server_encoding')).toEqual([{ server_encoding: 'UTF8' }]);
      await pg.stop();
      await pg.stop();
      pg = undefined;
      expect(await isPortFree(port)).toBe(true);
    } finally {
      await pg?.stop();
    }
  });

  it('runs a Redis with an append-only file in its data folder', async () => {
    const port = await findFreePort();
    const dataDir = join(dir, 'redis');
    let redis: RunningRedis | undefined = await startRedis({ port, dataDir, log });
    try {
      const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await client.connect();
      try {
        await client.set('k', 'v');
        expect(await client.config('GET', 'maxmemory-policy')).toEqual([
          'maxmemory-policy',
          'noeviction',
        ]);
      } finally {
        client.disconnect();
      }
      await redis.stop();
      redis = undefined;
      expect(existsSync(join(dataDir, 'appendonlydir'))).toBe(true);
      expect(await isPortFree(port)).toBe(true);
    } finally {
      await redis?.stop();
    }
  });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
