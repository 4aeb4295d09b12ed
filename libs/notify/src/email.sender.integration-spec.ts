import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { RenderedMessage } from '@workpoints/contracts';
import { renderNotification } from '@workpoints/domain';
import { DeliveryError } from './delivery.error';
import { EmailSender } from './email.sender';

interface TestSmtp {
  port: number;
  received: { from: string; to: string[]; raw: string; mail: ParsedMail }[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives, parsed. */
async function startSmtp(handlers: Partial<SMTPServerOptions> = {}): Promise<TestSmtp> {
  const received: TestSmtp['received'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((mail) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw: raw.toString('latin1'),
              mail,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
    ...handlers,
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function rejectingRcpt(responseCode: number, text: string): Partial<SMTPServerOptions> {
  return {
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error(text), { responseCode }));
    },
  };
}

async function sendError(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

const message: RenderedMessage = renderNotification({
  kind: 'returned',
  pointNumber: 3,
  pointTitle: '推进政务服务“一网通办”',
  planTitle: '2024年市政府办公室工作要点',
  departmentName: '市政务服务数据管理局',
  dueDate: '2024-05-24',
  link: 'https://workpoints.example.gov.cn/points/42?tab=reports&from=mail',
  detail: '请补充完成率数据和佐证材料。',
});

describe('EmailSender (real SMTP server)', () => {
  const servers: TestSmtp[] = [];
  const senders: EmailSender[] = [];
  const start = async (handlers?: Partial<SMTPServerOptions>) => {
    const server = await startSmtp(handlers);
    servers.push(server);
    return server;
  };
  const sender = (port: number) => {
    const s = new EmailSender({
      host: '127.0.0.1',
      port,
      from: '"督办系统" <duban@example.gov.cn>',
      timeoutMs: 5_000,
    });
    senders.push(s);
    return s;
  };
  afterAll(async () => {
    senders.forEach((s) => s.close());
    await Promise.all(servers.map((s) => s.close()));
  });

  it('sends a UTF-8 email with the title as subject, the Chinese text and the link', async () => {
    const smtp = await start();
    const receipt = await sender(smtp.port).send(
      { channel: 'email', address: 'zhangsan@example.gov.cn', name: '张三' },
      message,
    );
    expect(receipt.channel).toBe('email');
    expect(receipt.messageId).toMatch(/^<.+@.+>$/);

    expect(smtp.received).toHaveLength(1);
    const [{ from, to, raw, mail }] = smtp.received as [TestSmtp['received'][number]];
    // Headers in RFC 2047 words, both parts declared UTF-8.
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(raw.match(/^Content-Type: text\/(plain|html); charset=utf-8/gim)).toHaveLength(2);
    expect(from).toBe('duban@example.gov.cn');
    expect(to).toEqual(['zhangsan@example.gov.cn']);
    expect(mail.subject).toBe('【退回】第3项“推进政务服务“一网通办””');
    expect(mail.from?.value).toEqual([{ address: 'duban@example.gov.cn', name: '督办系统' }]);
    expect(mail.headers.get('to')).toMatchObject({
      value: [{ address: 'zhangsan@example.gov.cn', name: '张三' }],
    });
    expect(mail.text?.trim()).toBe(message.text);
    expect(mail.text).toContain('退回意见：请补充完成率数据和佐证材料。');
    expect(mail.html).toContain('市政务服务数据管理局报送的');
    expect(mail.html).toContain(
      '<a href="https://workpoints.example.gov.cn/points/42?tab=reports&amp;from=mail">',
    );
  });

  it('gives every attempt of one notification the same Message-ID', async () => {
    const smtp = await start();
    const send = () =>
      sender(smtp.port).send({ channel: 'email', address: 'lisi@example.gov.cn' }, message, {
        id: '0b6c1f9e-5d0a-4c3e-9a57-3f1d2e4b8c71',
      });
    const first = await send();
    const second = await send();
    expect(first.messageId).toBe('<0b6c1f9e-5d0a-4c3e-9a57-3f1d2e4b8c71@example.gov.cn>');
    expect(second.messageId).toBe(first.messageId);
    expect(smtp.received.map((r) => r.mail.messageId)).toEqual([first.messageId, first.messageId]);
  });

  it('reports a 550 rejection as permanent', async () => {
    const smtp = await start(rejectingRcpt(550, 'No such user here'));
    const error = await sendError(
      sender(smtp.port).send({ channel: 'email', address: 'nobody@example.gov.cn' }, message),
    );
    expect(error).toMatchObject({ channel: 'email', code: 'SMTP_550', retryable: false });
    expect(error.message).toContain('No such user here');
    expect(smtp.received).toHaveLength(0);
  });

  it('reports a 451 answer as retryable', async () => {
    const smtp = await start(rejectingRcpt(451, 'Greylisted, try again later'));
    const error = await sendError(
      sender(smtp.port).send({ channel: 'email', address: 'lisi@example.gov.cn' }, message),
    );
    expect(error).toMatchObject({ channel: 'email', code: 'SMTP_451', retryable: true });
  });

  it('reports a refused connection as retryable', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const error = await sendError(
      sender(port).send({ channel: 'email', address: 'lisi@example.gov.cn' }, message),
    );
    expect(error.retryable).toBe(true);
    expect(error.code).toMatch(/^SMTP_E(CONNECTION|SOCKET)$/);
    expect(error.message).toContain('ECONNREFUSED');
  });
});
