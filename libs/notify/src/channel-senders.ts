import type { ChannelTarget, RenderedMessage } from '@workpoints/contracts';
import type { DeliveryReceipt, SendOptions } from './channel-sender';
import { DeliveryError, type DeliveryChannel } from './delivery.error';
import { DingTalkRobot } from './dingtalk.robot';
import { EmailSender, type EmailSenderOptions } from './email.sender';
import { FeishuRobot } from './feishu.robot';
import type { RobotOptions } from './robot-webhook';
import { WeComRobot } from './wecom.robot';

export interface SenderMap {
  email: EmailSender;
  wecom: WeComRobot;
  dingtalk: DingTalkRobot;
  feishu: FeishuRobot;
}

export interface ChannelSendersOptions {
  /** SMTP settings; without them email targets fail with `EMAIL_NOT_CONFIGURED`. */
  email?: EmailSenderOptions | null;
  /** Timeout (and clock) for the three robots. */
  robots?: RobotOptions;
}

/**
 * Every channel's sender, chosen by `target.channel`. The inbox is not here: an inbox
 * notification is a database row, written with the outbox, not sent.
 */
export class ChannelSenders {
  private readonly email: EmailSender | null;
  private readonly wecom: WeComRobot;
  private readonly dingtalk: DingTalkRobot;
  private readonly feishu: FeishuRobot;

  constructor(senders: Partial<SenderMap> = {}) {
    this.email = senders.email ?? null;
    this.wecom = senders.wecom ?? new WeComRobot();
    this.dingtalk = senders.dingtalk ?? new DingTalkRobot();
    this.feishu = senders.feishu ?? new FeishuRobot();
  }

  static create(options: ChannelSendersOptions = {}): ChannelSenders {
    const robots = options.robots ?? {};
    return new ChannelSenders({
      ...(options.email ? { email: new EmailSender(options.email) } : {}),
      wecom: new WeComRobot(robots),
      dingtalk: new DingTalkRobot(robots),
      feishu: new FeishuRobot(robots),
    });
  }

  /** The sender for a channel; throws a permanent `DeliveryError` for one that cannot send. */
  senderFor<C extends DeliveryChannel>(channel: C): SenderMap[C];
  senderFor(channel: DeliveryChannel): SenderMap[DeliveryChannel] {
    switch (channel) {
      case 'email':
        if (!this.email)
          throw new DeliveryError(
            'email',
            'EMAIL_NOT_CONFIGURED',
            false,
            '未配置邮件服务器（SMTP）',
          );
        return this.email;
      case 'wecom':
        return this.wecom;
      case 'dingtalk':
        return this.dingtalk;
      case 'feishu':
        return this.feishu;
      default:
        throw unsupported(channel);
    }
  }

  /** Sends one message to one target; throws `DeliveryError`. `options.id`: see `SendOptions`. */
  async send(
    target: ChannelTarget,
    message: RenderedMessage,
    options: SendOptions = {},
  ): Promise<DeliveryReceipt> {
    switch (target.channel) {
      case 'email':
        return this.senderFor('email').send(target, message, options);
      case 'wecom':
        return this.wecom.send(target, message);
      case 'dingtalk':
        return this.dingtalk.send(target, message);
      case 'feishu':
        return this.feishu.send(target, message);
      default:
        throw unsupported((target as { channel: unknown }).channel);
    }
  }

  close(): void {
    this.email?.close();
  }
}

/** A channel name from a database row that no sender handles ('inbox' included). */
function unsupported(channel: unknown): DeliveryError {
  return new DeliveryError(
    channel as DeliveryChannel,
    'UNSUPPORTED_CHANNEL',
    false,
    channel === 'inbox'
      ? '站内消息不经发送，直接写入数据库'
      : `不支持的通知渠道：${String(channel)}`,
  );
}
