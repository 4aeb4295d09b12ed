import { join } from 'node:path';
import type { Env } from '@workpoints/devstack';

/** Where each embedded service listens when its *_URL / *_ADDRESS variable is not set. */
export const EMBEDDED_PORTS = {
  postgres: 54329,
  redis: 63799,
  temporal: 7233,
  temporalUi: 8233,
} as const;

/** Everything `npm start` reads from the environment, read once at startup. */
export interface StackConfig {
  repoRoot: string;
  /** `.data/`: PostgreSQL, Redis and Temporal state, and the generated secrets. */
  dataDir: string;
  /** External services; each one left unset is started embedded. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  temporalAddress: string | undefined;
  /** Shown instead of the embedded UI's address when TEMPORAL_ADDRESS points elsewhere. */
  temporalUiUrl: string | undefined;
  /** Unset: generated once and kept in .data/secrets.json. */
  jwtSecret: string | undefined;
  /** Unset: generated for the demo accounts and shown once. */
  demoPassword: string | undefined;
  apiHost: string;
  apiPort: number;
  /** PATH, TEMPORAL_CLI_PATH, REDIS_SERVER_PATH: where the tools are found. */
  toolEnv: Env;
  /** The environment the apps inherit, before the stack adds its own variables. */
  inheritedEnv: Env;
  color: boolean;
}

export class StackConfigError extends Error {
  override readonly name = 'StackConfigError';
}

const value = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

export function readStackConfig(
  env: Env,
  options: { repoRoot: string; isTTY: boolean },
): StackConfig {
  const portText = value(env, 'API_PORT') ?? '3000';
  const apiPort = Number(portText);
  if (!/^\d+$/.test(portText) || apiPort < 1 || apiPort > 65535) {
    throw new StackConfigError(`API_PORT must be a port number (1-65535), not "${portText}".`);
  }
  const temporalAddress = value(env, 'TEMPORAL_ADDRESS');
  if (temporalAddress && !/^[^\s:]+:\d+$/.test(temporalAddress)) {
    throw new StackConfigError(`TEMPORAL_ADDRESS must be host:port, not "${temporalAddress}".`);
  }
  return {
    repoRoot: options.repoRoot,
    dataDir: join(options.repoRoot, '.data'),
    databaseUrl: value(env, 'DATABASE_URL'),
    redisUrl: value(env, 'REDIS_URL'),
    temporalAddress,
    temporalUiUrl: value(env, 'TEMPORAL_UI_URL'),
    jwtSecret: value(env, 'JWT_SECRET'),
    demoPassword: value(env, 'DEMO_PASSWORD'),
    apiHost: value(env, 'API_HOST') ?? '127.0.0.1',
    apiPort,
    toolEnv: {
      PATH: env['PATH'],
      TEMPORAL_CLI_PATH: value(env, 'TEMPORAL_CLI_PATH'),
      REDIS_SERVER_PATH: value(env, 'REDIS_SERVER_PATH'),
    },
    inheritedEnv: { ...env },
    color:
      value(env, 'NO_COLOR') === undefined &&
      (options.isTTY || value(env, 'FORCE_COLOR') !== undefined),
  };
}

/** The services the apps are pointed at, embedded or not. */
export interface ServiceEndpoints {
  databaseUrl: string;
  redisUrl: string;
  temporalAddress: string;
  jwtSecret: string;
}

/** The environment of api, worker and jobs: what they inherit plus the stack's endpoints. */
export function appEnv(config: StackConfig, endpoints: ServiceEndpoints): Record<string, string> {
  const inherited = Object.fromEntries(
    Object.entries(config.inheritedEnv).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return {
    ...inherited,
    DATABASE_URL: endpoints.databaseUrl,
    REDIS_URL: endpoints.redisUrl,
    TEMPORAL_ADDRESS: endpoints.temporalAddress,
    JWT_SECRET: endpoints.jwtSecret,
    API_HOST: config.apiHost,
    API_PORT: String(config.apiPort),
    NODE_ENV: 'development',
  };
}

/** The host to call and show: a wildcard bind address is reached through loopback. */
export function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export function apiBaseUrl(config: Pick<StackConfig, 'apiHost' | 'apiPort'>): string {
  return `http://${reachableHost(config.apiHost)}:${config.apiPort}/api`;
}
