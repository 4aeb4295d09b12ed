import { type CalendarOverride, WorkCalendar, buildCalendarData } from '@workpoints/calendar';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  QueueName,
  inboxAnnouncements,
  type InboxAnnouncement,
  type NotificationPreferences,
} from '@workpoints/contracts';
import { deliveryTime, shanghaiDate } from '@workpoints/domain';
import { type E2eStack, startE2eStack } from '@workpoints/testing';
import Redis from 'ioredis';
import { Client } from 'pg';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
}
interface PlanView {
  id: string;
  points: { id: string; number: number; title: string }[];
}
interface InboxItem {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  link: string;
  readAt: string | null;
  point: { id: string; number: number; title: string } | null;
}
interface InboxPage {
  total: number;
  unreadCount: number;
  page: number;
  pageSize: number;
  items: InboxItem[];
}
interface NotificationView {
  id: string;
  point: { id: string; number: number } | null;
  kind: string;
  kindLabel: string;
  occasion: string;
  channel: string;
  channelLabel: string;
  recipient: {
    type: string;
    userId: string | null;
    departmentId: string | null;
    name: string | null;
    label: string;
  };
  urgent: boolean;
  digest: boolean;
  status: string;
  statusLabel: string;
  attempts: number;
  lastError: string | null;
  notBefore: string;
  createdAt: string;
}
interface NotificationPage {
  total: number;
  items: NotificationView[];
}
interface RobotView {
  channel: string;
  channelLabel: string;
  departmentName: string;
  webhookUrl: string;
  hasSecret: boolean;
  enabled: boolean;
}
interface Settings {
  email: string | null;
  own: Partial<NotificationPreferences> | null;
  effective: NotificationPreferences;
}
interface UrgeResult {
  repeated: boolean;
  urgent: boolean;
  notifications: NotificationView[];
}
interface SseEvent {
  event: string | null;
  id: string | null;
  data: string;
}

/** Reads server-sent events from a fetch body, one at a time; comments are kept apart. */
class SseReader {
  private buffer = '';
  readonly comments: string[] = [];
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  async next(timeoutMs = 10_000): Promise<SseEvent> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const cut = this.buffer.indexOf('\n\n');
      if (cut >= 0) {
        const block = this.buffer.slice(0, cut);
        this.buffer = this.buffer.slice(cut + 2);
        const event: SseEvent = { event: null, id: null, data: '' };
        let isEvent = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
          else if (line.startsWith('event: ')) [isEvent, event.event] = [true, line.slice(7)];
          else if (line.startsWith('id: ')) [isEvent, event.id] = [true, line.slice(4)];
          else if (line.startsWith('data: ')) {
            isEvent = true;
            event.data += (event.data ? '\n' : '') + line.slice(6);
          }
        }
        if (isEvent) return event;
        continue;
      }
      const left = end - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms; got: ${this.buffer}`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, '\n');
    }
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}

/**
 * The API side of notifications, through HTTP against real PostgreSQL, Redis and a Temporal
 * dev server: the inbox and its live stream, delivery state, dead letters and their retry,
 * departments' robots, personal preferences, the coordinator's chase (催办) and the admins'
 * queue board. Rows the jobs app would write (inbox items, dead notifications) are inserted
 * here, so these tests do not depend on delivery.
 */
describe('notifications API', () => {
  let stack: E2eStack;
  let pg: Client;
  let redis: Redis;
  let tokens: Record<string, string>;
  let dept: Record<string, string>;
  let user: Record<string, string>;
  let plan: PlanView;
  let draft: PlanView;
  const year = new Date().getFullYear() + 1;
  const origin = () => stack.api.baseUrl.replace(/\/api$/, '');

  const call = <T = unknown>(method: string, path: string, who?: string, body?: unknown) =>
    stack.api.request<T>(method, path, who ? tokens[who] : undefined, body);
  const pointId = (p: PlanView, n: number) => p.points.find((x) => x.number === n)?.id as string;

  /** A notification row as the worker or the jobs app would leave it. */
  async function insertNotification(row: {
    pointId: string;
    kind?: string;
    occasion: string;
    userId?: string;
    departmentId?: string;
    channel: string;
    status: string;
    attempts?: number;
    lastError?: string | null;
  }): Promise<string> {
    const recipientKey = row.userId ? `user:${row.userId}` : `department:${row.departmentId}`;
    const context = {
      kind: row.kind ?? 'assigned',
      pointNumber: 1,
      pointTitle: '完善专利侵权纠纷行政裁决机制',
      planTitle: '通知测试计划',
      departmentName: '专利管理处',
      dueDate: null,
      link: `http://localhost:3000/points/${row.pointId}`,
    };
    const res = await pg.query<{ id: string }>(
      `INSERT INTO notifications (point_id, kind, occasion, recipient_key, user_id, department_id,
         channel, context, not_before, status, attempts, last_error, created_at, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9::varchar, $10, $11, now(),
         CASE WHEN $9::varchar = 'sent' THEN now() END)
       RETURNING id`,
      [
        row.pointId,
        row.kind ?? 'assigned',
        row.occasion,
        recipientKey,
        row.userId ?? null,
        row.departmentId ?? null,
        row.channel,
        JSON.stringify(context),
        row.status,
        row.attempts ?? 0,
        row.lastError ?? null,
      ],
    );
    return res.rows[0]?.id as string;
  }

  /** An inbox item as the inbox processor writes it (with its sent notification). */
  async function insertInboxItem(userId: string, title: string, createdAt: Date): Promise<string> {
    const notificationId = await insertNotification({
      pointId: pointId(plan, 1),
      occasion: `inbox-${title}`,
      userId,
      channel: 'inbox',
      status: 'sent',
    });
    const res = await pg.query<{ id: string }>(
      `INSERT INTO inbox_items (notification_id, user_id, point_id, kind, title, text, link, created_at)
       VALUES ($1, $2, $3, 'assigned', $4, $5, $6, $7) RETURNING id`,
      [
        notificationId,
        userId,
        pointId(plan, 1),
        title,
        `${title}的正文`,
        `http://localhost:3000/points/${pointId(plan, 1)}`,
        createdAt,
      ],
    );
    return res.rows[0]?.id as string;
  }

  async function announce(a: InboxAnnouncement): Promise<void> {
    await redis.publish(inboxAnnouncements(stack.queuePrefix), JSON.stringify(a));
  }

  /** A one-time ticket for the inbox stream (EventSource cannot send the token). */
  async function ticket(who: string, purpose = 'inbox-stream'): Promise<string> {
    const res = await call<{ ticket: string }>('POST', '/auth/tickets', who, { purpose });
    expect(res.status).toBe(201);
    return res.body.ticket;
  }

  async function openStream(query: string): Promise<Response> {
    return fetch(`${stack.api.baseUrl}/inbox/stream${query}`, {
      headers: { accept: 'text/event-stream' },
    });
  }

  beforeAll(async () => {
    stack = await startE2eStack();
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    redis = new Redis(stack.redisUrl);
    tokens = {};
    for (const u of [
      'admin',
      'coordinator',
      'zlglc.staff',
      'zlglc.head',
      'sbppc.staff',
      'rsc.staff',
      'tfc.staff',
    ])
      tokens[u] = await stack.api.login(u, stack.password);
    const departments = await call<{ id: string; code: string }[]>('GET', '/departments', 'admin');
    dept = Object.fromEntries(departments.body.map((d) => [d.code, d.id]));
    const users = await call<{ id: string; username: string }[]>('GET', '/users', 'admin');
    user = Object.fromEntries(users.body.map((u) => [u.username, u.id]));
    if (!(await call<{ known: boolean }>('GET', `/calendar/${year}`, 'coordinator')).body.known)
      await call('POST', '/calendar/overrides', 'coordinator', { kind: 'weekends-only', year });

    const created = await call<PlanView>('POST', '/plans', 'coordinator', {
      title: '通知测试计划',
      year,
      points: [
        {
          title: '完善专利侵权纠纷行政裁决机制',
          leadDepartmentId: dept['zlglc'],
          deadline: `${year}-06-30`,
          supervisorId: user['supervisor.li'],
        },
      ],
    });
    expect(created.status).toBe(201);
    plan = created.body;
    const published = await call('POST', `/plans/${plan.id}/publish`, 'coordinator', {});
    expect(published.status).toBe(200);
    const other = await call<PlanView>('POST', '/plans', 'coordinator', {
      title: '尚未发布的计划',
      year,
      points: [
        {
          title: '开展商标专用权保护专项行动',
          leadDepartmentId: dept['sbppc'],
          deadline: `${year}-06-30`,
          supervisorId: user['supervisor.zhang'],
        },
      ],
    });
    draft = other.body;
  });

  afterAll(async () => {
    redis?.disconnect();
    await pg?.end();
    await stack?.stop();
  });

  it('lists one’s own inbox newest first, counts and marks unread; a stranger gets 404', async () => {
    const me = user['rsc.staff'] as string;
    const base = Date.now() - 60_000;
    const first = await insertInboxItem(me, '第一条', new Date(base));
    const second = await insertInboxItem(me, '第二条', new Date(base + 1_000));
    const third = await insertInboxItem(me, '第三条', new Date(base + 2_000));
    await insertInboxItem(user['sbppc.staff'] as string, '别人的消息', new Date(base));

    const all = await call<InboxPage>('GET', '/inbox', 'rsc.staff');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, unreadCount: 3, page: 1, pageSize: 20 });
    expect(all.body.items.map((i) => i.id)).toEqual([third, second, first]);
    expect(all.body.items[0]).toMatchObject({
      title: '第三条',
      kind: 'assigned',
      kindLabel: '交办',
      link: expect.stringContaining(`/points/${pointId(plan, 1)}`),
      readAt: null,
      point: { id: pointId(plan, 1), number: 1, title: '完善专利侵权纠纷行政裁决机制' },
    });
    const paged = await call<InboxPage>('GET', '/inbox?unread=true&page=2&pageSize=2', 'rsc.staff');
    expect(paged.body.items.map((i) => i.id)).toEqual([first]);
    expect((await call('GET', '/inbox/unread-count', 'rsc.staff')).body).toEqual({
      unreadCount: 3,
    });

    const stranger = await call<ErrorBody>('POST', `/inbox/${second}/read`, 'sbppc.staff');
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('NOT_FOUND');
    const read = await call<{ readAt: string; unreadCount: number }>(
      'POST',
      `/inbox/${second}/read`,
      'rsc.staff',
    );
    expect(read.status).toBe(200);
    expect(read.body.unreadCount).toBe(2);
    const again = await call<{ readAt: string }>('POST', `/inbox/${second}/read`, 'rsc.staff');
    expect(again.body.readAt).toBe(read.body.readAt);
    const unread = await call<InboxPage>('GET', '/inbox?unread=true', 'rsc.staff');
    expect(unread.body.items.map((i) => i.id)).toEqual([third, first]);

    const all2 = await call<{ marked: number; unreadCount: number }>(
      'POST',
      '/inbox/read-all',
      'rsc.staff',
    );
    expect(all2.body).toEqual({ marked: 2, unreadCount: 0 });
    expect((await call('GET', '/inbox/unread-count', 'sbppc.staff')).body).toEqual({
      unreadCount: 1,
    });

    const bad = await call<ErrorBody>('GET', '/inbox?unread=maybe&pageSize=500', 'rsc.staff');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('unread 应为 true 或 false');
    expect(bad.body.message).toContain('pageSize 应为 1 到 100 之间的整数');
    expect((await call('GET', '/inbox')).status).toBe(401);
  });

  it('pushes a new inbox item over SSE with the unread count, to its owner only', async () => {
    const me = user['rsc.staff'] as string;
    for (const query of [
      '',
      '?ticket=not-a-ticket',
      // A token in the URL is no credential any more (it would end up in logs).
      `?access_token=${tokens['rsc.staff']}`,
    ]) {
      const refused = await openStream(query);
      expect(refused.status).toBe(401);
      await refused.text();
    }
    // A ticket is for the stream only.
    const elsewhere = await fetch(
      `${stack.api.baseUrl}/inbox/unread-count?ticket=${await ticket('rsc.staff')}`,
    );
    expect(elsewhere.status).toBe(401);
    await elsewhere.text();

    const res = await openStream(`?ticket=${await ticket('rsc.staff')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const sse = new SseReader(res.body as ReadableStream<Uint8Array>);
    try {
      const hello = await sse.next();
      expect(hello.event).toBe('unread-count');
      expect(JSON.parse(hello.data)).toEqual({ unreadCount: 0 });

      // Someone else's item first: had it leaked, it would arrive before ours.
      const others = await insertInboxItem(user['sbppc.staff'] as string, '不该推送', new Date());
      await announce({ userId: user['sbppc.staff'] as string, inboxItemId: others });
      await redis.publish(inboxAnnouncements(stack.queuePrefix), 'not json');
      const mine = await insertInboxItem(me, '实时消息', new Date());
      await announce({ userId: me, inboxItemId: mine });

      const pushed = await sse.next();
      expect(pushed.event).toBeNull();
      expect(pushed.id).toBe(mine);
      expect(JSON.parse(pushed.data)).toMatchObject({
        id: mine,
        title: '实时消息',
        text: '实时消息的正文',
        link: expect.stringContaining(`/points/${pointId(plan, 1)}`),
        unreadCount: 1,
      });
      const next = await insertInboxItem(me, '又一条', new Date());
      await announce({ userId: me, inboxItemId: next });
      expect(JSON.parse((await sse.next()).data)).toMatchObject({ id: next, unreadCount: 2 });
    } finally {
      await sse.close();
    }
  });

  it('shows a point’s delivery state to whoever can see the point, and each person their own', async () => {
    const id = pointId(plan, 1);
    // The worker writes the assignment's notifications once the workflow records publication.
    let rows: NotificationView[] = [];
    for (const end = Date.now() + 30_000; Date.now() < end;) {
      rows = (await call<NotificationPage>('GET', `/points/${id}/notifications`, 'zlglc.staff'))
        .body.items;
      if (rows.some((r) => r.kind === 'assigned' && r.recipient.userId === user['zlglc.staff']))
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const assigned = rows.find(
      (r) => r.kind === 'assigned' && r.recipient.userId === user['zlglc.staff'],
    );
    expect(assigned).toMatchObject({
      kindLabel: '交办',
      channel: 'inbox',
      channelLabel: '站内消息',
      recipient: { type: 'user', name: '吴佳怡', label: '吴佳怡' },
      point: { id, number: 1 },
      statusLabel: expect.any(String),
      attempts: expect.any(Number),
    });
    const forbidden = await call<ErrorBody>('GET', `/points/${id}/notifications`, 'sbppc.staff');
    expect(forbidden.status).toBe(403);

    const mine = await call<NotificationPage>('GET', '/users/me/notifications', 'zlglc.staff');
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.items.every((r) => r.recipient.userId === user['zlglc.staff'])).toBe(true);
    const byAdmin = await call<NotificationPage>(
      'GET',
      `/users/${user['zlglc.staff']}/notifications`,
      'admin',
    );
    expect(byAdmin.body.items.map((r) => r.id).sort()).toEqual(
      mine.body.items.map((r) => r.id).sort(),
    );
    expect(
      (await call('GET', `/users/${user['zlglc.staff']}/notifications`, 'coordinator')).status,
    ).toBe(403);
  });

  it('lists dead letters for admins and sends one again, once, with an audit row', async () => {
    const id = pointId(plan, 1);
    const robot = await insertNotification({
      pointId: id,
      kind: 'overdue',
      occasion: 'dead-robot',
      departmentId: dept['zlglc'],
      channel: 'wecom',
      status: 'dead',
      attempts: 6,
      lastError: '企业微信机器人拒绝了消息：93000 invalid webhook url, key=abcdef123456',
    });
    const inbox = await insertNotification({
      pointId: id,
      kind: 'overdue',
      occasion: 'dead-inbox',
      userId: user['tfc.staff'],
      channel: 'inbox',
      status: 'dead',
      attempts: 10,
      lastError: '数据库暂不可用',
    });

    const dead = await call<NotificationPage>('GET', '/admin/notifications?status=dead', 'admin');
    expect(dead.status).toBe(200);
    expect(dead.body.items.every((r) => r.status === 'dead')).toBe(true);
    expect(dead.body.items.find((r) => r.id === robot)).toMatchObject({
      kindLabel: '逾期通知',
      statusLabel: '发送失败',
      attempts: 6,
      lastError: '企业微信机器人拒绝了消息：93000 invalid webhook url, key=***',
      point: { id, number: 1 },
      recipient: { type: 'department', name: '专利管理处', label: '专利管理处（企业微信机器人）' },
    });
    expect((await call('GET', '/admin/notifications?status=dead', 'coordinator')).status).toBe(403);
    const badStatus = await call<ErrorBody>('GET', '/admin/notifications?status=lost', 'admin');
    expect(badStatus.status).toBe(400);

    const sent = (
      await pg.query<{ id: string }>(`SELECT id FROM notifications WHERE status = 'sent' LIMIT 1`)
    ).rows[0]?.id;
    const notDead = await call<ErrorBody>('POST', `/admin/notifications/${sent}/retry`, 'admin');
    expect(notDead.status).toBe(409);
    expect(notDead.body.message).toContain('只有发送失败的通知才能重发');
    expect((await call('POST', `/admin/notifications/${inbox}/retry`, 'coordinator')).status).toBe(
      403,
    );

    const before = Date.now();
    const retried = await call<NotificationView>(
      'POST',
      `/admin/notifications/${inbox}/retry`,
      'admin',
    );
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({
      id: inbox,
      status: 'pending',
      attempts: 0,
      lastError: '数据库暂不可用',
    });
    expect(new Date(retried.body.notBefore).getTime()).toBeGreaterThanOrEqual(before - 1_000);
    const again = await call<ErrorBody>('POST', `/admin/notifications/${inbox}/retry`, 'admin');
    expect(again.status).toBe(409);
    const audit = await pg.query<{ actor_name: string; before: { lastError: string } }>(
      `SELECT actor_name, before FROM audit_events WHERE event = 'notification_retried'
        AND point_id = $1`,
      [id],
    );
    expect(audit.rows).toEqual([
      {
        actor_name: '系统管理员',
        before: expect.objectContaining({ lastError: '数据库暂不可用' }),
      },
    ]);
    const missing = await call<ErrorBody>(
      'POST',
      '/admin/notifications/00000000-0000-0000-0000-000000000000/retry',
      'admin',
    );
    expect(missing.status).toBe(404);
  });

  it('sends a retried dead letter through delivery again, its failed job cleared first', async () => {
    // An inbox notification without a person fails for good: the jobs app marks it dead and
    // BullMQ keeps its failed job under the row's job id.
    const id = await insertNotification({
      pointId: pointId(plan, 1),
      occasion: 'no-person',
      departmentId: dept['zlglc'],
      channel: 'inbox',
      status: 'pending',
    });
    const state = async () =>
      (
        await pg.query<{ status: string; attempts: number; last_error: string | null }>(
          'SELECT status, attempts, last_error FROM notifications WHERE id = $1',
          [id],
        )
      ).rows[0];
    const until = async (done: (s: Awaited<ReturnType<typeof state>>) => boolean) => {
      for (const end = Date.now() + 20_000; Date.now() < end;) {
        const s = await state();
        if (done(s)) return s;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`notification ${id} is still ${JSON.stringify(await state())}`);
    };
    const dead = await until((s) => s?.status === 'dead');
    expect(dead?.last_error).toContain('站内消息缺少接收人');

    const retried = await call<NotificationView>(
      'POST',
      `/admin/notifications/${id}/retry`,
      'admin',
    );
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    // Had the old failed job stayed, BullMQ would ignore the new one and the row would wait in
    // `queued`: it is delivered (and fails) again instead.
    const again = await until((s) => s?.status === 'dead' && s.attempts === 1);
    expect(again?.last_error).toContain('站内消息缺少接收人');
  });

  it('keeps departments’ robots for admins and coordinators, never showing a secret', async () => {
    const path = `/departments/${dept['zlglc']}/robots`;
    const created = await call<RobotView>('PUT', `${path}/dingtalk`, 'coordinator', {
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef1234567890',
      secret: 'SEC-very-secret',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      channel: 'dingtalk',
      channelLabel: '钉钉机器人',
      departmentName: '专利管理处',
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abcd****',
      hasSecret: true,
      enabled: true,
    });
    expect(created.body).not.toHaveProperty('secret');

    const disabled = await call<RobotView>('PUT', `${path}/dingtalk`, 'admin', { enabled: false });
    expect(disabled.body).toMatchObject({ enabled: false, hasSecret: true });
    const stored = await pg.query<{ webhook_url: string; secret: string }>(
      `SELECT webhook_url, secret FROM department_robots WHERE channel = 'dingtalk'`,
    );
    expect(stored.rows).toEqual([
      {
        webhook_url: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef1234567890',
        secret: 'SEC-very-secret',
      },
    ]);
    const cleared = await call<RobotView>('PUT', `${path}/dingtalk`, 'admin', { secret: null });
    expect(cleared.body.hasSecret).toBe(false);

    const wecom = await call<RobotView>('PUT', `${path}/wecom`, 'coordinator', {
      webhookUrl: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=0123456789abcdef',
    });
    expect(wecom.status).toBe(200);
    const list = await call<RobotView[]>('GET', path, 'coordinator');
    expect(list.body.map((r) => [r.channel, r.hasSecret])).toEqual([
      ['dingtalk', false],
      ['wecom', false],
    ]);
    for (const body of [list.body, created.body, disabled.body])
      expect(JSON.stringify(body)).not.toMatch(/SEC-very-secret|abcdef1234567890|0123456789abcdef/);

    const badUrl = await call<ErrorBody>('PUT', `${path}/feishu`, 'admin', {
      webhookUrl: 'ftp://open.feishu.cn/hook/x',
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.message).toContain('webhookUrl 应为 http:// 或 https:// 开头的网址');
    const noUrl = await call<ErrorBody>('PUT', `${path}/feishu`, 'admin', { secret: 'x' });
    expect(noUrl.status).toBe(400);
    expect(noUrl.body.message).toContain('须填写 Webhook 地址');
    const badChannel = await call<ErrorBody>('PUT', `${path}/slack`, 'admin', {
      webhookUrl: 'https://example.com/hook',
    });
    expect(badChannel.status).toBe(400);
    expect(badChannel.body.message).toContain(
      'channel 应为 wecom（企业微信）、dingtalk（钉钉）或 feishu（飞书）',
    );
    expect((await call('GET', path, 'zlglc.staff')).status).toBe(403);

    expect((await call('DELETE', `${path}/dingtalk`, 'admin')).status).toBe(204);
    expect((await call('GET', `${path}/dingtalk`, 'admin')).status).toBe(404);
    expect((await call('DELETE', `${path}/dingtalk`, 'admin')).status).toBe(404);
  });

  it('keeps a person’s notification preferences and email, refusing bad ones in Chinese', async () => {
    const initial = await call<Settings>('GET', '/users/me/notification-preferences', 'zlglc.head');
    expect(initial.body).toEqual({
      email: null,
      own: null,
      effective: DEFAULT_NOTIFICATION_PREFERENCES,
    });

    const bad = await call<ErrorBody>('PUT', '/users/me/notification-preferences', 'zlglc.head', {
      channels: ['inbox', 'sms'],
      kinds: { later: ['inbox'], urged: ['wecom'] },
      digestTime: '25:00',
      quietHours: { from: '08:00', to: '18:00' },
    });
    expect(bad.status).toBe(400);
    for (const text of [
      'channels 只能包含 inbox（站内消息）和 email（邮件）',
      '未知的通知类型：later',
      'urged 只能包含 inbox（站内消息）和 email（邮件）',
      'digestTime 应为 HH:MM',
      '免打扰时段应跨夜',
    ])
      expect(bad.body.message).toContain(text);

    const put = await call<Settings>('PUT', '/users/me/notification-preferences', 'zlglc.head', {
      channels: ['inbox'],
      kinds: { urged: ['inbox', 'email'] },
      digestTime: null,
      quietHours: { from: '20:00', to: '08:00' },
    });
    expect(put.status).toBe(200);
    expect(put.body.effective).toEqual({
      channels: ['inbox'],
      kinds: { urged: ['inbox', 'email'] },
      digestTime: null,
      quietHours: { from: '20:00', to: '08:00' },
    });

    const badEmail = await call<ErrorBody>('PUT', '/users/me/email', 'zlglc.head', {
      email: 'not-an-address',
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.message).toContain('email 应为有效的邮箱地址');
    const email = await call<Settings>('PUT', '/users/me/email', 'zlglc.head', {
      email: 'zhouhaitao@example.gov.cn',
    });
    expect(email.body.email).toBe('zhouhaitao@example.gov.cn');
  });

  it('writes the coordinator’s chase to the lead department’s people and robots, once', async () => {
    const id = pointId(plan, 1);
    const body = { requestId: 'urge-1', message: '请于本周五前报送最新进展。', urgent: true };
    expect((await call('POST', `/points/${id}/urge`, 'zlglc.staff', body)).status).toBe(403);
    const before = Date.now();
    const urged = await call<UrgeResult>('POST', `/points/${id}/urge`, 'coordinator', body);
    expect(urged.status).toBe(200);
    expect(urged.body.repeated).toBe(false);
    const recipients = (rows: NotificationView[]) =>
      rows.map((r) => `${r.recipient.label}/${r.channel}`).sort();
    // The head chose inbox and email for chases (and has an address); the staff member has no
    // address; the department's enabled robot is WeCom.
    expect(recipients(urged.body.notifications)).toEqual(
      ['吴佳怡/inbox', '周海涛/email', '周海涛/inbox', '专利管理处（企业微信机器人）/wecom'].sort(),
    );
    for (const row of urged.body.notifications) {
      expect(row).toMatchObject({
        kind: 'urged',
        kindLabel: '督办催办',
        occasion: 'urge-1',
        urgent: true,
      });
      expect(new Date(row.notBefore).getTime()).toBeGreaterThanOrEqual(before - 1_000);
      expect(new Date(row.notBefore).getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    }
    const context = await pg.query<{ context: Record<string, unknown> }>(
      `SELECT context FROM notifications WHERE occasion = 'urge-1' LIMIT 1`,
    );
    expect(context.rows[0]?.context).toMatchObject({
      kind: 'urged',
      pointNumber: 1,
      planTitle: '通知测试计划',
      departmentName: '专利管理处',
      dueDate: `${year}-06-30`,
      detail: '请于本周五前报送最新进展。',
    });

    const repeated = await call<UrgeResult>('POST', `/points/${id}/urge`, 'coordinator', body);
    expect(repeated.body.repeated).toBe(true);
    expect(repeated.body.notifications.map((r) => r.id).sort()).toEqual(
      urged.body.notifications.map((r) => r.id).sort(),
    );
    const counts = await pg.query<{ n: string; a: string }>(
      `SELECT (SELECT count(*) FROM notifications WHERE kind = 'urged' AND occasion = 'urge-1') AS n,
              (SELECT count(*) FROM audit_events WHERE event = 'urge' AND point_id = $1) AS a`,
      [id],
    );
    expect(counts.rows[0]).toEqual({ n: '4', a: '1' });
    const timeline = await call<{ timeline: { event: string; label: string; comment: string }[] }>(
      'GET',
      `/points/${id}`,
      'zlglc.staff',
    );
    expect(timeline.body.timeline.find((e) => e.event === 'urge')).toMatchObject({
      label: '督办员催办',
      comment: '请于本周五前报送最新进展。',
    });

    // Not urgent: email and robots wait for working hours, as the recipient's preferences say.
    const calm = await call<UrgeResult>('POST', `/points/${id}/urge`, 'coordinator', {
      requestId: 'urge-2',
      message: '请按时报送。',
    });
    expect(calm.body.urgent).toBe(false);
    const overrides = await pg.query<{ kind: string; date: string | null; year: number }>(
      `SELECT kind, to_char(date, 'YYYY-MM-DD') AS date, year FROM calendar_overrides`,
    );
    for (const row of calm.body.notifications) {
      const at = new Date(row.createdAt);
      const y = Number(shanghaiDate(at).slice(0, 4));
      const calendar = new WorkCalendar(
        buildCalendarData(
          [y, y + 1],
          overrides.rows
            .filter((o) => o.year === y || o.year === y + 1)
            .map((o): CalendarOverride =>
              o.kind === 'weekends-only'
                ? { kind: 'weekends-only', year: o.year }
                : { kind: o.kind as 'holiday' | 'workday', date: o.date as string },
            ),
        ),
      );
      const preferences: NotificationPreferences =
        row.recipient.name === '周海涛'
          ? {
              channels: ['inbox'],
              kinds: { urged: ['inbox', 'email'] },
              digestTime: null,
              quietHours: { from: '20:00', to: '08:00' },
            }
          : DEFAULT_NOTIFICATION_PREFERENCES;
      const expected = deliveryTime({
        at,
        channel: row.channel as 'inbox',
        urgent: false,
        preferences,
        calendar,
      });
      expect({ id: row.recipient.label, channel: row.channel, notBefore: row.notBefore }).toEqual({
        id: row.recipient.label,
        channel: row.channel,
        notBefore: expected.notBefore.toISOString(),
      });
      expect(row.urgent).toBe(false);
    }

    const notPublished = await call<ErrorBody>(
      'POST',
      `/points/${pointId(draft, 1)}/urge`,
      'coordinator',
      { requestId: 'urge-draft', message: '催一下' },
    );
    expect(notPublished.status).toBe(409);
    expect(notPublished.body.message).toContain('尚未发布，不能催办');
    const empty = await call<ErrorBody>('POST', `/points/${id}/urge`, 'coordinator', {
      requestId: 'urge-3',
      message: '',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('催办意见应为 1 到 2000 字');
  });

  it('serves the queue board to admins only', async () => {
    const board = `${origin()}/api/admin/queues`;
    const get = (url: string, headers: Record<string, string> = {}) =>
      fetch(url, { headers, redirect: 'manual' });

    expect((await get(board)).status).toBe(401);
    expect((await get(`${board}?ticket=nonsense`)).status).toBe(401);
    expect((await get(`${board}?access_token=${tokens['admin']}`)).status).toBe(401);
    const staff = await get(board, { authorization: `Bearer ${tokens['zlglc.staff']}` });
    expect(staff.status).toBe(403);
    expect(((await staff.json()) as ErrorBody).code).toBe('NOT_IN_REMIT');
    expect(
      (await get(`${board}?ticket=${await ticket('coordinator', 'queue-board')}`)).status,
    ).toBe(403);

    const bearer = await get(board, { authorization: `Bearer ${tokens['admin']}` });
    expect(bearer.status).toBe(200);
    expect(bearer.headers.get('content-type')).toContain('text/html');
    // The page loads its scripts and calls its API under the board's own path.
    const html = await bearer.text();
    expect(html).toContain('<base href="/api/admin/queues/" />');
    const css = /href="(static\/css\/[^"]+)"/.exec(html)?.[1] as string;

    const login = await get(`${board}?ticket=${await ticket('admin', 'queue-board')}`);
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/api/admin/queues');
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    expect(login.headers.get('set-cookie')).toMatch(/Path=\/api\/admin\/queues/);
    // The cookie is a handle on the admin's session, not the token itself.
    expect(cookie).not.toContain(tokens['admin'] as string);

    const page = await get(board, { cookie });
    expect(page.status).toBe(200);
    await page.text();
    const asset = await get(`${board}/${css}`, { cookie });
    expect(asset.status).toBe(200);
    await asset.text();
    expect((await get(`${board}/${css}`)).status).toBe(401);
    const queues = await get(`${board}/api/queues`, { cookie });
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map(
      (q) => q.name,
    );
    expect(names.sort()).toEqual(Object.values(QueueName).sort());
    const staffCookie = `wp_queue_board=${tokens['zlglc.staff']}`;
    expect((await get(`${board}/api/queues`, { cookie: staffCookie })).status).toBe(401);
  });

  it('ends open inbox streams when the API shuts down', async () => {
    const res = await openStream(`?ticket=${await ticket('rsc.staff')}`);
    const sse = new SseReader(res.body as ReadableStream<Uint8Array>);
    expect((await sse.next()).event).toBe('unread-count');
    const started = Date.now();
    await stack.apps.api.stop();
    // Without ending the stream the server would wait for the client to hang up.
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(sse.next(5_000)).rejects.toThrow('stream ended');
    await stack.apps.api.start();
  });

  it('documents the new routes in OpenAPI', async () => {
    const doc = await fetch(`${origin()}/api/docs-json`);
    const paths = Object.keys(((await doc.json()) as { paths: Record<string, unknown> }).paths);
    for (const p of [
      '/api/inbox',
      '/api/inbox/stream',
      '/api/inbox/{id}/read',
      '/api/points/{pointId}/notifications',
      '/api/points/{pointId}/urge',
      '/api/admin/notifications/{id}/retry',
      '/api/departments/{id}/robots/{channel}',
      '/api/users/me/notification-preferences',
    ])
      expect(paths).toContain(p);
  });
});
