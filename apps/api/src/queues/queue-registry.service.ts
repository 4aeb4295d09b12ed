import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, bullConnection } from '@workpoints/config';
import { QueueName } from '@workpoints/contracts';
import { Queue } from 'bullmq';
import Redis from 'ioredis';

/**
 * Handles on every BullMQ queue of the system (apps/jobs runs their processors), for the
 * admins' queue board and for clearing a dead notification's failed job before it is retried.
 * They share one Redis connection: the API only looks at and tidies these queues.
 */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues: Map<QueueName, Queue>;

  constructor(@Inject(AppConfig) config: AppConfig) {
    // Fail fast when Redis is away rather than hang a request: the board shows the error.
    this.connection = new Redis({
      ...bullConnection(config),
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    this.connection.on('error', () => undefined); // surfaced by the commands that fail
    this.queues = new Map(
      Object.values(QueueName).map((name) => [
        name,
        new Queue(name, { connection: this.connection, prefix: config.queues.prefix }),
      ]),
    );
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  }

  /**
   * Removes a job (none is fine). Refuses after `timeoutMs` rather than wait for a Redis that
   * is away: BullMQ holds a command until its connection is ready.
   */
  async removeJob(name: QueueName, jobId: string, timeoutMs = 5_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis 未在 ${timeoutMs} 毫秒内应答`)), timeoutMs);
    });
    try {
      await Promise.race([this.queue(name).remove(jobId), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.all().map((q) => q.close()));
    this.connection.disconnect();
  }
}
