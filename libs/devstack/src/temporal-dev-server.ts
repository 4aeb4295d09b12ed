import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Env, Log, Stoppable } from './log';
import {
  describeExit,
  formatRecentOutput,
  startProcess,
  type ProcessExit,
} from './managed-process';
import { waitForPort } from './ports';

export interface TemporalDevServerOptions {
  /** From ensureTemporalCli. */
  cliPath: string;
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflows across restarts; its folder is created if missing. */
  dbFile: string;
  log: Log;
  host?: string;
  env?: Env;
  startTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface RunningTemporal extends Stoppable {
  /** host:port for TEMPORAL_ADDRESS. */
  address: string;
  uiUrl: string;
  exited: Promise<ProcessExit>;
}

export function temporalDevServerArgs(options: {
  port: number;
  uiPort: number;
  dbFile: string;
  host?: string;
}): string[] {
  const { port, uiPort, dbFile, host = '127.0.0.1' } = options;
  // prettier-ignore
  return [
    'server', 'start-dev',
    '--ip', host,
    '--port', String(port),
    '--ui-port', String(uiPort),
    '--db-filename', resolve(dbFile),
    '--log-level', 'warn',
  ];
}

/**
 * Runs `temporal server start-dev` (server, UI and the default namespace in one process, state
 * in a SQLite file) and waits until its gRPC port accepts connections.
 */
export async function startTemporalDevServer(
  options: TemporalDevServerOptions,
): Promise<RunningTemporal> {
  const {
    cliPath,
    port,
    uiPort,
    dbFile,
    log,
    host = '127.0.0.1',
    env = process.env,
    startTimeoutMs = 60_000,
    signal,
  } = options;
  await mkdir(dirname(resolve(dbFile)), { recursive: true });
  const args = temporalDevServerArgs({ port, uiPort, dbFile, host });
  const child = startProcess({
    name: 'temporal',
    command: cliPath,
    args,
    env,
    onLine: (line) => line.trim() === '' || log(line),
    // While stopping, the dev server logs "context canceled" errors from its own internals.
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
        return exit && `the Temporal dev server ${describeExit(exit)}`;
      },
    });
  } catch (error) {
    await child.stop();
    throw new Error(
      `Temporal did not start on ${host}:${port} (\`${cliPath} ${args.join(' ')}\`): ${(error as Error).message}. ` +
        `Its last output:\n${formatRecentOutput(child.recentOutput())}`,
      { cause: error },
    );
  }
  return {
    address: `${host}:${port}`,
    uiUrl: `http://${host}:${uiPort}`,
    exited: child.exited,
    stop: () => child.stop(),
  };
}
