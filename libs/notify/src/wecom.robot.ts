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

/** WeCom refuses markdown content over 4096 bytes of UTF-8. */
const WECOM_MARKDOWN_MAX_BYTES = 4096;

const WECOM: RobotDialect = {
  channel: 'wecom',
  name: '企业微信群机器人',
  result: (body) =>
    typeof body['errcode'] === 'number'
      ? { code: body['errcode'], message: String(body['errmsg'] ?? '') }
      : null,
  // -1 system busy; 45009 api freq out of limit (20 messages a minute per robot);
  // 45033 api concurrent out of limit.
  retryable: (code) => code === -1 || code === 45009 || code === 45033,
};

/**
 * The WeCom (企业微信) group robot: POST `{"msgtype":"markdown","markdown":{"content":…}}` to
 * `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`. The key in the address is the only
 * credential; WeCom robots have no signing secret, so `target.secret` is not used.
 */
export class WeComRobot implements ChannelSender<'wecom'> {
  readonly channel = 'wecom' as const;
  private readonly timeoutMs: number;

  constructor(options: RobotOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_ROBOT_TIMEOUT_MS;
  }

  async send(target: RobotTarget, message: RenderedMessage): Promise<DeliveryReceipt> {
    const url = webhookUrl(WECOM, target.webhookUrl);
    const content = fitUtf8(
      message.markdown,
      WECOM_MARKDOWN_MAX_BYTES,
      `\n\n……\n\n[查看详情](${message.link})`,
    );
    await postToRobot(WECOM, url, { msgtype: 'markdown', markdown: { content } }, this.timeoutMs);
    return { channel: 'wecom' };
  }
}
