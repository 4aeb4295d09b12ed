import { spawn } from 'node:child_process';
import type { Env, Stoppable } from './log';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  error?: Error;
}

export interface ProcessOptions {
  /** Used in messages: "redis exited with code 1". */
  name: string;
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: Env;
  /** Every line the process prints, on either stream. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** How many of the last lines to keep for error messages. */
  keepLines?: number;
  /** Stop forwarding output once stop() is called, for servers that complain loudly while shutting down. */
  quietOnStop?: boolean;
  stopSignal?: NodeJS.Signals;
  /** After this long the process group gets SIGKILL. */
  stopTimeoutMs?: number;
  /** Run as this user and group (e.g. PostgreSQL, which refuses to run as root). */
  uid?: number;
  gid?: number;
}

export interface ManagedProcess extends Stoppable {
  readonly name: string;
  readonly pid: number | undefined;
  /** Settles (never rejects) when the process has exited, for whatever reason. */
  readonly exited: Promise<ProcessExit>;
  /** The exit once it happened, else undefined. */
  exit(): ProcessExit | undefined;
  /** The last lines of output, oldest first. */
  recentOutput(): string[];
  /** Signal the process group and wait for the exit; SIGKILL after stopTimeoutMs. */
  stop(): Promise<void>;
}

/** Splits a stream of text chunks into lines; `flush` emits a last line without a newline. */
export function createLineSplitter(onLine: (line: string) => void): {
  push(chunk: string): void;
  flush(): void;
} {
  let pending = '';
  return {
    push(chunk) {
      const parts = (pending + chunk).split(/\r?\n/);
      pending = parts.pop() ?? '';
      for (const line of parts) onLine(line);
    },
    flush() {
      if (pending) onLine(pending);
      pending = '';
    },
  };
}

/** "exited with code 1", "was killed by SIGKILL", "could not start: spawn x ENOENT". */
export function describeExit(exit: ProcessExit): string {
  if (exit.error) return `could not start: ${exit.error.message}`;
  if (exit.signal) return `was killed by ${exit.signal}`;
  return `exited with code ${exit.code ?? 'unknown'}`;
}

/** Last lines of output, indented, for an error message; a note when there were none. */
export function formatRecentOutput(lines: readonly string[], max = 30): string {
  const tail = lines.slice(-max).filter((l) => l.trim() !== '');
  return tail.length === 0 ? '  (it printed nothing)' : tail.map((l) => `  | ${l}`).join('\n');
}

const live = new Set<ManagedProcess>();
let exitHookInstalled = false;

/** If this Node process exits without stopping its children (a crash), they get SIGTERM anyway. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) signalGroup(child.pid, 'SIGTERM');
  });
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    // Children run in their own process group (detached), so the group id is their pid:
    // this reaches grandchildren too, and a terminal's Ctrl-C does not reach them directly,
    // which lets the owner stop them in order.
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Starts a long-running child process in its own process group with its output captured
 * line by line. The caller decides what to do with the lines; the last ones are kept for
 * error messages.
 */
export function startProcess(options: ProcessOptions): ManagedProcess {
  const { name, command, args, cwd, env, onLine, keepLines = 60, quietOnStop = false } = options;
  const stopSignal = options.stopSignal ?? 'SIGTERM';
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const recent: string[] = [];
  let stopping = false;
  let exitInfo: ProcessExit | undefined;

  const child = spawn(command, args, {
    cwd,
    env: env ? { ...env } : undefined,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    windowsHide: true,
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });

  const record = (stream: 'stdout' | 'stderr') => (line: string) => {
    recent.push(line);
    if (recent.length > keepLines) recent.shift();
    if (onLine && !(quietOnStop && stopping)) onLine(line, stream);
  };
  const out = createLineSplitter(record('stdout'));
  const err = createLineSplitter(record('stderr'));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => out.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk));

  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      // 'error' without a pid means spawn failed; with a pid it was a failed kill, and 'close' follows.
      if (child.pid === undefined) {
        exitInfo = { code: null, signal: null, error };
        resolve(exitInfo);
      }
    });
    child.once('close', (code, signal) => {
      out.flush();
      err.flush();
      exitInfo ??= { code, signal };
      resolve(exitInfo);
    });
  });

  const handle: ManagedProcess = {
    name,
    pid: child.pid,
    exited,
    exit: () => exitInfo,
    recentOutput: () => [...recent],
    async stop() {
      if (exitInfo) return;
      if (!stopping) {
        stopping = true;
        signalGroup(child.pid, stopSignal);
      }
      let timer: NodeJS.Timeout | undefined;
      const killed = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          signalGroup(child.pid, 'SIGKILL');
          resolve();
        }, stopTimeoutMs);
      });
      await Promise.race([exited, killed]);
      clearTimeout(timer);
      await exited;
    },
  };

  if (child.pid !== undefined) {
    live.add(handle);
    installExitHook();
    void exited.then(() => live.delete(handle));
  }
  return handle;
}
