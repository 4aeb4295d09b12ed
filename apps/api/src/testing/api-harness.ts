import type { INestApplication } from '@nestjs/common';
import { type AppConfig, loadConfig } from '@workpoints/config';
import { createDataSource, runMigrations, seedDemoOrganisation } from '@workpoints/persistence';
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createApp } from '../create-app';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser's worth of HTTP for tests: remembers the cookies the API sets (by name, whatever
 * their path) and sends them back, follows no redirect, and carries a bearer token when given.
 */
export class Client {
  readonly cookies = new Map<string, string>();
  token: string | null = null;

  constructor(readonly origin: string) {}

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${this.origin}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (value.join('=') === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(set))
        this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** Signs in with a password; keeps the access token and the refresh cookie. */
  async login(username: string, password: string): Promise<Answer<LoginAnswer>> {
    const res = await this.call<LoginAnswer>('POST', '/api/auth/login', { username, password });
    if (res.status === 200) this.token = res.body.accessToken;
    return res;
  }

  async refresh(): Promise<Answer<LoginAnswer>> {
    const res = await this.call<LoginAnswer>('POST', '/api/auth/refresh');
    if (res.status === 200) this.token = res.body.accessToken;
    return res;
  }
}

export interface LoginAnswer {
  accessToken: string;
  expiresIn: number;
  mustChangePassword: boolean;
  user: { userId: string; displayName: string; roles: string[]; departmentId: string | null };
}

export interface ApiHarness {
  url: string;
  config: AppConfig;
  db: TestDatabase;
  /** A connection of the test's own, to look at and arrange rows. */
  ds: DataSource;
  app: INestApplication;
  /** Password of the seeded demo accounts. */
  password: string;
  client(): Client;
  /** Another API process on the same database and Redis (for limits across processes). */
  another(): Promise<{ url: string; close(): Promise<void> }>;
  stop(): Promise<void>;
}

/**
 * The API in this process (on `API_PORT` when given, else any free port) on a fresh, migrated database with the demo organisation, real Redis
 * (keys under a prefix of its own) and no Temporal (its client connects only when used).
 */
export async function startApi(env: Record<string, string> = {}): Promise<ApiHarness> {
  const db = await createTestDatabase('wp_api');
  await runMigrations(db.url);
  const ds = await createDataSource(db.url).initialize();
  const password = `Demo-${randomBytes(8).toString('hex')}`;
  await seedDemoOrganisation(ds, { password });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: db.url,
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `wp-api-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(24).toString('hex'),
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    ...env,
  });
  let port = config.api.port === 3000 && !env['API_PORT'] ? 0 : config.api.port;
  const listen = async () => {
    const app = await createApp(config);
    await app.listen(port, '127.0.0.1');
    port = 0;
    const address = app.getHttpServer().address() as { port: number };
    return { app, url: `http://127.0.0.1:${address.port}` };
  };
  const { app, url } = await listen();
  const others: INestApplication[] = [];
  return {
    url,
    config,
    db,
    ds,
    app,
    password,
    client: () => new Client(url),
    another: async () => {
      const other = await listen();
      others.push(other.app);
      return { url: other.url, close: () => other.app.close() };
    },
    stop: async () => {
      for (const other of others) await other.close().catch(() => undefined);
      await app.close();
      await ds.destroy();
      await db.drop();
    },
  };
}
