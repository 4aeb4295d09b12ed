import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';
import { repoRoot } from './repo-root';

/**
 * How to bundle `workflows/` from its TypeScript source: the workflow sandbox gets the same
 * `@workpoints/*` aliases as the rest of the code (only contracts and domain are allowed
 * there, which lint enforces).
 */
export function workflowBundleOptions(): Pick<
  BundleOptions,
  'workflowsPath' | 'webpackConfigHook'
> {
  const root = repoRoot();
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const alias = Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [
      name,
      join(root, target ?? ''),
    ]),
  );
  return {
    workflowsPath: join(root, 'workflows/src/index.ts'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } },
    }),
  };
}
