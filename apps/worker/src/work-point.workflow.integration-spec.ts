import type { INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { loadConfig } from '@workpoints/config';
import {
  WORK_POINT_WORKFLOW_TYPE,
  acknowledgeUpdate,
  approveUpdate,
  reportProgressUpdate,
  returnUpdate,
  submitCompletionUpdate,
  getStateQuery,
  type Actor,
  type WorkPointInput,
  type WorkPointState,
} from '@workpoints/contracts';
import { shanghaiDate } from '@workpoints/domain';
import {
  DepartmentEntity,
  PlanEntity,
  ReminderEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
  runMigrations,
  seedDemoOrganisation,
} from '@workpoints/persistence';
import {
  createTestDatabase,
  startTimeSkippingServer,
  temporalCliPath,
  type TestDatabase,
} from '@workpoints/testing';
import { repoRoot, workflowBundleOptions } from '@workpoints/temporal';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { bindActivities } from './create-worker';
import { WorkerModule } from './worker.module';

/**
 * The deadline timer under the time-skipping test server: months pass in milliseconds, with
 * the real activities writing to a real PostgreSQL database.
 */
describe('work-point workflow deadline (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let ds: DataSource;
  let app: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;
  let lead: DepartmentEntity;
  let staff: Actor;
  let head: Actor;
  let supervisor: Actor;
  let coordinator: Actor;
  let supervisorId: string;
  let planId: string;
  const taskQueue = `wp-ts-${randomUUID()}`;

  const actor = (u: UserEntity): Actor => ({
    userId: u.id,
    displayName: u.displayName,
    departmentId: u.departmentId,
    roles: u.roles,
  });

  async function newPoint(number: number, deadline: string): Promise<WorkPointInput> {
    const point = await ds.getRepository(WorkPointEntity).save({
      planId,
      number,
      title: `要点${number}`,
      text: '',
      leadDepartmentId: lead.id,
      supervisorId,
      deadline,
      status: 'draft',
      position: number,
      workflowId: `ts-${planId}-${number}`,
    });
    return {
      pointId: point.id,
      planId,
      number,
      title: point.title,
      leadDepartmentId: lead.id,
      coDepartmentIds: [],
      supervisorId,
      deadline,
      publishedBy: coordinator,
      publishRequestId: `publish:${planId}`,
    };
  }

  /**
   * `RECORD_HISTORIES=1` refreshes the committed histories that workflows/src/replay
   * checks every change of workflow code against (only when a change is meant to be
   * incompatible and is versioned with patched()).
   */
  async function recordHistory(workflowId: string, name: string): Promise<void> {
    if (process.env['RECORD_HISTORIES'] !== '1') return;
    const json = execFileSync(await temporalCliPath(), [
      'workflow',
      'show',
      '--address',
      env.address,
      '--workflow-id',
      workflowId,
      '--output',
      'json',
    ]);
    writeFileSync(join(repoRoot(), 'workflows/histories', `${name}.json`), json);
  }

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    db = await createTestDatabase('wp_wf');
    await runMigrations(db.url);
    ds = await createDataSource(db.url).initialize();
    await seedDemoOrganisation(ds, { password: 'time-skipping' });
    const users = ds.getRepository(UserEntity);
    lead = await ds.getRepository(DepartmentEntity).findOneByOrFail({ code: 'zlglc' });
    staff = actor(await users.findOneByOrFail({ username: 'zlglc.staff' }));
    coordinator = actor(await users.findOneByOrFail({ username: 'coordinator' }));
    head = actor(await users.findOneByOrFail({ username: 'zlglc.head' }));
    supervisor = actor(await users.findOneByOrFail({ username: 'supervisor.li' }));
    supervisorId = supervisor.userId;
    planId = (
      await ds.getRepository(PlanEntity).save({
        title: '测试计划',
        year: 2026,
        status: 'published',
        createdById: coordinator.userId,
      })
    ).id;

    env = await startTimeSkippingServer();
    const config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWT_SECRET: 'x'.repeat(32),
      TEMPORAL_TASK_QUEUE: taskQueue,
    });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['error'],
    });
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities: bindActivities(app),
      ...workflowBundleOptions(),
      bundlerOptions: { webpackConfigHook: workflowBundleOptions().webpackConfigHook },
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await app?.close();
    await env?.teardown();
    await ds?.destroy();
    await db?.drop();
  });

  it('turns the point red after its deadline and records one reminder for the lead department', async () => {
    const now = new Date(await env.currentTimeMs());
    const deadline = shanghaiDate(new Date(now.getTime() + 10 * 86_400_000));
    const input = await newPoint(1, deadline);
    const handle = await env.client.workflow.start(WORK_POINT_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: `ts-${planId}-1`,
      args: [input],
    });
    await handle.executeUpdate(acknowledgeUpdate, {
      args: [{ requestId: 'ack-1', actor: staff }],
      updateId: 'ack-1',
    });

    await env.sleep('9 days');
    expect((await handle.query(getStateQuery)).overdue).toBe(false);

    await env.sleep('2 days');
    const state: WorkPointState = await handle.query(getStateQuery);
    expect(state).toMatchObject({ status: 'acknowledged', overdue: true, risk: 'red' });

    const row = await ds.getRepository(WorkPointEntity).findOneByOrFail({ id: input.pointId });
    expect(row).toMatchObject({ status: 'acknowledged', overdue: true, risk: 'red', version: 3 });
    const reminders = await ds.getRepository(ReminderEntity).findBy({ pointId: input.pointId });
    expect(reminders.map((r) => [r.kind, r.dueDate, r.departmentId])).toEqual([
      ['overdue', deadline, lead.id],
    ]);

    // Time goes on: still one reminder, the timer fires once.
    await env.sleep('30 days');
    expect(await ds.getRepository(ReminderEntity).countBy({ pointId: input.pointId })).toBe(1);
    await recordHistory(`ts-${planId}-1`, 'work-point-overdue');
  });

  it('leaves a point that is on time green', async () => {
    const now = new Date(await env.currentTimeMs());
    const input = await newPoint(2, shanghaiDate(new Date(now.getTime() + 60 * 86_400_000)));
    const handle = await env.client.workflow.start(WORK_POINT_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: `ts-${planId}-2`,
      args: [input],
    });
    await env.sleep('20 days');
    expect(await handle.query(getStateQuery)).toMatchObject({
      status: 'assigned',
      overdue: false,
      risk: 'green',
    });
    expect(await ds.getRepository(ReminderEntity).countBy({ pointId: input.pointId })).toBe(0);
  });

  it('runs a whole lifecycle whose history replays deterministically', async () => {
    const now = new Date(await env.currentTimeMs());
    const input = await newPoint(3, shanghaiDate(new Date(now.getTime() + 90 * 86_400_000)));
    const handle = await env.client.workflow.start(WORK_POINT_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: `ts-${planId}-3`,
      args: [input],
    });
    await handle.executeUpdate(acknowledgeUpdate, {
      args: [{ requestId: 'a', actor: staff }],
      updateId: 'a',
    });
    await handle.executeUpdate(reportProgressUpdate, {
      args: [{ requestId: 'r', actor: staff, text: '进展', percent: 50 }],
      updateId: 'r',
    });
    await handle.executeUpdate(submitCompletionUpdate, {
      args: [{ requestId: 's1', actor: staff, text: '完成' }],
      updateId: 's1',
    });
    await handle.executeUpdate(returnUpdate, {
      args: [{ requestId: 'x', actor: head, comment: '补充材料' }],
      updateId: 'x',
    });
    await handle.executeUpdate(submitCompletionUpdate, {
      args: [{ requestId: 's2', actor: staff, text: '已补充' }],
      updateId: 's2',
    });
    await handle.executeUpdate(approveUpdate, {
      args: [{ requestId: 'h', actor: head, comment: null }],
      updateId: 'h',
    });
    await handle.executeUpdate(approveUpdate, {
      args: [{ requestId: 'v', actor: supervisor, comment: '同意' }],
      updateId: 'v',
    });
    const result: WorkPointState = await handle.result();
    expect(result).toMatchObject({ status: 'completed', version: 8, overdue: false });

    const history = await handle.fetchHistory();
    await Worker.runReplayHistory(
      {
        ...workflowBundleOptions(),
        bundlerOptions: { webpackConfigHook: workflowBundleOptions().webpackConfigHook },
      },
      history,
    );
    await recordHistory(`ts-${planId}-3`, 'work-point-completed-with-return');
  });

  it('refuses in the update validator, with a coded reason, what the API would refuse', async () => {
    const now = new Date(await env.currentTimeMs());
    const input = await newPoint(4, shanghaiDate(new Date(now.getTime() + 90 * 86_400_000)));
    const handle = await env.client.workflow.start(WORK_POINT_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: `ts-${planId}-4`,
      args: [input],
    });
    const refusal = async (p: Promise<unknown>) => {
      const error = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
      return { type: cause.type, message: cause.message };
    };
    // a supervisor cannot acknowledge; the head cannot approve what was never submitted
    expect(
      await refusal(
        handle.executeUpdate(acknowledgeUpdate, { args: [{ requestId: 'v1', actor: supervisor }] }),
      ),
    ).toEqual({
      type: 'NOT_IN_REMIT',
      message: '只有牵头单位的承办人或负责人可以签收',
    });
    expect(
      await refusal(
        handle.executeUpdate(approveUpdate, {
          args: [{ requestId: 'v2', actor: head, comment: null }],
        }),
      ),
    ).toMatchObject({ type: 'OUT_OF_TURN' });
    await handle.executeUpdate(acknowledgeUpdate, { args: [{ requestId: 'v3', actor: staff }] });
    expect(
      await refusal(
        handle.executeUpdate(reportProgressUpdate, {
          args: [{ requestId: 'v3', actor: staff, text: 'x', percent: null }],
        }),
      ),
    ).toMatchObject({ type: 'REQUEST_ID_REUSED' });
    expect(
      await refusal(
        handle.executeUpdate(reportProgressUpdate, {
          args: [{ requestId: 'v4', actor: staff, text: ' ', percent: 101 }],
        }),
      ),
    ).toMatchObject({ type: 'INVALID_INPUT' });
    // refused updates leave no trace: only publish and the acknowledgement were recorded
    expect(await handle.query(getStateQuery)).toMatchObject({ status: 'acknowledged', version: 2 });
    const row = await ds.getRepository(WorkPointEntity).findOneByOrFail({ id: input.pointId });
    expect(row.version).toBe(2);
  });
});
