import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/** An optional setting; empty counts as unset (compose files pass `${X:-}` as ""). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** `10m` or `300s` in seconds. */
function durationSeconds(value: string): number {
  const n = Number(value.slice(0, -1));
  return value.endsWith('m') ? n * 60 : n;
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: url(['postgres', 'postgresql']),
    REDIS_URL: url(['redis', 'rediss']),
    TEMPORAL_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d+$/, 'must be host:port')
      .default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('work-points'),
    /** Key prefix of every BullMQ queue in Redis; one Redis can serve several deployments. */
    QUEUE_PREFIX: z
      .string()
      .regex(/^[\w-]+$/, 'letters, digits, _ and - only')
      .default('workpoints'),
    API_HOST: z.string().min(1).default('127.0.0.1'),
    API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    /** Gone: access tokens are short-lived now (ACCESS_TOKEN_TTL) and sessions carry the rest. */
    JWT_TTL: z
      .undefined({ message: 'is replaced by ACCESS_TOKEN_TTL (minutes, e.g. 10m)' })
      .optional(),
    /** Lifetime of an access token; the session's refresh token renews it. */
    ACCESS_TOKEN_TTL: z
      .string()
      .regex(/^\d+[sm]$/, 'must look like 10m or 300s')
      .refine((v) => durationSeconds(v) >= 30 && durationSeconds(v) <= 3600, {
        message: 'must be between 30s and 60m',
      })
      .default('10m'),
    /** Put into every access token and required of every token presented. */
    JWT_ISSUER: z.string().min(1).default('workpoints'),
    JWT_AUDIENCE: z.string().min(1).default('workpoints-api'),
    /**
     * The refresh cookie is `Secure` (sent over HTTPS only; browsers also accept it from
     * http://localhost). `false` only for a trial over plain HTTP on a local network.
     */
    SESSION_COOKIE_SECURE: booleanFlag.default(true),
    /**
     * Express's `trust proxy`: behind a reverse proxy, which hops to trust for the client's
     * address (`1`, `loopback`, an address list); sign-in limits per address depend on it.
     */
    TRUST_PROXY: unsetIfEmpty(z.string().min(1)),
    /** Sign-in attempts allowed per minute from one address and for one user name. */
    SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
    SIGNIN_LIMIT_PER_USERNAME: z.coerce.number().int().min(1).default(10),
    /** Password hashes computed at once, and the most waiting beyond them before a 503. */
    PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).default(64),
    /** Single sign-on (OpenID Connect): on when OIDC_ISSUER is set. */
    OIDC_ISSUER: unsetIfEmpty(url(['http', 'https'])),
    OIDC_CLIENT_ID: unsetIfEmpty(z.string().min(1)),
    OIDC_CLIENT_SECRET: unsetIfEmpty(z.string().min(1)),
    /** Where the provider sends the browser back; default PUBLIC_URL + /api/auth/oidc/callback. */
    OIDC_REDIRECT_URI: unsetIfEmpty(url(['http', 'https'])),
    OIDC_SCOPES: z.string().min(1).default('openid profile email'),
    /** The ID token's claim that names the person, and the users' field it must equal. */
    OIDC_CLAIM: z.string().min(1).default('preferred_username'),
    OIDC_USER_FIELD: z.enum(['username', 'email']).default('username'),
    /** The words on the login page's button. */
    OIDC_LABEL: z.string().min(1).default('统一身份认证登录'),
    /** A prebuilt workflow bundle (production); without it the worker bundles from source. */
    WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
    /** The built web app the API serves beside /api (default: dist/web of this checkout). */
    WEB_ROOT: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    /** Where people open the web app: the links in notifications start with it. */
    PUBLIC_URL: url(['http', 'https']).default('http://localhost:3000'),
    /** Outgoing mail, `smtp://user:pass@host:port` (`smtps://` for TLS); no email without it. */
    SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), url(['smtp', 'smtps']).optional()),
    SMTP_FROM: z.string().min(3).default('workpoints <noreply@workpoints.local>'),
    /** First retry delay of a failed email or robot delivery; doubles each attempt. */
    NOTIFY_BACKOFF_MS: z.coerce.number().int().min(10).default(2_000),
    /**
     * The most points a ledger or summary download builds inside the request; a larger selection
     * is built by the jobs app in the background (an export job) and the download answers 202.
     */
    EXPORT_INLINE_LIMIT: z.coerce.number().int().min(0).default(2_000),
  })
  .superRefine((e, ctx) => {
    if (!e.OIDC_ISSUER) return;
    for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const)
      if (!e[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'required with OIDC_ISSUER' });
    const host = new URL(e.OIDC_ISSUER).hostname;
    if (e.OIDC_ISSUER.startsWith('http:') && !['localhost', '127.0.0.1', '[::1]'].includes(host))
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'must be https:// (http:// only for a provider on this machine)',
      });
  });

/**
 * The whole configuration, validated once at boot. Nothing else in the code reads
 * process.env: a missing or malformed variable stops the process with every problem named.
 * It is also the Nest injection token for the configuration.
 */
export class AppConfig {
  readonly env!: 'development' | 'production' | 'test';
  readonly database!: { url: string };
  readonly redis!: RedisConnection;
  readonly queues!: { prefix: string };
  readonly temporal!: { address: string; namespace: string; taskQueue: string };
  readonly api!: { host: string; port: number; trustProxy: string | undefined };
  /** Tokens, sessions and sign-in protection. */
  readonly auth!: {
    jwtSecret: string;
    jwtIssuer: string;
    jwtAudience: string;
    /** Seconds an access token lasts. */
    accessTokenTtl: number;
    secureCookie: boolean;
    signInLimitPerAddress: number;
    signInLimitPerUsername: number;
    hashConcurrency: number;
    hashQueue: number;
  };
  /** Single sign-on; null when not configured. */
  readonly oidc!: OidcConfig | null;
  readonly worker!: { workflowBundlePath: string | undefined };
  readonly logLevel!: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  readonly notify!: {
    publicUrl: string;
    smtp: SmtpConnection | null;
    from: string;
    backoffMs: number;
  };
  /** Report downloads: past `inlineLimit` selected points they run as background exports. */
  readonly exports!: { inlineLimit: number };
  /** The built web app's folder; undefined: the API's own dist/web. */
  readonly web!: { root: string | undefined };
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string;
  claim: string;
  userField: 'username' | 'email';
  label: string;
}

/** An SMTP server as nodemailer takes it. */
export interface SmtpConnection {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
}

function smtpConnection(url: string): SmtpConnection {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 25)),
    secure,
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
  };
}

/** Redis as ioredis/BullMQ take it. */
export interface RedisConnection {
  url: string;
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
}

function redisConnection(url: string): RedisConnection {
  const u = new URL(url);
  return {
    url,
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db: Number(u.pathname.slice(1) || 0),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return Object.assign(new AppConfig(), {
    env: e.NODE_ENV,
    database: { url: e.DATABASE_URL },
    redis: redisConnection(e.REDIS_URL),
    queues: { prefix: e.QUEUE_PREFIX },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
    },
    api: { host: e.API_HOST, port: e.API_PORT, trustProxy: e.TRUST_PROXY },
    auth: {
      jwtSecret: e.JWT_SECRET,
      jwtIssuer: e.JWT_ISSUER,
      jwtAudience: e.JWT_AUDIENCE,
      accessTokenTtl: durationSeconds(e.ACCESS_TOKEN_TTL),
      secureCookie: e.SESSION_COOKIE_SECURE,
      signInLimitPerAddress: e.SIGNIN_LIMIT_PER_ADDRESS,
      signInLimitPerUsername: e.SIGNIN_LIMIT_PER_USERNAME,
      hashConcurrency: e.PASSWORD_HASH_CONCURRENCY,
      hashQueue: e.PASSWORD_HASH_QUEUE,
    },
    oidc: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID ?? '',
          clientSecret: e.OIDC_CLIENT_SECRET ?? '',
          redirectUri:
            e.OIDC_REDIRECT_URI ?? `${e.PUBLIC_URL.replace(/\/+$/, '')}/api/auth/oidc/callback`,
          scopes: e.OIDC_SCOPES,
          claim: e.OIDC_CLAIM,
          userField: e.OIDC_USER_FIELD,
          label: e.OIDC_LABEL,
        }
      : null,
    worker: { workflowBundlePath: e.WORKFLOW_BUNDLE_PATH },
    logLevel: e.LOG_LEVEL,
    notify: {
      publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
      smtp: e.SMTP_URL ? smtpConnection(e.SMTP_URL) : null,
      from: e.SMTP_FROM,
      backoffMs: e.NOTIFY_BACKOFF_MS,
    },
    exports: { inlineLimit: e.EXPORT_INLINE_LIMIT },
    web: { root: e.WEB_ROOT },
  });
}

/** The Redis connection as BullMQ (and ioredis) take it. */
export function bullConnection(config: AppConfig): {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
} {
  const { host, port, username, password, db, tls } = config.redis;
  return { host, port, username, password, db, tls };
}
