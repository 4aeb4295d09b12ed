import { MONTHLY_BULLETIN_SCHEDULE_ID, type MonthlyBulletinResult } from '@workpoints/contracts';
import { previousMonth } from '@workpoints/domain';
import {
  BulletinEntity,
  NotificationEntity,
  PlanEntity,
  UserEntity,
  createDataSource,
} from '@workpoints/persistence';
import { type E2eStack, startE2eStack } from '@workpoints/testing';
import { IsNull, type DataSource } from 'typeorm';

/**
 * The real Schedule on the Temporal dev server: the worker process creates it at start-up
 * (00:05 on every 1st, Asia/Shanghai); triggered now, its run reports on last month — whose
 * first working day has passed, so it produces at once — and tells the coordinator.
 */
describe('monthly bulletin schedule (dev server)', () => {
  let stack: E2eStack;
  let ds: DataSource;
  const month = previousMonth(new Date());

  beforeAll(async () => {
    stack = await startE2eStack({ apps: ['worker'] });
    ds = await createDataSource(stack.db.url).initialize();
    const coordinator = await ds
      .getRepository(UserEntity)
      .findOneByOrFail({ username: 'coordinator' });
    await ds.getRepository(PlanEntity).save({
      title: `${month.slice(0, 4)}年工作要点`,
      year: Number(month.slice(0, 4)),
      status: 'published',
      createdById: coordinator.id,
    });
  });
  afterAll(async () => {
    await ds?.destroy();
    await stack?.stop();
  });

  it('is created by the worker and produces last month’s bulletin when it fires', async () => {
    const handle = stack.temporal.client.schedule.getHandle(MONTHLY_BULLETIN_SCHEDULE_ID);
    let description: Awaited<ReturnType<typeof handle.describe>> | undefined;
    for (let i = 0; i < 60 && !description; i += 1)
      description = await handle.describe().catch(async () => {
        await new Promise((r) => setTimeout(r, 500));
        return undefined;
      });
    if (!description) throw new Error('the worker did not create the monthly bulletin schedule');
    expect(description.spec.timezone).toBe('Asia/Shanghai');
    expect(description.spec.calendars?.[0]).toMatchObject({
      dayOfMonth: [{ start: 1, end: 1, step: 1 }],
      hour: [{ start: 0, end: 0, step: 1 }],
      minute: [{ start: 5, end: 5, step: 1 }],
    });
    expect(description.action).toMatchObject({ workflowType: 'monthlyBulletinWorkflow' });

    await handle.trigger();
    let runId: string | undefined;
    for (let i = 0; i < 60 && !runId; i += 1) {
      const actions = (await handle.describe()).info.recentActions;
      runId = actions[0]?.action.workflow.workflowId;
      if (!runId) await new Promise((r) => setTimeout(r, 500));
    }
    const result = (await stack.temporal.client.workflow
      .getHandle(runId as string)
      .result()) as MonthlyBulletinResult;
    expect(result.month).toBe(month);
    expect(result.bulletins).toHaveLength(1);
    const row = await ds
      .getRepository(BulletinEntity)
      .findOneByOrFail({ id: result.bulletins[0].bulletinId });
    expect(row).toMatchObject({ month, trigger: 'schedule' });
    const notices = await ds
      .getRepository(NotificationEntity)
      .findBy({ pointId: IsNull(), kind: 'bulletin' });
    expect(notices.map((n) => n.occasion)).toEqual([`bulletin:${row.planId}:${month}`]);
  });
});
