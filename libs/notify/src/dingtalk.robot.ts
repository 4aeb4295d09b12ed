import { createHmac } from 'node:crypto';
import type { RenderedMessage } from '@workpoints/contracts';
import type { ChannelSender, DeliveryReceipt, RobotTarget } from './channel-sender';
import {
  DEFAULT_ROBOT_TIMEOUT_MS,
  fitUtf8,
  postToRobot,
  webhookUrl,
  type RobotDialect,
  type RobotOptions,
} from './robot-webhook';

/** DingTalk refuses request bodies over 20 000 bytes; leave room for the JSON around the text. */
const DINGTALK_TEXT_MAX_BYTES = 18_000;

const DINGTALK: RobotDialect = {
  channel: 'dingtalk',
  name: '钉钉机器人',
  result: (body) =>
    typeof body['errcode'] === 'number'
      ? { code: body['errcode'], message: String(body['errmsg'] ?? '') }
      : null,
  // -1 system busy; 130101 send too fast (20 messages a minute per robot).
  retryable: (code) => code === -1 || code === 130101,
};

/**
 * The DingTalk custom robot's signature (加签): base64 of HmacSHA256 with the secret as key over
 * `timestamp + "\n" + secret`, timestamp in milliseconds. The caller URL-encodes it.
 */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/**
 * The DingTalk (钉钉) custom robot: POST `{"msgtype":"markdown","markdown":{"title","text"}}` to
 * `https://oapi.dingtalk.com/robot/send?access_token=…`, with `&timestamp=…&sign=…` added when
 * the robot's security setting is 加签 (`target.secret`, the `SEC…` string).
 */
export class DingTalkRobot implements ChannelSender<'dingtalk'> {
  readonly channel = 'dingtalk' as const;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(options: RobotOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_ROBOT_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  async send(target: RobotTarget, message: RenderedMessage): Promise<DeliveryReceipt> {
    const url = webhookUrl(DINGTALK, target.webhookUrl);
    if (target.secret) {
      const timestamp = this.now();
      // URLSearchParams writes the form encoding DingTalk expects (+ → %2B, / → %2F, = → %3D).
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', dingTalkSign(target.secret, timestamp));
    }
    const text = fitUtf8(
      message.markdown,
      DINGTALK_TEXT_MAX_BYTES,
      `\n\n……\n\n[查看详情](${message.link})`,
    );
    await postToRobot(
      DINGTALK,
      url,
      { msgtype: 'markdown', markdown: { title: message.title, text } },
      this.timeoutMs,
    );
    return { channel: 'dingtalk' };
  }
}
