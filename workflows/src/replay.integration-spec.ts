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
        'work-point-completed-with-return.json',
        'work-point-extension-return-overdue-completed.json',
        'work-point-suspended-resumed-cancelled.json',
        'work-point-steered-cancelled.json',
        'work-point-unknown-year-overdue.json',
        'work-point-continued-as-new.json',
        'work-point-carried-over.json',
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
