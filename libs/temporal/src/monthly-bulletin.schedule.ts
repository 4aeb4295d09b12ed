import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
  type ScheduleOptionsStartWorkflowAction,
} from '@temporalio/client';
import {
  MONTHLY_BULLETIN_SCHEDULE_ID,
  MONTHLY_BULLETIN_WORKFLOW_TYPE,
  type MonthlyBulletinInput,
} from '@workpoints/contracts';

type MonthlyBulletinAction = ScheduleOptionsStartWorkflowAction<
  (input?: MonthlyBulletinInput) => Promise<unknown>
>;

/**
 * The monthly bulletin's Schedule: 00:05 on the 1st of every month, Asia/Shanghai. The
 * workflow it starts waits for the first working day itself. One run at a time; a server that
 * was down on the 1st still starts the month's run within a week of it.
 */
export function monthlyBulletinSchedule(taskQueue: string): ScheduleOptions<MonthlyBulletinAction> {
  return {
    scheduleId: MONTHLY_BULLETIN_SCHEDULE_ID,
    spec: {
      calendars: [{ dayOfMonth: 1, hour: 0, minute: 5, comment: '每月1日：月度通报' }],
      timezone: 'Asia/Shanghai',
    },
    action: {
      type: 'startWorkflow',
      workflowType: MONTHLY_BULLETIN_WORKFLOW_TYPE,
      workflowId: 'monthly-bulletin',
      args: [{}],
      taskQueue,
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
  };
}

/**
 * Creates the Schedule, or brings an existing one to this definition (so a changed spec lands
 * on the next deploy). Safe to call from every worker replica at start-up.
 */
export async function ensureMonthlyBulletinSchedule(
  client: Client,
  taskQueue: string,
): Promise<'created' | 'updated'> {
  const options = monthlyBulletinSchedule(taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      policies: options.policies,
    }));
    return 'updated';
  }
}
