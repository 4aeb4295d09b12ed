import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The monorepo root: the nearest folder at or above `from` that holds nx.json. Code runs from
 * source (jest), from dist/ (node) and with any working directory, so __dirname is the anchor.
 */
export function findRepoRoot(
  from: string = __dirname,
  exists: (path: string) => boolean = existsSync,
): string {
  let dir = resolve(from);
  for (;;) {
    if (exists(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `Cannot find the workpoints repository root (a folder with nx.json) above ${from}`,
      );
    dir = parent;
  }
}
