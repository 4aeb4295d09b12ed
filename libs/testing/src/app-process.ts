import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@workpoints/temporal';

export type AppName = 'api' | 'worker' | 'jobs';

const READY: Record<AppName, RegExp> = {
  api: /api listening on/,
  worker: /worker ready on task queue/,
  jobs: /jobs ready/,
};

/**
 * One of the built apps (dist/apps/<name>) as a real child process, the way `npm start` and
 * production run it. Tests kill and restart it to prove nothing lives in process memory.
 */
export class AppProcess {
  private child: ChildProcess | null = null;
  private output: string[] = [];

  constructor(
    readonly name: AppName,
    private readonly env: Record<string, string>,
  ) {}

  get log(): string {
    return this.output.join('');
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const entry = join(repoRoot(), 'dist/apps', this.name, 'src/main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
    this.output = [];
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', LOG_LEVEL: 'log', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.log}`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer) => {
        this.output.push(chunk.toString());
        if (READY[this.name].test(this.log)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(`${this.name} exited (${code ?? signal}) before it was ready:\n${this.log}`),
        );
      });
    });
  }

  /** Stops the process: SIGTERM drains, SIGKILL is a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}
