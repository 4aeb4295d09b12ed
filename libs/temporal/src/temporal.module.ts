import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '@workpoints/config';

/**
 * The Temporal client for the API (and anything else that starts or messages workflows).
 * Connecting is lazy so the API boots even while Temporal is still starting; health reports it.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  private connection: Connection | null = null;
  private clientPromise: Promise<Client> | null = null;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  get taskQueue(): string {
    return this.config.temporal.taskQueue;
  }

  client(): Promise<Client> {
    this.clientPromise ??= Connection.connect({ address: this.config.temporal.address })
      .then((connection) => {
        this.connection = connection;
        return new Client({ connection, namespace: this.config.temporal.namespace });
      })
      .catch((error: unknown) => {
        this.clientPromise = null;
        throw error;
      });
    return this.clientPromise;
  }

  /** Cheap reachability check for /api/health. */
  async ping(): Promise<void> {
    const client = await this.client();
    await client.connection.workflowService.getSystemInfo({});
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}

@Global()
@Module({ providers: [TemporalClientService], exports: [TemporalClientService] })
export class TemporalModule {}
