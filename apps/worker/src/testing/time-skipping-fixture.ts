import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig } from '@workpoints/config';
import { type Actor, type PointPolicy, type WorkPointInput } from '@workpoints/contracts';
import {
  DepartmentEntity,
  PlanEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
  runMigrations,
  seedDemoOrganisation,
} from '@workpoints/persistence';
import { WorkflowHarness, createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { randomUUID } from 'node:crypto';
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
 * The time-skipping harness of libs/testing with the real worker's activities (a Nest
 * application context) writing to a fresh PostgreSQL database seeded with the demo
 * organisation. Months pass in milliseconds.
 */
export class TimeSkippingFixture {
  env!: TestWorkflowEnvironment;
  harness!: WorkflowHarness;
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
  private numbers = 0;

  async start(name: string): Promise<this> {
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

    const config = loadConfig({
      DATABASE_URL: this.db.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWT_SECRET: 'x'.repeat(32),
      TEMPORAL_TASK_QUEUE: this.taskQueue,
    });
    this.app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['error'],
    });
    this.harness = await WorkflowHarness.start({
      activities: bindActivities(this.app),
      taskQueue: this.taskQueue,
    });
    this.env = this.harness.env;
    return this;
  }

  async stop(): Promise<void> {
    await this.harness?.teardown();
    await this.app?.close();
    await this.ds?.destroy();
    await this.db?.drop();
  }

  /** A seeded user as an actor (`bhc.head`, `supervisor.zhang` …). */
  async actor(username: string): Promise<Actor> {
    return actorOf(await this.ds.getRepository(UserEntity).findOneByOrFail({ username }));
  }

  /** Workflow time now. */
  async now(): Promise<Date> {
    return new Date(await this.harness.now());
  }

  /** Lets time pass until `instant` (ISO, or `YYYY-MM-DD HH:MM` in Asia/Shanghai). */
  sleepUntil(instant: string): Promise<void> {
    return this.harness.sleepUntil(instant);
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
    const handle = await this.harness.startPoint(input, workflowId);
    return { handle, input, pointId: point.id, workflowId };
  }

  /** See {@link WorkflowHarness.recordHistory}. */
  recordHistory(workflowId: string, name: string, runId?: string): Promise<void> {
    return this.harness.recordHistory(workflowId, name, runId);
  }
}
