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

/** Feishu refuses request bodies over 20 KB; leave room for the JSON around the text. */
const FEISHU_TEXT_MAX_BYTES = 18_000;

const FEISHU: RobotDialect = {
  channel: 'feishu',
  name: '飞书机器人',
  // Older answers carry only StatusCode / StatusMessage.
  result: (body) => {
    const code = body['code'] ?? body['StatusCode'];
    return typeof code === 'number'
      ? { code, message: String(body['msg'] ?? body['StatusMessage'] ?? '') }
      : null;
  },
  // 11232: frequency limited (100 a minute, 5 a second per robot). 9499 is both "Too Many
  // Request" and "Bad Request": only the first is worth another try.
  retryable: (code, message) => code === 11232 || (code === 9499 && /too many/i.test(message)),
};

/**
 * The Feishu custom bot's signature (签名校验): base64 of HmacSHA256 keyed with
 * `timestamp + "\n" + secret` over an empty message, timestamp in seconds.
 */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** An address in text: ASCII URL characters only, so a following 。 is not part of it. */
const URL_RE = /https?:\/\/[\w\-.~:/?#[\]@!$&'()*+,;=%]+/;
const LABELLED_URL_LINE = new RegExp(`^([^：\\s]{1,8})：(${URL_RE.source})$`);
const URL_SPLIT = new RegExp(`(${URL_RE.source})`);

type PostElement = { tag: 'text'; text: string } | { tag: 'a'; text: string; href: string };

/**
 * The Feishu (飞书) custom bot: POST a rich-text message
 * `{"msg_type":"post","content":{"post":{"zh_cn":{"title","content":[[…]]}}}}` to
 * `https://open.feishu.cn/open-apis/bot/v2/hook/…`, with `timestamp` (seconds, as a string) and
 * `sign` in the body when the bot has 签名校验 on (`target.secret`).
 */
export class FeishuRobot implements ChannelSender<'feishu'> {
  readonly channel = 'feishu' as const;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(options: RobotOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_ROBOT_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  async send(target: RobotTarget, message: RenderedMessage): Promise<DeliveryReceipt> {
    const url = webhookUrl(FEISHU, target.webhookUrl);
    const signature = target.secret ? this.signature(target.secret) : {};
    await postToRobot(
      FEISHU,
      url,
      {
        ...signature,
        msg_type: 'post',
        content: { post: { zh_cn: { title: message.title, content: postContent(message) } } },
      },
      this.timeoutMs,
    );
    return { channel: 'feishu' };
  }

  private signature(secret: string): { timestamp: string; sign: string } {
    const seconds = Math.floor(this.now() / 1000);
    return { timestamp: String(seconds), sign: feishuSign(secret, seconds) };
  }
}

/**
 * The text's lines as paragraphs with their addresses as links: a closing `查看详情：https://…`
 * line becomes a 查看详情 link, an address inside a line (the digest's items) a link to itself.
 */
function postContent(message: RenderedMessage): PostElement[][] {
  const lines = fitUtf8(message.text, FEISHU_TEXT_MAX_BYTES, `\n……\n查看详情：${message.link}`);
  return lines
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line): PostElement[] => {
      const labelled = LABELLED_URL_LINE.exec(line);
      if (labelled) return [{ tag: 'a', text: labelled[1] ?? '', href: labelled[2] ?? '' }];
      return line
        .split(URL_SPLIT)
        .filter((part) => part !== '')
        .map((part) =>
          URL_RE.test(part) ? { tag: 'a', text: part, href: part } : { tag: 'text', text: part },
        );
    });
}
