import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { repoRoot, workflowBundleOptions } from '@workpoints/temporal';

/**
 * Recorded histories of real runs must replay against the current workflow code: a change
 * that would break running points fails here and has to be versioned with patched().
 * Refresh the recordings with `RECORD_HISTORIES=1 npx jest -c apps/worker/jest.config.js`.
 */
describe('workflow replay of committed histories', () => {
  const dir = join(repoRoot(), 'workflows/histories');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  });

  it('has histories to replay', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        // started before working-day notices: replayed through work-point-v1
        'work-point-completed-with-return.json',
        'work-point-overdue.json',
        // current runs
        'v2-completed-with-return.json',
        'v2-extension-return-overdue-completed.json',
        'v2-suspended-resumed-cancelled.json',
      ]),
    );
  });

  it.each(files)('replays %s', async (file) => {
    const history: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const options = workflowBundleOptions();
    await expect(
      Worker.runReplayHistory(
        {
          workflowsPath: options.workflowsPath,
          bundlerOptions: { webpackConfigHook: options.webpackConfigHook },
        },
        history,
      ),
    ).resolves.toBeUndefined();
  });
});
