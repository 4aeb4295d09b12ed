import { createServer, type Server } from 'node:http';
import { findFreePort } from '@workpoints/devstack';
import { waitForHealth } from './api-health';

describe('waitForHealth', () => {
  let server: Server;
  let status = 503;
  let url = '';

  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(status).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/health`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('waits until the API answers 200', async () => {
    status = 503;
    setTimeout(() => (status = 200), 150);
    await expect(waitForHealth(url, { timeoutMs: 5000, intervalMs: 50 })).resolves.toBeUndefined();
  });

  it('names the last answer when it times out', async () => {
    status = 503;
    await expect(waitForHealth(url, { timeoutMs: 200, intervalMs: 50 })).rejects.toThrow(
      `${url} did not answer 200 within 0 s (last: HTTP 503).`,
    );
    const closed = await findFreePort();
    await expect(
      waitForHealth(`http://127.0.0.1:${closed}/api/health`, { timeoutMs: 100, intervalMs: 50 }),
    ).rejects.toThrow(/last: ECONNREFUSED/);
  });

  it('stops waiting when the API process is gone', async () => {
    await expect(
      waitForHealth(url, { timeoutMs: 5000, giveUp: () => 'api exited with code 1' }),
    ).rejects.toThrow('api exited with code 1');
  });
});
