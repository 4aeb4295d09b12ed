import { createServer, type Server } from 'node:net';
import { assertPortFree, canConnect, findFreePort, isPortFree, waitForPort } from './ports';

function listen(port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('ports', () => {
  it('tells a free port from a taken one', async () => {
    const port = await findFreePort();
    expect(await isPortFree(port)).toBe(true);
    const server = await listen(port, '127.0.0.1');
    try {
      expect(await isPortFree(port)).toBe(false);
      expect(await canConnect(port)).toBe(true);
    } finally {
      await close(server);
    }
  });

  it('sees a port held on every interface as taken on loopback', async () => {
    const port = await findFreePort();
    const server = await listen(port, '0.0.0.0');
    try {
      expect(await isPortFree(port, '127.0.0.1')).toBe(false);
    } finally {
      await close(server);
    }
  });

  it('says which service wanted the port and what to do', async () => {
    const port = await findFreePort();
    const server = await listen(port, '127.0.0.1');
    try {
      await expect(
        assertPortFree(
          port,
          '127.0.0.1',
          'Temporal',
          'Stop whatever holds it, or set TEMPORAL_ADDRESS to use that server.',
        ),
      ).rejects.toThrow(
        `Port ${port} (Temporal) is already in use on 127.0.0.1. Stop whatever holds it, or set TEMPORAL_ADDRESS to use that server.`,
      );
    } finally {
      await close(server);
    }
    await expect(assertPortFree(port, '127.0.0.1', 'Temporal', '')).resolves.toBeUndefined();
  });

  it('waits for a port and gives up with the reason it is given', async () => {
    const port = await findFreePort();
    await expect(
      waitForPort(port, { timeoutMs: 5000, giveUp: () => 'server exited with code 1' }),
    ).rejects.toThrow('server exited with code 1');
    await expect(waitForPort(port, { timeoutMs: 200, intervalMs: 50 })).rejects.toThrow(
      /did not accept connections/,
    );
    const server = await listen(port, '127.0.0.1');
    try {
      await expect(waitForPort(port, { timeoutMs: 1000 })).resolves.toBeUndefined();
    } finally {
      await close(server);
    }
  });
});
