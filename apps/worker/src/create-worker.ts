import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { AppConfig } from '@workpoints/config';
import type { BulletinActivities, WorkPointActivities } from '@workpoints/contracts';
import { workflowBundleOptions } from '@workpoints/temporal';
import { BulletinActivitiesService } from './bulletin.activities';
import { WorkPointActivitiesService } from './work-point.activities';

/** Binds the Nest providers into the plain activities object Temporal expects. */
export function bindActivities(
  app: INestApplicationContext,
): WorkPointActivities & BulletinActivities {
  const workPoints = app.get(WorkPointActivitiesService);
  const bulletins = app.get(BulletinActivitiesService);
  return {
    recordTransition: (rec) => workPoints.recordTransition(rec),
    loadCalendar: (request) => workPoints.loadCalendar(request),
    produceMonthlyBulletins: (request) => bulletins.produceMonthlyBulletins(request),
  };
}

/**
 * The work-points worker. Production loads the prebuilt bundle (WORKFLOW_BUNDLE_PATH, made by
 * `npm run bundle:workflows`); development and tests bundle `workflows/` from source.
 */
export async function createWorker(
  app: INestApplicationContext,
  config: AppConfig,
  connection?: NativeConnection,
): Promise<Worker> {
  const bundlePath = config.worker.workflowBundlePath;
  return Worker.create({
    connection:
      connection ?? (await NativeConnection.connect({ address: config.temporal.address })),
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities: bindActivities(app),
    ...(bundlePath
      ? { workflowBundle: { codePath: bundlePath } }
      : {
          bundlerOptions: { webpackConfigHook: workflowBundleOptions().webpackConfigHook },
          workflowsPath: workflowBundleOptions().workflowsPath,
        }),
  });
}
