import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadConfig } from '@workpoints/config';
import {
  assertPortFree,
  describeExit,
  ensureTemporalCli,
  findRepoRoot,
  startEmbeddedPostgres,
  startProcess,
  startRedis,
  startTemporalDevServer,
  type ProcessExit,
} from '@workpoints/devstack';
import {
  createDataSource,
  runMigrations,
  seedDemoOrganisation,
  seedDefaultKeywordRules,
  type DemoAccount,
} from '@workpoints/persistence';
import { shanghaiDate } from '@workpoints/domain';
import { waitForHealth } from './api-health';
import { createDemoPlan } from './demo-plan';
import { loadOrCreateSecrets, generateDemoPassword } from './secrets';
import { ShutdownStack } from './shutdown-stack';
import {
  EMBEDDED_PORTS,
  apiBaseUrl,
  appEnv,
  readStackConfig,
  type StackConfig,
} from './stack-config';
import { PrefixedOutput, formatDemoAccounts, formatReadyBanner, redactUrl } from './stack-output';

/**
 * `npm start`: PostgreSQL, Redis and Temporal (each from its variable, or embedded), then
 * migrations and the demo organisation, then api, worker and jobs, with everyone's output under
 * their name. Ctrl-C stops it all, newest first.
 */

// Configuration is read here, once; nothing below touches process.env.
let config: StackConfig;
try {
  config = readStackConfig(process.env, {
    repoRoot: findRepoRoot(__dirname),
    isTTY: process.stdout.isTTY === true,
  });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const APPS = ['api', 'worker', 'jobs'] as const;
const LOOPBACK = '127.0.0.1';
const HEALTH_TIMEOUT_MS = 120_000;
const README_NEXT =
  'README.md, "Walk a point through its life with curl" (set PW to the demo password).';

const out = new PrefixedOutput(
  ['stack', 'postgres', 'redis', 'temporal', 'migrate', ...APPS],
  config.color,
);
const say = out.logger('stack');
const services = new ShutdownStack(say);
const abort = new AbortController();

/**
 * Stops everything in reverse order and exits; the first caller decides the exit code.
 * `because` ends the last line, e.g. "stopped because worker exited with code 1".
 */
async function shutdown(code: number, reason?: string, because?: string): Promise<void> {
  if (services.isStopping) return;
  abort.abort();
  if (reason) say(reason);
  await services.stopAll();
  say(because ? `stopped because ${because}.` : 'stopped.');
  process.exit(code);
}

let firstSignalAt = 0;
function onSignal(signal: NodeJS.Signals): void {
  if (!services.isStopping) {
    firstSignalAt = Date.now();
    say(`${signal}: stopping everything (press Ctrl-C again to quit at once) …`);
    void shutdown(0);
    return;
  }
  // One Ctrl-C can arrive twice: from the terminal and forwarded by npm or bootstrap.cjs.
  if (Date.now() - firstSignalAt < 1000) return;
  say('quitting at once; what is still running gets SIGTERM.');
  process.exit(130);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

/** A service or app that ends while the stack is up takes the whole stack down. */
function watch(name: string, exited: Promise<ProcessExit>): void {
  void exited.then((exit) => {
    const what = `${name} ${describeExit(exit)}`;
    if (!services.isStopping) void shutdown(1, `${what}; stopping everything.`, what);
  });
}

async function checkPorts(): Promise<void> {
  const again = 'Stop whatever holds it (is workpoints already running?), or set';
  const checks: Promise<void>[] = [];
  if (!config.databaseUrl) {
    checks.push(
      assertPortFree(
        EMBEDDED_PORTS.postgres,
        LOOPBACK,
        'PostgreSQL',
        `${again} DATABASE_URL to use a PostgreSQL you run.`,
      ),
    );
  }
  if (!config.redisUrl) {
    checks.push(
      assertPortFree(
        EMBEDDED_PORTS.redis,
        LOOPBACK,
        'Redis',
        `${again} REDIS_URL to use a Redis you run.`,
      ),
    );
  }
  if (!config.temporalAddress) {
    checks.push(
      assertPortFree(
        EMBEDDED_PORTS.temporal,
        LOOPBACK,
        'Temporal',
        `${again} TEMPORAL_ADDRESS to use that server.`,
      ),
    );
    checks.push(
      assertPortFree(
        EMBEDDED_PORTS.temporalUi,
        LOOPBACK,
        'Temporal UI',
        `${again} TEMPORAL_ADDRESS to use a Temporal you run.`,
      ),
    );
  }
  checks.push(
    assertPortFree(config.apiPort, config.apiHost, 'API', `${again} API_PORT to another port.`),
  );
  const failures = (await Promise.allSettled(checks)).flatMap((r) =>
    r.status === 'rejected' ? [(r.reason as Error).message] : [],
  );
  if (failures.length > 0) throw new Error(failures.join('\n'));
}

async function startDatabase(): Promise<string> {
  if (config.databaseUrl) {
    say(`PostgreSQL: ${redactUrl(config.databaseUrl)} (DATABASE_URL)`);
    return config.databaseUrl;
  }
  const dataDir = join(config.dataDir, 'postgres');
  const pg = await services.track(
    'postgres',
    startEmbeddedPostgres({
      dataDir,
      port: EMBEDDED_PORTS.postgres,
      log: out.logger('postgres'),
      signal: abort.signal,
    }),
  );
  watch('postgres', pg.exited);
  say(`PostgreSQL: ${redactUrl(pg.url)} (embedded, data in ${relative(config.repoRoot, dataDir)})`);
  return pg.url;
}

async function startQueueStore(): Promise<string> {
  if (config.redisUrl) {
    say(`Redis: ${redactUrl(config.redisUrl)} (REDIS_URL)`);
    return config.redisUrl;
  }
  const dataDir = join(config.dataDir, 'redis');
  const redis = await services.track(
    'redis',
    startRedis({
      port: EMBEDDED_PORTS.redis,
      dataDir,
      env: config.toolEnv,
      log: out.logger('redis'),
      signal: abort.signal,
    }),
  );
  watch('redis', redis.exited);
  say(`Redis: ${redis.url} (embedded, data in ${relative(config.repoRoot, dataDir)})`);
  return redis.url;
}

async function startTemporal(): Promise<{ address: string; ui: string }> {
  if (config.temporalAddress) {
    say(`Temporal: ${config.temporalAddress} (TEMPORAL_ADDRESS)`);
    const ui =
      config.temporalUiUrl ??
      `not started here (Temporal at ${config.temporalAddress}; set TEMPORAL_UI_URL to show its UI)`;
    return { address: config.temporalAddress, ui };
  }
  const cliPath = await ensureTemporalCli(out.logger('temporal'), config.toolEnv);
  abort.signal.throwIfAborted();
  const dbFile = join(config.dataDir, 'temporal.db');
  const temporal = await services.track(
    'temporal',
    startTemporalDevServer({
      cliPath,
      port: EMBEDDED_PORTS.temporal,
      uiPort: EMBEDDED_PORTS.temporalUi,
      dbFile,
      log: out.logger('temporal'),
      signal: abort.signal,
    }),
  );
  watch('temporal', temporal.exited);
  say(
    `Temporal: ${temporal.address} (embedded dev server, state in ${relative(config.repoRoot, dbFile)})`,
  );
  return { address: temporal.address, ui: temporal.uiUrl };
}

async function seedDemo(
  databaseUrl: string,
): Promise<{ accounts: DemoAccount[] | null; password: string }> {
  const password = config.demoPassword ?? generateDemoPassword();
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    const accounts = await seedDemoOrganisation(dataSource, { password });
    // Keyword rules for department suggestions on import; only into an empty rule table.
    await seedDefaultKeywordRules(dataSource);
    return { accounts, password };
  } finally {
    await dataSource.destroy();
  }
}

function startApp(name: (typeof APPS)[number], env: Record<string, string>): void {
  const entry = join(config.repoRoot, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(entry)) {
    throw new Error(
      `${relative(config.repoRoot, entry)} is missing: run \`npm run build\` first (\`npm start\` does).`,
    );
  }
  const app = services.add(
    name,
    startProcess({
      name,
      command: process.execPath,
      args: ['--enable-source-maps', entry],
      cwd: config.repoRoot,
      env,
      onLine: out.logger(name),
      // The worker finishes the activities it is running before it exits.
      stopTimeoutMs: 30_000,
    }),
  );
  watch(name, app.exited);
}

async function run(): Promise<void> {
  await mkdir(config.dataDir, { recursive: true });
  await checkPorts();

  let jwtSecret = config.jwtSecret;
  if (!jwtSecret) {
    const { secrets, created } = await loadOrCreateSecrets(join(config.dataDir, 'secrets.json'));
    jwtSecret = secrets.jwtSecret;
    say(
      `JWT secret: ${created ? 'generated into' : 'from'} ${relative(config.repoRoot, join(config.dataDir, 'secrets.json'))}`,
    );
  }

  // The apps would refuse a bad configuration one by one, after everything started; say it once, now.
  // The embedded services' addresses are known in advance.
  loadConfig(
    appEnv(config, {
      databaseUrl:
        config.databaseUrl ??
        `postgres://postgres@${LOOPBACK}:${EMBEDDED_PORTS.postgres}/workpoints`,
      redisUrl: config.redisUrl ?? `redis://${LOOPBACK}:${EMBEDDED_PORTS.redis}`,
      temporalAddress: config.temporalAddress ?? `${LOOPBACK}:${EMBEDDED_PORTS.temporal}`,
      jwtSecret,
    }),
  );

  const [databaseUrl, redisUrl, temporal] = await Promise.all([
    startDatabase(),
    startQueueStore(),
    startTemporal(),
  ]);
  abort.signal.throwIfAborted();

  say('applying database migrations …');
  await runMigrations(databaseUrl, out.logger('migrate')).catch((error: unknown) => {
    // PostgreSQL's "database does not exist": say how to get one rather than only that it is missing.
    if ((error as { code?: string }).code === '3D000') {
      const name = new URL(databaseUrl).pathname.slice(1);
      throw new Error(
        `${(error as Error).message}: create it (createdb ${name}) or point DATABASE_URL at an existing database`,
      );
    }
    throw error;
  });
  abort.signal.throwIfAborted();
  const demo = await seedDemo(databaseUrl);
  // Shown at once: if anything after this fails, the accounts exist and their password is known.
  if (demo.accounts) out.block(formatDemoAccounts(demo.accounts, demo.password));
  else say('demo accounts exist already; their password was shown when they were created.');
  abort.signal.throwIfAborted();

  const env = appEnv(config, {
    databaseUrl,
    redisUrl,
    temporalAddress: temporal.address,
    jwtSecret,
  });
  loadConfig(env);
  for (const name of APPS) startApp(name, env);

  const apiUrl = apiBaseUrl(config);
  say(`waiting for ${apiUrl}/health …`);
  try {
    await waitForHealth(`${apiUrl}/health`, { timeoutMs: HEALTH_TIMEOUT_MS, signal: abort.signal });
  } catch (error) {
    if (abort.signal.aborted) throw error;
    throw new Error(
      `The API did not come up: ${(error as Error).message} Its output is above, under "api".`,
    );
  }

  // First start on this database: publish the demo plan so there is something to look at.
  if (demo.accounts)
    await createDemoPlan(apiUrl, demo.password, {
      year: Number(shanghaiDate(new Date()).slice(0, 4)),
      today: shanghaiDate(new Date()),
      say,
    }).catch((error: unknown) =>
      say(`the demo plan could not be published (the stack runs on): ${(error as Error).message}`),
    );

  out.block(
    formatReadyBanner({
      apiUrl,
      temporalUi: temporal.ui,
      dataDir:
        config.databaseUrl && config.redisUrl && config.temporalAddress
          ? undefined
          : config.dataDir,
      demoAccountsListed: demo.accounts !== null,
      readmeSection: README_NEXT,
    }),
  );
}

run().catch((error: unknown) => {
  if (services.isStopping) return;
  const causes: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) causes.push(e.message);
  const message = causes
    .filter((m, i) => i === 0 || !causes[0]?.includes(m))
    .join('\n  caused by: ');
  void shutdown(1, message, 'the start failed (see above)');
});
