import { canConnect } from './ports';
import {
  createLineSplitter,
  describeExit,
  formatRecentOutput,
  startProcess,
} from './managed-process';

describe('createLineSplitter', () => {
  it('joins chunks into lines and keeps the unfinished one for later', () => {
    const lines: string[] = [];
    const splitter = createLineSplitter((l) => lines.push(l));
    splitter.push('one\ntw');
    splitter.push('o\r\nthr');
    expect(lines).toEqual(['one', 'two']);
    splitter.flush();
    expect(lines).toEqual(['one', 'two', 'thr']);
    splitter.flush();
    expect(lines).toHaveLength(3);
  });
});

describe('describeExit', () => {
  it('says how a process ended', () => {
    expect(describeExit({ code: 1, signal: null })).toBe('exited with code 1');
    expect(describeExit({ code: null, signal: 'SIGKILL' })).toBe('was killed by SIGKILL');
    expect(describeExit({ code: null, signal: null, error: new Error('spawn nope ENOENT') })).toBe(
      'could not start: spawn nope ENOENT',
    );
  });
});

describe('formatRecentOutput', () => {
  it('indents the last non-empty lines', () => {
    expect(formatRecentOutput(['a', '', 'b', 'c'], 2)).toBe('  | b\n  | c');
    expect(formatRecentOutput([])).toBe('  (it printed nothing)');
  });
});

describe('startProcess', () => {
  it('captures output lines and reports the exit code', async () => {
    const seen: string[] = [];
    const child = startProcess({
      name: 'echo',
      command: process.execPath,
      args: ['-e', 'console.log("hello"); console.error("oops"); process.exit(3)'],
      onLine: (line, stream) => seen.push(`${stream}:${line}`),
    });
    expect(await child.exited).toEqual({ code: 3, signal: null });
    expect(seen.sort()).toEqual(['stderr:oops', 'stdout:hello']);
    expect(child.recentOutput().sort()).toEqual(['hello', 'oops']);
  });

  it('reports a command that does not exist', async () => {
    const child = startProcess({ name: 'missing', command: '/nonexistent/bin/x', args: [] });
    const exit = await child.exited;
    expect(exit.error?.message).toMatch(/ENOENT/);
    await expect(child.stop()).resolves.toBeUndefined();
  });

  it('stops the whole process group, grandchildren included', async () => {
    // The child starts a grandchild that listens on a port, then idles.
    const script = `
      const { spawn } = require('node:child_process');
      const gc = spawn(process.execPath, ['-e', "require('node:net').createServer().listen(0, '127.0.0.1', function () { console.log(this.address().port) })"], { stdio: ['ignore', 'inherit', 'inherit'] });
      setInterval(() => {}, 1000);
    `;
    let resolvePort: (port: number) => void = () => undefined;
    const portPrinted = new Promise<number>((resolve) => (resolvePort = resolve));
    const child = startProcess({
      name: 'tree',
      command: process.execPath,
      args: ['-e', script],
      onLine: (line) => resolvePort(Number(line)),
    });
    const port = await portPrinted;
    expect(await canConnect(port)).toBe(true);
    await child.stop();
    expect(child.exit()?.signal).toBe('SIGTERM');
    // The grandchild got the signal too: nothing listens any more.
    await new Promise((r) => setTimeout(r, 200));
    expect(await canConnect(port)).toBe(false);
  });

  it('kills a process that ignores the stop signal', async () => {
    const child = startProcess({
      name: 'stubborn',
      command: process.execPath,
      args: [
        '-e',
        'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)',
      ],
      stopTimeoutMs: 300,
      onLine: () => undefined,
    });
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (child.recentOutput().includes('ready')) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    await child.stop();
    expect(child.exit()?.signal).toBe('SIGKILL');
  });
});
