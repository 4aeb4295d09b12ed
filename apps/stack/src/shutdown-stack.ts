import type { Stoppable } from '@workpoints/devstack';

/**
 * The services and processes of a running stack, stopped in the reverse order of their start
 * (apps before the services they use). Starts still under way are waited for, so nothing that
 * comes up during a shutdown is left running.
 */
export class ShutdownStack {
  private readonly entries: { name: string; service: Promise<Stoppable | undefined> }[] = [];
  private stopping: Promise<void> | undefined;

  constructor(private readonly log: (line: string) => void) {}

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Registers a service while it starts; the returned promise is the start itself. */
  track<T extends Stoppable>(name: string, starting: Promise<T>): Promise<T> {
    const service = starting.then(
      (s) => s,
      () => undefined,
    );
    if (this.stopping) {
      // Too late to join the stack: stop it as soon as it is up.
      void service.then((s) => s?.stop());
    } else {
      this.entries.push({ name, service });
    }
    return starting;
  }

  add<T extends Stoppable>(name: string, service: T): T {
    void this.track(name, Promise.resolve(service));
    return service;
  }

  /** Stops everything, newest first; safe to call more than once. */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const { name, service } of [...this.entries].reverse()) {
        const running = await service;
        if (!running) continue;
        this.log(`stopping ${name} …`);
        try {
          await running.stop();
        } catch (error) {
          this.log(`could not stop ${name}: ${(error as Error).message}`);
        }
      }
    })();
    return this.stopping;
  }
}
