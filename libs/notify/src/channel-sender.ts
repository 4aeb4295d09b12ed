import type { ChannelTarget, RenderedMessage, RobotChannel } from '@workpoints/contracts';
import type { DeliveryChannel } from './delivery.error';

export type EmailTarget = Extract<ChannelTarget, { channel: 'email' }>;
/** A group robot's webhook (and signing secret, for DingTalk and Feishu). */
export type RobotTarget = Extract<ChannelTarget, { channel: RobotChannel }>;
/** The target a channel's sender takes. */
export type TargetOf<C extends DeliveryChannel> = C extends 'email' ? EmailTarget : RobotTarget;

/** What a channel said when it took the message. */
export interface DeliveryReceipt {
  channel: DeliveryChannel;
  /** The email's Message-ID; robots give none. */
  messageId?: string;
}

/** About one delivery rather than the message. */
export interface SendOptions {
  /**
   * A stable id of what is sent (the notification row's id): an email carries it in its
   * Message-ID, so a copy sent again after a crash can be recognised as the same message.
   */
  id?: string;
}

/** Sends a rendered message to one kind of target; throws `DeliveryError` when it cannot. */
export interface ChannelSender<C extends DeliveryChannel = DeliveryChannel> {
  readonly channel: C;
  send(
    target: TargetOf<C>,
    message: RenderedMessage,
    options?: SendOptions,
  ): Promise<DeliveryReceipt>;
}
