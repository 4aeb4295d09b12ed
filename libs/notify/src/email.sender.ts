import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';
import type { RenderedMessage } from '@workpoints/contracts';
import type { ChannelSender, DeliveryReceipt, EmailTarget, SendOptions } from './channel-sender';
import { DeliveryError } from './delivery.error';

export interface EmailSenderOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). Otherwise STARTTLS is used when the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** The sender, e.g. `"市政府办公室督办系统" <duban@example.gov.cn>`. */
  from: string;
  /** Refuse to send unless the server upgrades the connection with STARTTLS. */
  requireTLS?: boolean;
  /** Wait for connecting, the greeting and each reply, in milliseconds. Default 15 000. */
  timeoutMs?: number;
  /** Keep connections open between messages (a queue worker sending many). */
  pool?: boolean;
}

/** Connection-level failures nodemailer reports without an SMTP reply: worth another try. */
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'EPROXY']);

/** Email over SMTP: subject = the title, a plain-text part and a simple HTML part, UTF-8. */
export class EmailSender implements ChannelSender<'email'> {
  readonly channel = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly options: EmailSenderOptions) {
    const timeout = options.timeoutMs ?? 15_000;
    this.transport = createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure ?? false,
      ...(options.auth ? { auth: options.auth } : {}),
      requireTLS: options.requireTLS ?? false,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      ...(options.pool ? { pool: true } : {}),
    });
  }

  async send(
    target: EmailTarget,
    message: RenderedMessage,
    options: SendOptions = {},
  ): Promise<DeliveryReceipt> {
    let info: { messageId: string; rejected?: unknown[] };
    try {
      info = (await this.transport.sendMail({
        from: this.options.from,
        to: target.name ? { name: target.name, address: target.address } : target.address,
        subject: message.title,
        text: message.text,
        html: emailHtml(message),
        ...(options.id ? { messageId: messageIdFor(options.id, this.options.from) } : {}),
        // The content is ours, but nothing in a notification should make the sender fetch files.
        disableFileAccess: true,
        disableUrlAccess: true,
      })) as { messageId: string; rejected?: unknown[] };
    } catch (cause) {
      throw smtpError(cause);
    }
    if (info.rejected && info.rejected.length > 0)
      throw new DeliveryError('email', 'SMTP_REJECTED', false, `邮件服务器拒收：${target.address}`);
    return { channel: 'email', messageId: info.messageId };
  }

  /** Ends pooled connections. */
  close(): void {
    this.transport.close();
  }
}

/** `<id@domain-of-from>`: the same id gives the same Message-ID on every attempt. */
export function messageIdFor(id: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'workpoints.local';
  return `<${id.replace(/[^\w.-]/g, '-')}@${domain}>`;
}

/** SMTP 4xx (and 503) and lost connections may pass later; other 5xx replies are final. */
function smtpError(cause: unknown): DeliveryError {
  const error = (cause ?? {}) as NodemailerError;
  const reply = error.response ? `：${error.response}` : '';
  if (typeof error.responseCode === 'number') {
    const permanent =
      error.responseCode >= 500 && error.responseCode < 600 && error.responseCode !== 503;
    return new DeliveryError(
      'email',
      `SMTP_${error.responseCode}`,
      !permanent,
      `邮件服务器${permanent ? '拒绝' : '暂时无法接收'}（${error.responseCode}）${reply}`,
      { cause },
    );
  }
  const code = error.code ?? 'ERROR';
  const retryable = TRANSIENT_CODES.has(code);
  return new DeliveryError(
    'email',
    `SMTP_${code}`,
    retryable,
    retryable
      ? `无法连接邮件服务器（${error.originalCode ?? code}）`
      : `邮件发送失败（${code}）：${error.message ?? ''}`,
    { cause },
  );
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The text's lines as paragraphs, with every address (the point's, a digest's items) a link. */
export function emailHtml(message: RenderedMessage): string {
  const paragraphs = message.text
    .split('\n')
    .map(
      (line) =>
        `<p style="margin:0 0 12px">${escapeHtml(line).replace(
          /https?:\/\/[\w\-.~:/?#[\]@!$&'()*+,;=%]+/g,
          (url) => `<a href="${url}">${url}</a>`,
        )}</p>`,
    );
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(message.title)}</title></head>`,
    "<body style=\"font-family:'PingFang SC','Microsoft YaHei',sans-serif;font-size:14px;line-height:1.6;color:#222\">",
    `<h3 style="margin:0 0 16px">${escapeHtml(message.title)}</h3>`,
    ...paragraphs,
    '</body></html>',
  ].join('\n');
}
