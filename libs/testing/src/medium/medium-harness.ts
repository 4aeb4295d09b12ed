import { BullModule } from '@nestjs/bullmq';
import {
  ConsoleLogger,
  type INestApplication,
  type ModuleMetadata,
  type Type,
} from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { type AppConfig, ConfigModule, bullConnection, loadConfig } from '@workpoints/config';
import type { Actor } from '@workpoints/contracts';
import {
  DepartmentEntity,
  PersistenceModule,
  UserEntity,
  createDataSource,
} from '@workpoints/persistence';
import { TemporalClientService, TemporalModule } from '@workpoints/temporal';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { TestDatabase } from '../test-database';
import { RecordingTemporalClient } from './recording-temporal';
import { SEEDED_PASSWORD, createSeededDatabase } from './seeded-database';

export interface MediumHarnessOptions {
  /** Prefix of the test database's name: lower-case letters, digits and _. */
  name: string;
  /** The modules under test (an app's feature modules: libs/testing cannot import apps). */
  imports: NonNullable<ModuleMetadata['imports']>;
  /**
   * Serve the modules over HTTP on a free port of 127.0.0.1, after `configure` has set the
   * application up as production does (prefix, validation pipe, exception filter).
   */
  http?: { configure(app: INestApplication): void };
  /** More configuration, over the harness's own (`EXPORT_INLINE_LIMIT: '2'`, say). */
  env?: Record<string, string>;
}

/** A seeded user as the actor the API resolves from their token. */
export function actorOf(user: UserEntity): Actor {
  return {
    userId: user.id,
    displayName: user.displayName,
    departmentId: user.departmentId,
    roles: [...user.roles],
  };
}

/**
 * The medium test tier: the modules under test in a Nest testing module over a real PostgreSQL
 * database (migrated, demo organisation seeded) and the real Redis (a queue prefix of their
 * own), with `TemporalClientService` replaced by a {@link RecordingTemporalClient}. Everything
 * else — TypeORM, the services, and with `http` the controllers, guard, validation pipe and
 * exception filter — is what production runs.
 */
export class MediumHarness {
  private constructor(
    readonly module: TestingModule,
    readonly db: TestDatabase,
    readonly ds: DataSource,
    readonly config: AppConfig,
    readonly temporal: RecordingTemporalClient,
    /** The application, when served over HTTP. */
    readonly app: INestApplication | null,
    /** `http://127.0.0.1:<port>` when served over HTTP. */
    readonly url: string | null,
  ) {}

  /** The password of every seeded account. */
  readonly password = SEEDED_PASSWORD;

  static async start(opts: MediumHarnessOptions): Promise<MediumHarness> {
    const db = await createSeededDatabase(opts.name);
    const cleanups: (() => Promise<unknown>)[] = [() => db.drop()];
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: `wp-medium-${randomBytes(4).toString('hex')}`,
        TEMPORAL_TASK_QUEUE: `wp-medium-${randomBytes(4).toString('hex')}`,
        JWT_SECRET: randomBytes(24).toString('hex'),
        LOG_LEVEL: 'error',
        ...opts.env,
      });
      cleanups.unshift(() => clearQueues(config));
      const temporal = new RecordingTemporalClient(config.temporal.taskQueue);
      const module = await Test.createTestingModule({
        imports: [
          ConfigModule.forRoot(config),
          PersistenceModule,
          TemporalModule,
          BullModule.forRoot({ connection: bullConnection(config), prefix: config.queues.prefix }),
          ...opts.imports,
        ],
      })
        .overrideProvider(TemporalClientService)
        .useValue(temporal)
        .setLogger(new ConsoleLogger({ logLevels: ['error'] }))
        .compile();

      let app: INestApplication | null = null;
      let url: string | null = null;
      if (opts.http) {
        app = module.createNestApplication({ logger: ['error'] });
        // The application closes the module with it: closing both would run the shutdown hooks
        // twice (an ioredis connection ended twice keeps the process alive for two seconds).
        cleanups.unshift(() => (app as INestApplication).close());
        opts.http.configure(app);
        await app.listen(0, '127.0.0.1');
        url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      } else {
        cleanups.unshift(() => module.close());
        await module.init();
      }
      const ds = await createDataSource(db.url).initialize();
      cleanups.unshift(() => ds.destroy());
      const harness = new MediumHarness(module, db, ds, config, temporal, app, url);
      harness.cleanups = cleanups;
      return harness;
    } catch (error) {
      for (const cleanup of cleanups) await cleanup().catch(() => undefined);
      throw error;
    }
  }

  private cleanups: (() => Promise<unknown>)[] = [];

  /** A provider of the modules under test, wherever it is declared. */
  get<T>(type: Type<T>): T {
    return this.module.get(type, { strict: false });
  }

  /** A seeded user (`coordinator`, `zlglc.staff`, `supervisor.li` …). */
  user(username: string): Promise<UserEntity> {
    return this.ds.getRepository(UserEntity).findOneByOrFail({ username });
  }

  /** A seeded user as an actor. */
  async actor(username: string): Promise<Actor> {
    return actorOf(await this.user(username));
  }

  /** A seeded department by code (`zlglc`, `bhc`, `bureau` …). */
  department(code: string): Promise<DepartmentEntity> {
    return this.ds.getRepository(DepartmentEntity).findOneByOrFail({ code });
  }

  /** Closes the application and its connections, drops the database and the queues' keys. */
  async close(): Promise<void> {
    for (const cleanup of this.cleanups) await cleanup().catch(() => undefined);
    this.cleanups = [];
  }
}

/** Removes whatever the tests left in Redis under their queue prefix. */
async function clearQueues(config: AppConfig): Promise<void> {
  const redis = new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${config.queues.prefix}:*`,
        'COUNT',
        500,
      );
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
