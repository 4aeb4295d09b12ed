import { ShutdownStack } from './shutdown-stack';

describe('ShutdownStack', () => {
  const recorder = () => {
    const events: string[] = [];
    const service = (name: string) => ({ stop: async () => void events.push(`stop ${name}`) });
    return { events, service };
  };

  it('stops in reverse order of start, once', async () => {
    const { events, service } = recorder();
    const stack = new ShutdownStack((l) => events.push(l));
    stack.add('postgres', service('postgres'));
    stack.add('redis', service('redis'));
    stack.add('api', service('api'));
    await Promise.all([stack.stopAll(), stack.stopAll()]);
    expect(events).toEqual([
      'stopping api …',
      'stop api',
      'stopping redis …',
      'stop redis',
      'stopping postgres …',
      'stop postgres',
    ]);
    expect(stack.isStopping).toBe(true);
  });

  it('waits for starts under way, and skips the ones that failed', async () => {
    const { events, service } = recorder();
    const stack = new ShutdownStack(() => undefined);
    let finishStart: () => void = () => undefined;
    void stack.track(
      'temporal',
      new Promise<{ stop(): Promise<void> }>(
        (resolve) => (finishStart = () => resolve(service('temporal'))),
      ),
    );
    await stack.track('postgres', Promise.reject(new Error('port in use'))).catch(() => undefined);
    const stopped = stack.stopAll();
    finishStart();
    await stopped;
    expect(events).toEqual(['stop temporal']);
  });

  it('stops a service that comes up after the shutdown began', async () => {
    const { events, service } = recorder();
    const stack = new ShutdownStack(() => undefined);
    await stack.stopAll();
    await stack.track('late', Promise.resolve(service('late')));
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual(['stop late']);
  });

  it('goes on when one service fails to stop', async () => {
    const { events, service } = recorder();
    const stack = new ShutdownStack((l) => events.push(l));
    stack.add('a', service('a'));
    stack.add('b', { stop: () => Promise.reject(new Error('boom')) });
    await stack.stopAll();
    expect(events).toEqual(['stopping b …', 'could not stop b: boom', 'stopping a …', 'stop a']);
  });
});
