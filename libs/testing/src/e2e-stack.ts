import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  createDataSource,
  runMigrations,
  seedDefaultKeywordRules,
  seedDemoOrganisation,
} from '@workpoints/persistence';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '@workpoints/temporal';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './api-client';
import { AppProcess, type AppName } from './app-process';
import { findFreePort } from '@workpoints/devstack';
import { startDevServer } from './temporal-servers';
import { createTestDatabase, type TestDatabase } from './test-database';

export { ApiClient, type HttpResult } from './api-client';

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => console.error(message),
};

export interface E2eStack {
  api: ApiClient;
  db: TestDatabase;
  temporal: TestWorkflowEnvironment;
  apps: Record<AppName, AppProcess>;
  /** Password of every seeded demo account. */
  password: string;
  /** The Redis the apps share, and their BullMQ key prefix (QUEUE_PREFIX). */
  redisUrl: string;
  queuePrefix: string;
  stop(): Promise<void>;
}

export interface E2eStackOptions {
  /** The processes to start (default: api, worker and jobs). */
  apps?: AppName[];
  /**
   * More environment for every process, over the stack's own (`EXPORT_INLINE_LIMIT: '2'`, say,
   * to send a small plan's downloads to the background).
   */
  env?: Record<string, string>;
}

/**
 * The whole system on real services: a fresh PostgreSQL database (migrated and seeded), Redis,
 * a Temporal dev server on a free port, and the built api, worker and jobs processes.
 */
export async function startE2eStack(opts: E2eStackOptions = {}): Promise<E2eStack> {
  const names = opts.apps ?? ['api', 'worker', 'jobs'];
  const password = `e2e-${randomBytes(6).toString('hex')}`;
  const db = await createTestDatabase('wp_e2e');
  const cleanups: (() => Promise<void>)[] = [() => db.drop()];
  try {
    await runMigrations(db.url);
    const ds = await createDataSource(db.url).initialize();
    await seedDemoOrganisation(ds, { password });
    await seedDefaultKeywordRules(ds);
    await ds.destroy();

    // The worker loads a prebuilt bundle, as production workers do (WORKFLOW_BUNDLE_PATH).
    const bundleDir = mkdtempSync(join(tmpdir(), 'wp-bundle-'));
    cleanups.unshift(async () => rmSync(bundleDir, { recursive: true, force: true }));
    const bundlePath = join(bundleDir, 'workflow-bundle.js');
    writeFileSync(
      bundlePath,
      (await bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietLogger })).code,
    );

    const temporal = await startDevServer();
    cleanups.unshift(() => temporal.teardown());
    const port = await findFreePort();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `work-points-${randomBytes(3).toString('hex')}`,
      QUEUE_PREFIX: `wp-e2e-${randomBytes(3).toString('hex')}`,
      JWT_SECRET: randomBytes(24).toString('hex'),
      // Specs sign in once and work for minutes on two shared cores: tokens outlast a spec.
      ACCESS_TOKEN_TTL: '30m',
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      WORKFLOW_BUNDLE_PATH: bundlePath,
      ...opts.env,
    };
    const apps = Object.fromEntries(names.map((n) => [n, new AppProcess(n, env)])) as Record<
      AppName,
      AppProcess
    >;
    for (const app of Object.values(apps)) cleanups.unshift(() => app.stop());
    await Promise.all(Object.values(apps).map((a) => a.start()));

    const stop = async () => {
      for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    };
    return {
      api: new ApiClient(`http://127.0.0.1:${port}/api`),
      db,
      temporal,
      apps,
      password,
      redisUrl: env.REDIS_URL,
      queuePrefix: env.QUEUE_PREFIX,
      stop,
    };
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    throw error;
  }
}
