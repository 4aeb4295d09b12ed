import { setTimeout as sleep } from 'node:timers/promises';

export interface HealthWait {
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
  /** A reason to stop waiting (the API process has exited), or undefined. */
  giveUp?: () => string | undefined;
}

/** Polls the health URL until it answers 200; the error says what it answered last. */
export async function waitForHealth(url: string, wait: HealthWait): Promise<void> {
  const { timeoutMs, intervalMs = 500, signal, giveUp } = wait;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    signal?.throwIfAborted();
    const reason = giveUp?.();
    if (reason) throw new Error(reason);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      await response.body?.cancel();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      // fetch fails with "fetch failed"; the cause says why (ECONNREFUSED, a timeout, …).
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      last = cause?.code ?? cause?.message ?? (error as Error).message;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last}).`,
      );
    }
    await sleep(intervalMs);
  }
}
