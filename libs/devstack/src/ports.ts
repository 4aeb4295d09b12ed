import { createConnection, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** True when nothing listens on host:port, tested by binding it for a moment. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(false);
      else
        reject(
          new Error(`Cannot test port ${port} on ${host}: ${error.message}`, { cause: error }),
        );
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
    what: string,
    hint: string,
  ) {
    super(`Port ${port} (${what}) is already in use on ${host}. ${hint}`.trim());
    this.name = 'PortInUseError';
  }
}

/**
 * Fails early, before anything is started, with a message that says what the port was
 * wanted for and how to get past it, e.g. "Port 7233 (Temporal) is already in use on
 * 127.0.0.1. Stop whatever holds it, or set TEMPORAL_ADDRESS to use that server."
 */
export async function assertPortFree(
  port: number,
  host: string,
  what: string,
  hint: string,
): Promise<void> {
  if (!(await isPortFree(port, host))) throw new PortInUseError(port, host, what, hint);
}

/** A port the kernel considers free right now (for tests; another process may take it). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when a TCP connection to host:port succeeds within timeoutMs. */
export function canConnect(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface WaitForPortOptions {
  host?: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Stop waiting early, e.g. because the server process has exited: return its reason. */
  giveUp?: () => string | undefined;
  signal?: AbortSignal;
}

/** Polls until host:port accepts connections; rejects on timeout, `giveUp` or abort. */
export async function waitForPort(port: number, options: WaitForPortOptions): Promise<void> {
  const { host = '127.0.0.1', timeoutMs, intervalMs = 100, giveUp, signal } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    const reason = giveUp?.();
    if (reason) throw new Error(reason);
    if (await canConnect(port, host)) return;
    if (Date.now() >= deadline)
      throw new Error(
        `${host}:${port} did not accept connections within ${Math.round(timeoutMs / 1000)} s`,
      );
    await sleep(intervalMs);
  }
}
