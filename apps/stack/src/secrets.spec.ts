import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoPassword, loadOrCreateSecrets } from './secrets';

describe('loadOrCreateSecrets', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'stack-secrets-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates the file once, readable by its owner only, and reuses it', async () => {
    const file = join(dir, '.data', 'secrets.json');
    const first = await loadOrCreateSecrets(file);
    expect(first.created).toBe(true);
    expect(first.secrets.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const second = await loadOrCreateSecrets(file);
    expect(second).toEqual({ secrets: first.secrets, created: false });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first.secrets);
  });

  it('does not overwrite a damaged file and says how to recover', async () => {
    const file = join(dir, 'secrets.json');
    await writeFile(file, '{ nope');
    await expect(loadOrCreateSecrets(file)).rejects.toThrow(
      /is not valid JSON\. Delete .* or set JWT_SECRET/,
    );
    await writeFile(file, '{"jwtSecret":"short"}');
    await expect(loadOrCreateSecrets(file)).rejects.toThrow(
      /no jwtSecret of at least 32 characters/,
    );
    expect(await readFile(file, 'utf8')).toBe('{"jwtSecret":"short"}');
  });
});

describe('generateDemoPassword', () => {
  it('gives three groups of four with upper, lower and digits, different each time', () => {
    const passwords = Array.from({ length: 50 }, generateDemoPassword);
    for (const p of passwords) {
      expect(p).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[2-9]/);
      expect(p).not.toMatch(/[01OIl]/);
    }
    expect(new Set(passwords).size).toBe(50);
  });
});
