import type { RobotChannel } from '@workpoints/contracts';
import { DeliveryError } from './delivery.error';

export interface RobotOptions {
  /** How long to wait for the robot's whole answer, in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** The clock the signatures use, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

export const DEFAULT_ROBOT_TIMEOUT_MS = 10_000;

/** How one robot answers: where its result code is, and which codes mean "try again later". */
export interface RobotDialect {
  channel: RobotChannel;
  /** The robot's name in error messages. */
  name: string;
  /** The result code and message of an answer body; code 0 is success. */
  result(body: Record<string, unknown>): { code: number; message: string } | null;
  retryable(code: number, message: string): boolean;
}

/** A webhook address the robot can be called at, or a permanent error. */
export function webhookUrl(dialect: RobotDialect, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new DeliveryError(
      dialect.channel,
      'BAD_WEBHOOK_URL',
      false,
      `${dialect.name}的 Webhook 地址无效`,
      {
        cause,
      },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new DeliveryError(
      dialect.channel,
      'BAD_WEBHOOK_URL',
      false,
      `${dialect.name}的 Webhook 地址应以 https:// 开头`,
    );
  return url;
}

/**
 * POSTs JSON to a robot and reads its answer within `timeoutMs`. Robots answer HTTP 200 with an
 * error code in the body, so success is a 2xx status and a zero code. Error messages never
 * repeat the URL: it carries the robot's access token.
 */
export async function postToRobot(
  dialect: RobotDialect,
  url: URL,
  payload: unknown,
  timeoutMs: number,
): Promise<void> {
  const { channel, name } = dialect;
  let status: number;
  let raw: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(payload),
      // A robot that redirects is a wrong address, and a redirected POST would become a GET.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    raw = await response.text();
  } catch (cause) {
    throw networkError(dialect, cause, timeoutMs);
  }

  let body: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    body = null;
  }
  const result = body ? dialect.result(body) : null;

  if (status === 429 || status >= 500)
    throw new DeliveryError(
      channel,
      `HTTP_${status}`,
      true,
      `${name}暂时不可用（HTTP ${status}${result ? `，${result.code} ${result.message}` : ''}）`,
    );
  if (result && result.code !== 0)
    throw new DeliveryError(
      channel,
      `${channel.toUpperCase()}_${result.code}`,
      dialect.retryable(result.code, result.message),
      `${name}拒绝了消息：${result.code} ${result.message}`,
    );
  if (status < 200 || status >= 300)
    throw new DeliveryError(
      channel,
      `HTTP_${status}`,
      false,
      `${name}拒绝了请求（HTTP ${status}）`,
    );
  if (!result)
    throw new DeliveryError(
      channel,
      'BAD_RESPONSE',
      false,
      `${name}的应答无法识别，请检查 Webhook 地址：${raw.slice(0, 200)}`,
    );
}

function networkError(dialect: RobotDialect, cause: unknown, timeoutMs: number): DeliveryError {
  const error = cause as { name?: string; cause?: { code?: string } } | null;
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError')
    return new DeliveryError(
      dialect.channel,
      'TIMEOUT',
      true,
      `${dialect.name}在 ${timeoutMs} 毫秒内没有应答`,
      { cause },
    );
  const code = error?.cause?.code;
  return new DeliveryError(
    dialect.channel,
    'NETWORK',
    true,
    `无法连接${dialect.name}${code ? `（${code}）` : ''}`,
    { cause },
  );
}

/**
 * `text` cut to at most `maxBytes` of UTF-8, at a line break where one is near, with `tail`
 * (an ellipsis and the link) appended: robots refuse messages over their size limit.
 */
export function fitUtf8(text: string, maxBytes: number, tail: string): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(tail);
  let used = 0;
  let out = '';
  for (const ch of text) {
    const bytes = Buffer.byteLength(ch);
    if (used + bytes > budget) break;
    out += ch;
    used += bytes;
  }
  const lastBreak = out.lastIndexOf('\n');
  if (lastBreak > out.length / 2) out = out.slice(0, lastBreak);
  return out.trimEnd() + tail;
}
