import type { ChannelTarget } from '@workpoints/contracts';

/** A channel that delivers: everything but the inbox, which is a database row. */
export type DeliveryChannel = ChannelTarget['channel'];

/**
 * A message that did not reach its channel. `retryable` tells the queue whether the same
 * message may go through later (network, timeout, 5xx, 429, rate limits, SMTP 4xx) or will be
 * refused again (bad signature, bad request, unknown webhook, SMTP 5xx), so it belongs in the
 * dead-letter view. `code` is short and stable: `TIMEOUT`, `NETWORK`, `HTTP_503`,
 * `DINGTALK_310000`, `SMTP_550`, ….
 */
export class DeliveryError extends Error {
  constructor(
    readonly channel: DeliveryChannel,
    readonly code: string,
    readonly retryable: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}
