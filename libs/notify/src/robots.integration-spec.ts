import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RenderedMessage } from '@workpoints/contracts';
import { renderDigest, renderNotification } from '@workpoints/domain';
import { ChannelSenders } from './channel-senders';
import { DeliveryError } from './delivery.error';
import { DingTalkRobot } from './dingtalk.robot';
import { FeishuRobot } from './feishu.robot';
import { WeComRobot } from './wecom.robot';

interface Hit {
  method: string;
  /** The raw request target, query string as sent. */
  rawUrl: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

type Answer = { status?: number; body: unknown } | 'hang';

interface TestRobot {
  /** A webhook address on this server, with the robot's own query (access token, key). */
  url(pathAndQuery: string): string;
  hits: Hit[];
  answer: (hit: Hit) => Answer;
  close(): Promise<void>;
}

/** A local webhook on 127.0.0.1 that records each request and answers as told. */
async function startRobot(answer: (hit: Hit) => Answer): Promise<TestRobot> {
  const robot: TestRobot = {
    url: () => '',
    hits: [],
    answer,
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const hit: Hit = {
        method: req.method ?? '',
        rawUrl: req.url ?? '',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      };
      robot.hits.push(hit);
      const reply = robot.answer(hit);
      if (reply === 'hang') return;
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(text);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  robot.url = (pathAndQuery) => `http://127.0.0.1:${port}${pathAndQuery}`;
  robot.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return robot;
}

/** HMAC-SHA256 → base64 by WebCrypto: a second implementation to check node:crypto's against. */
async function hmacBase64(key: string, data: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(data));
  return Buffer.from(mac).toString('base64');
}

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

const LINK = 'https://workpoints.example.gov.cn/points/42';
const message: RenderedMessage = renderNotification({
  kind: 'deadline-reminder',
  pointNumber: 3,
  pointTitle: '推进政务服务“一网通办”',
  planTitle: '2024年市政府办公室工作要点',
  departmentName: '市政务服务数据管理局',
  dueDate: '2024-05-24',
  link: LINK,
  detail: '请于到期前报送办结材料。',
});

const ok = { errcode: 0, errmsg: 'ok' };
const feishuOk = { code: 0, msg: 'success', data: {} };

describe('robot webhooks (local HTTP server)', () => {
  const robots: TestRobot[] = [];
  const start = async (answer: (hit: Hit) => Answer) => {
    const robot = await startRobot(answer);
    robots.push(robot);
    return robot;
  };
  afterAll(async () => {
    await Promise.all(robots.map((r) => r.close()));
  });

  describe('WeCom group robot', () => {
    it('posts the markdown message to the webhook with its key', async () => {
      const robot = await start(() => ({ body: ok }));
      const receipt = await new WeComRobot().send(
        { channel: 'wecom', webhookUrl: robot.url('/cgi-bin/webhook/send?key=abc-123') },
        message,
      );
      expect(receipt).toEqual({ channel: 'wecom' });
      const [hit] = robot.hits as [Hit];
      expect(hit.method).toBe('POST');
      expect(hit.url.pathname).toBe('/cgi-bin/webhook/send');
      expect(hit.url.searchParams.get('key')).toBe('abc-123');
      expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(hit.body).toEqual({ msgtype: 'markdown', markdown: { content: message.markdown } });
      const content = (hit.body['markdown'] as { content: string }).content;
      expect(content).toContain('### 【到期提醒】第3项“推进政务服务“一网通办””');
      expect(content).toContain('市政务服务数据管理局');
      expect(content).toContain(`[查看详情](${LINK})`);
    });

    it('cuts a digest to 4096 bytes and keeps a link', async () => {
      const robot = await start(() => ({ body: ok }));
      const items = Array.from({ length: 60 }, (_, i) =>
        renderNotification({
          kind: 'report-reminder',
          pointNumber: i + 1,
          pointTitle: `第${i + 1}项工作要点的标题，写得比较长以便超出长度限制`,
          planTitle: '2024年工作要点',
          departmentName: '市发展改革委',
          dueDate: '2024-05-25',
          link: `${LINK}${i}`,
        }),
      );
      const digest = renderDigest(items, '2024-05-22', '张三');
      expect(Buffer.byteLength(digest.markdown)).toBeGreaterThan(4096);
      await new WeComRobot().send(
        { channel: 'wecom', webhookUrl: robot.url('/send?key=k') },
        digest,
      );
      const content = ((robot.hits[0] as Hit).body['markdown'] as { content: string }).content;
      expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
      expect(content.startsWith('### 《每日督办提醒》2024年5月22日')).toBe(true);
      expect(content.endsWith(`……\n\n[查看详情](${digest.link})`)).toBe(true);
    });

    it.each([
      [45009, 'api freq out of limit', true],
      [-1, 'system busy', true],
      [93000, 'invalid webhook url', false],
      [40008, 'invalid message type', false],
    ])('treats errcode %d (%s) as retryable=%s', async (errcode, errmsg, retryable) => {
      const robot = await start(() => ({ body: { errcode, errmsg } }));
      const error = await failure(
        new WeComRobot().send({ channel: 'wecom', webhookUrl: robot.url('/send?key=k') }, message),
      );
      expect(error).toMatchObject({ channel: 'wecom', code: `WECOM_${errcode}`, retryable });
      expect(error.message).toContain(errmsg);
    });
  });

  describe('DingTalk custom robot', () => {
    const secret = 'SECb6f1e0a9c2d84e5f7a3b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f';

    it('signs the request (timestamp in ms, sign url-encoded) and posts markdown', async () => {
      const robot = await start(() => ({ body: ok }));
      const before = Date.now();
      await new DingTalkRobot().send(
        {
          channel: 'dingtalk',
          webhookUrl: robot.url('/robot/send?access_token=tok123'),
          secret,
        },
        message,
      );
      const after = Date.now();
      const [hit] = robot.hits as [Hit];
      expect(hit.url.pathname).toBe('/robot/send');
      expect(hit.url.searchParams.get('access_token')).toBe('tok123');
      const timestamp = hit.url.searchParams.get('timestamp') ?? '';
      expect(timestamp).toMatch(/^\d{13}$/);
      expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
      expect(Number(timestamp)).toBeLessThanOrEqual(after);

      const expected = await hmacBase64(secret, `${timestamp}\n${secret}`);
      expect(hit.url.searchParams.get('sign')).toBe(expected);
      // On the wire the base64 is URL-encoded: no raw + / = in the query.
      const rawSign = /[?&]sign=([^&]*)/.exec(hit.rawUrl)?.[1] ?? '';
      expect(rawSign).toBe(encodeURIComponent(expected));
      expect(rawSign).not.toMatch(/[+/=]/);

      expect(hit.body).toEqual({
        msgtype: 'markdown',
        markdown: { title: message.title, text: message.markdown },
      });
    });

    it('sends no signature without a secret', async () => {
      const robot = await start(() => ({ body: ok }));
      await new DingTalkRobot().send(
        { channel: 'dingtalk', webhookUrl: robot.url('/robot/send?access_token=t'), secret: null },
        message,
      );
      const [hit] = robot.hits as [Hit];
      expect([...hit.url.searchParams.keys()]).toEqual(['access_token']);
    });

    it.each([
      [310000, 'sign not match', false],
      [300001, 'token is not exist', false],
      [130101, 'send too fast, exceed 20 times per minute', true],
    ])('treats errcode %d (%s) as retryable=%s', async (errcode, errmsg, retryable) => {
      const robot = await start(() => ({ body: { errcode, errmsg } }));
      const error = await failure(
        new DingTalkRobot().send(
          { channel: 'dingtalk', webhookUrl: robot.url('/robot/send?access_token=t'), secret },
          message,
        ),
      );
      expect(error).toMatchObject({ channel: 'dingtalk', code: `DINGTALK_${errcode}`, retryable });
    });
  });

  describe('Feishu custom bot', () => {
    const secret = 'qJc2hV5kXz8mN3pR7tW1yB';

    it('signs the body (timestamp in seconds) and posts a rich-text post with the link', async () => {
      const robot = await start(() => ({ body: feishuOk }));
      const before = Math.floor(Date.now() / 1000);
      await new FeishuRobot().send(
        { channel: 'feishu', webhookUrl: robot.url('/open-apis/bot/v2/hook/uuid-1'), secret },
        message,
      );
      const after = Math.floor(Date.now() / 1000);
      const [hit] = robot.hits as [Hit];
      expect(hit.url.pathname).toBe('/open-apis/bot/v2/hook/uuid-1');
      const { timestamp, sign, ...rest } = hit.body as { timestamp: unknown; sign: unknown };
      expect(typeof timestamp).toBe('string');
      expect(timestamp).toMatch(/^\d{10}$/);
      expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
      expect(Number(timestamp)).toBeLessThanOrEqual(after);
      expect(sign).toBe(await hmacBase64(`${String(timestamp)}\n${secret}`, ''));

      expect(rest).toEqual({
        msg_type: 'post',
        content: {
          post: {
            zh_cn: {
              title: '【到期提醒】第3项“推进政务服务“一网通办””',
              content: [
                [{ tag: 'text', text: message.text.split('\n')[0] }],
                [{ tag: 'text', text: '说明：请于到期前报送办结材料。' }],
                [{ tag: 'a', text: '查看详情', href: LINK }],
              ],
            },
          },
        },
      });
    });

    it('links every item of a digest and sends no signature without a secret', async () => {
      const robot = await start(() => ({ body: feishuOk }));
      const digest = renderDigest([message], '2024-05-22', '张三');
      await new FeishuRobot().send(
        { channel: 'feishu', webhookUrl: robot.url('/open-apis/bot/v2/hook/uuid-2') },
        digest,
      );
      const [hit] = robot.hits as [Hit];
      expect(hit.body).not.toHaveProperty('sign');
      expect(hit.body).not.toHaveProperty('timestamp');
      const post = (hit.body['content'] as { post: { zh_cn: { content: unknown[][] } } }).post;
      expect(post.zh_cn.content[1]).toEqual([
        { tag: 'text', text: `1. ${message.title} ` },
        { tag: 'a', text: LINK, href: LINK },
      ]);
      expect(post.zh_cn.content.at(-1)).toEqual([
        { tag: 'a', text: '查看全部', href: 'https://workpoints.example.gov.cn/' },
      ]);
    });

    it.each([
      [{ code: 19021, msg: 'sign match fail or timestamp is not within one hour' }, false],
      [{ code: 19024, msg: 'Key Words Not Found' }, false],
      [{ code: 9499, msg: 'Bad Request', data: {} }, false],
      [{ code: 9499, msg: 'Too Many Request', data: {} }, true],
      [{ code: 11232, msg: 'frequency limited' }, true],
      [{ StatusCode: 19021, StatusMessage: 'sign match fail' }, false],
    ])('treats %j as retryable=%s', async (body, retryable) => {
      const robot = await start(() => ({ body }));
      const error = await failure(
        new FeishuRobot().send(
          { channel: 'feishu', webhookUrl: robot.url('/open-apis/bot/v2/hook/x'), secret },
          message,
        ),
      );
      const code = 'code' in body ? body.code : body.StatusCode;
      expect(error).toMatchObject({ channel: 'feishu', code: `FEISHU_${code}`, retryable });
    });
  });

  describe('transport failures', () => {
    it.each([
      [503, { errcode: -1, errmsg: 'system busy' }, 'HTTP_503', true],
      [502, '<html>Bad Gateway</html>', 'HTTP_502', true],
      [429, { code: 9499, msg: 'Too Many Request' }, 'HTTP_429', true],
      [404, '<html>Not Found</html>', 'HTTP_404', false],
      [400, { errcode: 300001, errmsg: 'token is not exist' }, 'DINGTALK_300001', false],
      [200, '<html>login</html>', 'BAD_RESPONSE', false],
    ])('HTTP %d answering %j is %s, retryable=%s', async (status, body, code, retryable) => {
      const robot = await start(() => ({ status, body }));
      const error = await failure(
        new DingTalkRobot().send(
          { channel: 'dingtalk', webhookUrl: robot.url('/robot/send?access_token=t') },
          message,
        ),
      );
      expect(error).toMatchObject({ code, retryable });
      expect(error.message).not.toContain('access_token');
    });

    it('gives up on a robot that never answers with a retryable timeout', async () => {
      const robot = await start(() => 'hang');
      const started = Date.now();
      const error = await failure(
        new FeishuRobot({ timeoutMs: 300 }).send(
          { channel: 'feishu', webhookUrl: robot.url('/open-apis/bot/v2/hook/slow') },
          message,
        ),
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error).toMatchObject({ channel: 'feishu', code: 'TIMEOUT', retryable: true });
      expect(robot.hits).toHaveLength(1);
    });

    it('reports a refused connection as a retryable network error', async () => {
      const robot = await start(() => ({ body: ok }));
      const url = robot.url('/send?key=k');
      await robot.close();
      const error = await failure(
        new WeComRobot().send({ channel: 'wecom', webhookUrl: url }, message),
      );
      expect(error).toMatchObject({ channel: 'wecom', code: 'NETWORK', retryable: true });
      expect(error.message).toContain('ECONNREFUSED');
    });

    it('refuses a webhook address that is not http(s) for good', async () => {
      const error = await failure(
        new WeComRobot().send({ channel: 'wecom', webhookUrl: 'ftp://example.com/x' }, message),
      );
      expect(error).toMatchObject({ code: 'BAD_WEBHOOK_URL', retryable: false });
      const malformed = await failure(
        new WeComRobot().send({ channel: 'wecom', webhookUrl: 'not a url' }, message),
      );
      expect(malformed).toMatchObject({ code: 'BAD_WEBHOOK_URL', retryable: false });
    });
  });

  describe('ChannelSenders', () => {
    it('dispatches by target.channel', async () => {
      const robot = await start((hit) =>
        hit.url.pathname.startsWith('/open-apis') ? { body: feishuOk } : { body: ok },
      );
      const senders = ChannelSenders.create({ robots: { timeoutMs: 2_000 } });
      await senders.send(
        { channel: 'wecom', webhookUrl: robot.url('/cgi-bin/webhook/send?key=k') },
        message,
      );
      await senders.send(
        {
          channel: 'dingtalk',
          webhookUrl: robot.url('/robot/send?access_token=t'),
          secret: 'SEC1',
        },
        message,
      );
      await senders.send(
        { channel: 'feishu', webhookUrl: robot.url('/open-apis/bot/v2/hook/h'), secret: 's' },
        message,
      );
      expect(robot.hits.map((h) => Object.keys(h.body).sort().join(','))).toEqual([
        'markdown,msgtype',
        'markdown,msgtype',
        'content,msg_type,sign,timestamp',
      ]);
      expect(senders.senderFor('dingtalk')).toBeInstanceOf(DingTalkRobot);
    });

    it('refuses email without SMTP settings and the inbox, for good', async () => {
      const senders = new ChannelSenders();
      const email = await failure(
        senders.send({ channel: 'email', address: 'a@example.gov.cn' }, message),
      );
      expect(email).toMatchObject({ code: 'EMAIL_NOT_CONFIGURED', retryable: false });
      const inbox = await failure(
        senders.send(
          { channel: 'inbox' } as unknown as Parameters<ChannelSenders['send']>[0],
          message,
        ),
      );
      expect(inbox).toMatchObject({ code: 'UNSUPPORTED_CHANNEL', retryable: false });
    });
  });
});
