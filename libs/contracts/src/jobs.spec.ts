import { JobName, QueueName } from './queues';
import {
  QUEUE_JOBS,
  belongsOn,
  enqueue,
  enqueueBulk,
  isJobNamed,
  jobIdOf,
  narrowJob,
} from './jobs';

/** A queue that keeps what it is given (enqueue is pure apart from the queue it is handed). */
function recordingQueue(name: QueueName) {
  const added: { name: string; data: unknown; opts?: object }[] = [];
  return {
    added,
    queue: {
      name,
      add: (job: string, data: never, opts?: object) => {
        added.push({ name: job, data, opts });
        return Promise.resolve();
      },
      addBulk: (jobs: { name: string; data: never; opts?: object }[]) => {
        added.push(...jobs);
        return Promise.resolve();
      },
    },
  };
}

describe('typed jobs', () => {
  it('put every job name on some queue', () => {
    const carried = new Set(Object.values(QUEUE_JOBS).flat());
    expect([...carried].sort()).toEqual(Object.values(JobName).sort());
  });

  it('derive the job id of the jobs that dedupe from their payload', () => {
    expect(jobIdOf(JobName.ImportPlan, { importId: 'a1' })).toBe('import-a1');
    expect(jobIdOf(JobName.DeliverNotification, { notificationId: 'n1' })).toBe('notification-n1');
    expect(
      jobIdOf(JobName.DeliverDigest, {
        notificationIds: ['n1', 'n2'],
        digest: 'user:u1|email|2026-01-05T00:30:00.000Z',
      }),
    ).toBe('digest-user-u1-email-2026-01-05T00-30-00.000Z');
    expect(jobIdOf(JobName.SweepImports, {})).toBeUndefined();
  });

  it('queue a job with its derived id, on its own queue only', async () => {
    const { queue, added } = recordingQueue(QueueName.Imports);
    await enqueue(queue, JobName.ImportPlan, { importId: 'a1' }, { attempts: 3, jobId: 'mine' });
    expect(added).toEqual([
      { name: 'import-plan', data: { importId: 'a1' }, opts: { attempts: 3, jobId: 'import-a1' } },
    ]);
    await expect(
      enqueue(queue, JobName.ExportReport, {
        kind: 'ledger',
        exportId: 'e1',
        planId: 'p1',
        filters: {},
        userId: 'u1',
        requestedAt: '2026-01-05T00:00:00.000Z',
      }),
    ).rejects.toThrow('job export-report does not belong on queue imports');
    expect(added).toHaveLength(1);
  });

  it('queue jobs of one name at once', async () => {
    const { queue, added } = recordingQueue(QueueName.NotifyEmail);
    await enqueueBulk(
      queue,
      JobName.DeliverNotification,
      [{ notificationId: 'n1' }, { notificationId: 'n2' }],
      {
        attempts: 6,
      },
    );
    await enqueueBulk(queue, JobName.DeliverNotification, []);
    expect(added.map((j) => j.opts)).toEqual([
      { attempts: 6, jobId: 'notification-n1' },
      { attempts: 6, jobId: 'notification-n2' },
    ]);
  });

  it('narrow a job by its name, refusing one from another queue', () => {
    expect(belongsOn(QueueName.NotifyFeishu, JobName.DeliverDigest)).toBe(true);
    expect(belongsOn('reminders', JobName.DeliverDigest)).toBe(false);
    const job = { name: 'deliver-notification', data: { notificationId: 'n1' } as unknown };
    const typed = narrowJob(QueueName.NotifyInbox, job);
    expect(typed?.name === JobName.DeliverNotification && typed.data.notificationId).toBe('n1');
    expect(narrowJob(QueueName.Reports, job)).toBeNull();
    expect(isJobNamed(job, JobName.DeliverNotification) && job.data.notificationId).toBe('n1');
    expect(isJobNamed(job, JobName.DeliverDigest)).toBe(false);
  });
});
