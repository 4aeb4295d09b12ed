import {
  JobName,
  QueueName,
  digestJobId,
  importJobId,
  notificationJobId,
  reportExportJobId,
  type DeliverDigestJob,
  type DeliverNotificationJob,
  type ImportPlanJob,
  type ReportExportJob,
} from './queues';

/** The data of a job that carries none: the schedulers' repeating jobs. */
export type NoJobData = Record<string, never>;

/**
 * The payload of every job, by name: what `enqueue` accepts for it and what a processor gets
 * from `jobOf`. A job name missing here does not compile anywhere.
 */
export interface JobPayloads {
  [JobName.ImportPlan]: ImportPlanJob;
  [JobName.SweepImports]: NoJobData;
  [JobName.DispatchNotifications]: NoJobData;
  [JobName.DeliverNotification]: DeliverNotificationJob;
  [JobName.DeliverDigest]: DeliverDigestJob;
  [JobName.ExportReport]: ReportExportJob;
}

const DELIVERIES = [JobName.DeliverNotification, JobName.DeliverDigest] as const;

/** Which jobs each queue carries; its processor refuses any other. */
export const QUEUE_JOBS = {
  [QueueName.Imports]: [JobName.ImportPlan, JobName.SweepImports],
  [QueueName.NotifyDispatch]: [JobName.DispatchNotifications],
  [QueueName.NotifyInbox]: DELIVERIES,
  [QueueName.NotifyEmail]: DELIVERIES,
  [QueueName.NotifyWecom]: DELIVERIES,
  [QueueName.NotifyDingtalk]: DELIVERIES,
  [QueueName.NotifyFeishu]: DELIVERIES,
  [QueueName.Reports]: [JobName.ExportReport],
} as const satisfies Record<QueueName, readonly JobName[]>;

export type QueueJobName<Q extends QueueName> = (typeof QUEUE_JOBS)[Q][number];

/**
 * Job ids of the jobs that dedupe, derived from their payload: BullMQ ignores a job whose id
 * is already queued, so the same import, notification, digest or export is queued once at a
 * time however often it is offered. The others get BullMQ's own ids.
 */
const JOB_IDS: { [N in JobName]?: (data: JobPayloads[N]) => string } = {
  [JobName.ImportPlan]: (d) => importJobId(d.importId),
  [JobName.DeliverNotification]: (d) => notificationJobId(d.notificationId),
  [JobName.DeliverDigest]: (d) => digestJobId(d.digest),
  [JobName.ExportReport]: (d) => reportExportJobId(d.exportId),
};

/** The job id of a job, when its kind dedupes. */
export function jobIdOf<N extends JobName>(name: N, data: JobPayloads[N]): string | undefined {
  const id = JOB_IDS[name] as ((data: JobPayloads[N]) => string) | undefined;
  return id?.(data);
}

/** Whether a queue carries jobs of this name. */
export function belongsOn(queue: string, name: string): boolean {
  const names = (QUEUE_JOBS as Record<string, readonly string[] | undefined>)[queue];
  return names?.includes(name) ?? false;
}

/** What `enqueue` needs of a BullMQ queue (contracts stay free of BullMQ itself). */
export interface JobQueue<O> {
  readonly name: string;
  add(name: string, data: never, opts?: O): Promise<unknown>;
  addBulk(jobs: { name: string; data: never; opts?: O }[]): Promise<unknown>;
}

function checkedJob<N extends JobName, O extends { jobId?: string }>(
  queue: string,
  name: N,
  data: JobPayloads[N],
  opts: O | undefined,
): { name: N; data: JobPayloads[N]; opts: O } {
  if (!belongsOn(queue, name)) throw new Error(`job ${name} does not belong on queue ${queue}`);
  const jobId = jobIdOf(name, data);
  return { name, data, opts: { ...opts, ...(jobId === undefined ? {} : { jobId }) } as O };
}

/**
 * Queues a job: its payload checked against `JobPayloads` when compiled, its queue against
 * `QUEUE_JOBS` when run, and its job id derived from the payload where the job dedupes (an id
 * in `opts` is overridden).
 */
export async function enqueue<N extends JobName, O extends { jobId?: string }>(
  queue: JobQueue<O>,
  name: N,
  data: JobPayloads[N],
  opts?: O,
): Promise<void> {
  const job = checkedJob(queue.name, name, data, opts);
  await queue.add(job.name, job.data as never, job.opts);
}

/** Queues jobs of one name at once, each as `enqueue` would. */
export async function enqueueBulk<N extends JobName, O extends { jobId?: string }>(
  queue: JobQueue<O>,
  name: N,
  data: JobPayloads[N][],
  opts?: O,
): Promise<void> {
  if (data.length === 0) return;
  await queue.addBulk(
    data.map((d) => {
      const job = checkedJob(queue.name, name, d, opts);
      return { name: job.name, data: job.data as never, opts: job.opts };
    }),
  );
}

/** A job as a processor of queue Q sees it: by name, with that name's payload. */
export type TypedJob<Q extends QueueName> = {
  [N in QueueJobName<Q>]: { name: N; data: JobPayloads[N] };
}[QueueJobName<Q>];

/**
 * A job taken off queue Q, narrowed by its name to its payload; null when the name does not
 * belong on the queue. Payloads are typed where they are made (`enqueue`), so the name is what
 * tells them apart here.
 */
export function narrowJob<Q extends QueueName>(
  queue: Q,
  job: { name: string; data: unknown },
): TypedJob<Q> | null {
  return belongsOn(queue, job.name) ? ({ name: job.name, data: job.data } as TypedJob<Q>) : null;
}

/** Whether a job is of this name, narrowing its data to the name's payload. */
export function isJobNamed<N extends JobName, J extends { name: string; data: unknown }>(
  job: J,
  name: N,
): job is J & { name: N; data: JobPayloads[N] } {
  return job.name === name;
}
