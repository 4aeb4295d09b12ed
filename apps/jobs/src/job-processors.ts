import { BullRegistrar, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { QueueName, narrowJob, type TypedJob } from '@workpoints/contracts';
import { type Job, UnrecoverableError } from 'bullmq';

const JOB_QUEUE = 'workpoints:job-queue';

/** A worker's concurrency, rate limit and locks, as `@Processor` takes them. */
type WorkerOptions = Parameters<typeof Processor>[1];

/**
 * `@Processor` of one of our queues, recorded so the start-up check knows which queue each
 * processor serves (what `@Processor` itself records is private to @nestjs/bullmq).
 */
export function JobProcessor(queue: QueueName, workerOptions?: WorkerOptions): ClassDecorator {
  return (target) => {
    (workerOptions ? Processor(queue, workerOptions) : Processor(queue))(target);
    SetMetadata(JOB_QUEUE, queue)(target);
  };
}

/** The queue a processor class serves, if it was declared with `@JobProcessor`. */
export function queueOf(
  processor: abstract new (...args: never[]) => unknown,
): QueueName | undefined {
  return Reflect.getMetadata(JOB_QUEUE, processor) as QueueName | undefined;
}

/**
 * What is wrong with a set of processors: a queue with none (its jobs would wait for ever), a
 * queue with two (its jobs would be split between them at random), a processor of no known
 * queue. Empty when every queue has exactly one.
 */
export function processorProblems(
  processors: { name: string; queue: string | undefined }[],
  queues: readonly string[] = Object.values(QueueName),
): string[] {
  const problems: string[] = [];
  for (const p of processors)
    if (p.queue === undefined)
      problems.push(`${p.name} is not declared with @JobProcessor(queue): its queue is unknown`);
    else if (!queues.includes(p.queue))
      problems.push(`${p.name} processes "${p.queue}", which is not a queue in QueueName`);
  for (const queue of queues) {
    const serving = processors.filter((p) => p.queue === queue).map((p) => p.name);
    if (serving.length === 0) problems.push(`queue "${queue}" has no processor`);
    if (serving.length > 1)
      problems.push(`queue "${queue}" has ${serving.length} processors: ${serving.join(', ')}`);
  }
  return problems;
}

/**
 * Starts the BullMQ workers only once every queue has exactly one processor (BullModule is
 * told to wait for this: `manualRegistration`), so a missing or doubled processor stops the
 * jobs app at start-up with the list of what is wrong, instead of leaving jobs unprocessed.
 */
@Injectable()
export class ProcessorRegistration implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly registrar: BullRegistrar,
  ) {}

  onModuleInit(): void {
    const processors = this.discovery
      .getProviders()
      .filter((w) => w.instance instanceof WorkerHost)
      .map((w) => {
        const type = (w.instance as WorkerHost).constructor as new () => WorkerHost;
        return { name: type.name, queue: queueOf(type) };
      });
    const problems = processorProblems(processors);
    if (problems.length > 0)
      throw new Error(
        `The jobs app cannot start: every queue needs exactly one processor.\n- ${problems.join('\n- ')}`,
      );
    this.registrar.register();
  }
}

/**
 * The job narrowed by its name to its payload (`TypedJob`), for a processor's `switch`; a job
 * that does not belong on the queue fails for good, since no retry would make it belong.
 */
export function jobOf<Q extends QueueName>(queue: Q, job: Job): TypedJob<Q> {
  const typed = narrowJob(queue, job);
  if (!typed) throw new UnrecoverableError(`${job.name} does not belong on the ${queue} queue`);
  return typed;
}
