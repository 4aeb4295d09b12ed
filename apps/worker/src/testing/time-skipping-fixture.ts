import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { loadConfig } from '@workpoints/config';
import {
  WORK_POINT_WORKFLOW_TYPE,
  type Actor,
  type PointPolicy,
  type WorkPointInput,
} from '@workpoints/contracts';
import {
  DepartmentEntity,
  PlanEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
  runMigrations,
  seedDemoOrganisation,
} from '@workpoints/persistence';
import { repoRoot, workflowBundleOptions } from '@workpoints/temporal';
import {
  createTestDatabase,
  startTimeSkippingServer,
  temporalCliPath,
  type TestDatabase,
} from '@workpoints/testing';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { bindActivities } from '../create-worker';
import { WorkerModule } from '../worker.module';

const actorOf = (u: UserEntity): Actor => ({
  userId: u.id,
  displayName: u.displayName,
  departmentId: u.departmentId,
  roles: u.roles,
});

export interface PointOptions {
  deadline: string;
  /** The fixture's lead department unless given. */
  leadDepartmentId?: string;
  coDepartmentIds?: string[];
  policy?: PointPolicy;
  historyLimit?: number;
}

/**
 * The time-skipping test server with the real worker: real activities (a Nest application
 * context) writing to a fresh PostgreSQL database seeded with the demo organisation. Months
 * pass in milliseconds.
 */
export class TimeSkippingFixture {
  env!: TestWorkflowEnvironment;
  ds!: DataSource;
  readonly taskQueue = `wp-ts-${randomUUID()}`;
  lead!: DepartmentEntity;
  /** Two more divisions, to be co-departments or a new lead. */
  co!: DepartmentEntity[];
  staff!: Actor;
  head!: Actor;
  coStaff!: Actor;
  supervisor!: Actor;
  coordinator!: Actor;
  planId!: string;
  private db!: TestDatabase;
  private app!: INestApplicationContext;
  private worker!: Worker;
  private running!: Promise<void>;
  private numbers = 0;

  async start(name: string): Promise<this> {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    this.db = await createTestDatabase(name);
    await runMigrations(this.db.url);
    this.ds = await createDataSource(this.db.url).initialize();
    await seedDemoOrganisation(this.ds, { password: 'time-skipping' });
    const departments = this.ds.getRepository(DepartmentEntity);
    const users = this.ds.getRepository(UserEntity);
    this.lead = await departments.findOneByOrFail({ code: 'zlglc' });
    this.co = [
      await departments.findOneByOrFail({ code: 'bhc' }),
      await departments.findOneByOrFail({ code: 'ggfwc' }),
    ];
    this.staff = actorOf(await users.findOneByOrFail({ username: 'zlglc.staff' }));
    this.head = actorOf(await users.findOneByOrFail({ username: 'zlglc.head' }));
    this.coStaff = actorOf(await users.findOneByOrFail({ username: 'bhc.staff' }));
    this.coordinator = actorOf(await users.findOneByOrFail({ username: 'coordinator' }));
    this.supervisor = actorOf(await users.findOneByOrFail({ username: 'supervisor.li' }));
    this.planId = (
      await this.ds.getRepository(PlanEntity).save({
        title: '测试计划',
        year: 2026,
        status: 'published',
        createdById: this.coordinator.userId,
      })
    ).id;

    this.env = await startTimeSkippingServer();
    const config = loadConfig({
      DATABASE_URL: this.db.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWT_SECRET: 'x'.repeat(32),
      TEMPORAL_TASK_QUEUE: this.taskQueue,
    });
    this.app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['error'],
    });
    this.worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue: this.taskQueue,
      activities: bindActivities(this.app),
      ...workflowBundleOptions(),
      bundlerOptions: { webpackConfigHook: workflowBundleOptions().webpackConfigHook },
    });
    this.running = this.worker.run();
    return this;
  }

  async stop(): Promise<void> {
    this.worker?.shutdown();
    await this.running;
    await this.app?.close();
    await this.env?.teardown();
    await this.ds?.destroy();
    await this.db?.drop();
  }

  /** A seeded user as an actor (`bhc.head`, `supervisor.zhang` …). */
  async actor(username: string): Promise<Actor> {
    return actorOf(await this.ds.getRepository(UserEntity).findOneByOrFail({ username }));
  }

  /** Workflow time now. */
  async now(): Promise<Date> {
    return new Date(await this.env.currentTimeMs());
  }

  /** Lets time pass until `instant` (ISO, or `YYYY-MM-DD HH:MM` in Asia/Shanghai). */
  async sleepUntil(instant: string): Promise<void> {
    const target = Date.parse(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(instant)
        ? `${instant.replace(' ', 'T')}:00+08:00`
        : instant,
    );
    const ms = target - (await this.env.currentTimeMs());
    if (ms < 0) throw new Error(`cannot sleep back to ${instant}`);
    if (ms > 0) await this.env.sleep(ms);
  }

  /** A read-model row and the input of its workflow, started now; returns the handle. */
  async publish(options: PointOptions) {
    this.numbers += 1;
    const number = this.numbers;
    const workflowId = `ts-${this.planId}-${number}`;
    const coDepartmentIds = options.coDepartmentIds ?? [];
    const leadDepartmentId = options.leadDepartmentId ?? this.lead.id;
    const point = await this.ds.getRepository(WorkPointEntity).save({
      planId: this.planId,
      number,
      title: `要点${number}`,
      text: '',
      leadDepartmentId,
      coDepartments: coDepartmentIds.map((id) => ({ id }) as DepartmentEntity),
      supervisorId: this.supervisor.userId,
      deadline: options.deadline,
      status: 'draft',
      position: number,
      workflowId,
    });
    const input: WorkPointInput = {
      pointId: point.id,
      planId: this.planId,
      number,
      title: point.title,
      leadDepartmentId,
      coDepartmentIds,
      supervisorId: this.supervisor.userId,
      deadline: options.deadline,
      publishedBy: this.coordinator,
      publishRequestId: `publish:${this.planId}`,
      ...(options.policy ? { policy: options.policy } : {}),
      ...(options.historyLimit ? { historyLimit: options.historyLimit } : {}),
    };
    const handle = await this.env.client.workflow.start(WORK_POINT_WORKFLOW_TYPE, {
      taskQueue: this.taskQueue,
      workflowId,
      args: [input],
    });
    return { handle, input, pointId: point.id, workflowId };
  }

  /**
   * `RECORD_HISTORIES=1` writes the history of `workflowId` (its latest run, or `runId`) to
   * workflows/histories/`name`.json, which workflows/src/replay checks every later change of
   * workflow code against.
   */
  async recordHistory(workflowId: string, name: string, runId?: string): Promise<void> {
    if (process.env['RECORD_HISTORIES'] !== '1') return;
    const json = execFileSync(await temporalCliPath(), [
      'workflow',
      'show',
      '--address',
      this.env.address,
      '--workflow-id',
      workflowId,
      ...(runId ? ['--run-id', runId] : []),
      '--output',
      'json',
    ]);
    writeFileSync(join(repoRoot(), 'workflows/histories', `${name}.json`), json);
  }
}
