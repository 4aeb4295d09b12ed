import { getJestProjectsAsync } from '@nx/jest';
import type { Config } from 'jest';

// `npm test` runs every project's jest config in one jest process, then the e2e suite.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
});
