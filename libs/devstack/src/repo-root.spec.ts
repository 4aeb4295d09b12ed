import { join } from 'node:path';
import { findRepoRoot } from './repo-root';

describe('findRepoRoot', () => {
  const only =
    (...files: string[]) =>
    (path: string) =>
      files.includes(path);

  it('walks up to the folder that holds nx.json', () => {
    expect(findRepoRoot('/repo/dist/libs/devstack/src', only('/repo/nx.json'))).toBe('/repo');
  });

  it('accepts the root itself', () => {
    expect(findRepoRoot('/repo', only('/repo/nx.json'))).toBe('/repo');
  });

  it('names the starting folder when there is no root', () => {
    expect(() => findRepoRoot('/elsewhere/x', only())).toThrow(/nx\.json.*\/elsewhere\/x/);
  });

  it('finds this repository from the source tree', () => {
    expect(findRepoRoot(__dirname)).toBe(join(__dirname, '..', '..', '..'));
  });
});
