import { type BullRegistrar, WorkerHost } from '@nestjs/bullmq';
import type { DiscoveryService } from '@nestjs/core';
import { JobName, QueueName } from '@workpoints/contracts';
import type { Job } from 'bullmq';
import {
  JobProcessor,
  ProcessorRegistration,
  jobOf,
  processorProblems,
  queueOf,
} from './job-processors';
import { PROCESSORS } from './jobs.module';

@JobProcessor(QueueName.Reports)
class SecondReportsProcessor extends WorkerHost {
  process(): Promise<void> {
    return Promise.resolve();
  }
}

class UndeclaredProcessor extends WorkerHost {
  process(): Promise<void> {
    return Promise.resolve();
  }
}

const described = (classes: (abstract new (...args: never[]) => unknown)[]) =>
  classes.map((c) => ({ name: c.name, queue: queueOf(c) }));

describe('one processor per queue', () => {
  it('holds for the jobs app as it is', () => {
    expect(processorProblems(described(PROCESSORS))).toEqual([]);
    expect(
      described(PROCESSORS)
        .map((p) => p.queue)
        .sort(),
    ).toEqual(Object.values(QueueName).sort());
  });

  it('names a queue left without a processor and a queue with two', () => {
    const withoutImports = PROCESSORS.filter((p) => queueOf(p) !== QueueName.Imports);
    expect(processorProblems(described([...withoutImports, SecondReportsProcessor]))).toEqual([
      'queue "imports" has no processor',
      'queue "reports" has 2 processors: ReportsProcessor, SecondReportsProcessor',
    ]);
  });

  it('names a processor of no known queue', () => {
    expect(
      processorProblems([
        ...described(PROCESSORS),
        ...described([UndeclaredProcessor]),
        { name: 'Old', queue: 'reminders' },
      ]),
    ).toEqual([
      'UndeclaredProcessor is not declared with @JobProcessor(queue): its queue is unknown',
      'Old processes "reminders", which is not a queue in QueueName',
    ]);
  });

  /** Nest's discovery and BullMQ's registrar stand in: what is tested is the decision. */
  function registration(instances: WorkerHost[]) {
    const registered: string[] = [];
    const discovery = {
      getProviders: () => [...instances, {}].map((instance) => ({ instance })),
    } as unknown as DiscoveryService;
    const registrar = {
      register: () => registered.push('workers started'),
    } as unknown as BullRegistrar;
    return { registration: new ProcessorRegistration(discovery, registrar), registered };
  }

  it('stops the start-up with the list of problems, before any worker starts', () => {
    const { registration: check, registered } = registration([
      new SecondReportsProcessor(),
      new UndeclaredProcessor(),
    ]);
    expect(() => check.onModuleInit()).toThrow(
      /The jobs app cannot start: every queue needs exactly one processor\.\n- UndeclaredProcessor is not declared.*\n- queue "imports" has no processor/s,
    );
    expect(registered).toEqual([]);
  });

  it('starts the workers when every queue has its one processor', () => {
    const instances = PROCESSORS.map((p) => Object.create(p.prototype) as WorkerHost);
    const { registration: check, registered } = registration(instances);
    check.onModuleInit();
    expect(registered).toEqual(['workers started']);
  });
});

describe('jobOf', () => {
  const job = (name: string, data: unknown) => ({ name, data }) as Job;

  it('hands a processor the job with its payload, by name', () => {
    const typed = jobOf(QueueName.Imports, job(JobName.ImportPlan, { importId: 'i-1' }));
    expect(typed).toEqual({ name: JobName.ImportPlan, data: { importId: 'i-1' } });
  });

  it('fails for good a job that does not belong on the queue', () => {
    expect(() => jobOf(QueueName.Reports, job(JobName.ImportPlan, { importId: 'i-1' }))).toThrow(
      expect.objectContaining({
        name: 'UnrecoverableError',
        message: 'import-plan does not belong on the reports queue',
      }),
    );
  });
});
