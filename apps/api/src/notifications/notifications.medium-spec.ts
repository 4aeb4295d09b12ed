import {
  ErrorCode,
  inboxAnnouncements,
  type Actor,
  type NotificationSettingsView,
  type NotificationView,
} from '@workpoints/contracts';
import {
  AuditEventEntity,
  DepartmentRobotEntity,
  InboxItemEntity,
  NotificationEntity,
  type WorkPointEntity,
} from '@workpoints/persistence';
import { insertPlan, insertPoint, setClock, type MediumHarness } from '@workpoints/testing/medium';
import Redis from 'ioredis';
import type { ErrorBody } from '../common/domain-exception.filter';
import { MediumApi } from '../testing/medium-api';
import { InboxService } from './inbox.service';
import { NotificationsModule } from './notifications.module';
import { UrgeService } from './urge.service';

/**
 * What people see and steer of notifications, on a real database and Redis: their preferences
 * (through HTTP, where the rules of libs/domain check the body), the coordinator's chase and
 * the inbox. At Thursday 24 September 2026, 20:00 in Shanghai: quiet hours, before 中秋
 * (Friday 25th) and a weekend, so what may wait waits until Monday 28th, 09:00.
 */
describe('notifications (medium)', () => {
  let medium: MediumApi;
  let h: MediumHarness;
  let urges: UrgeService;
  let inbox: InboxService;
  let coordinator: Actor;
  let staff: Actor;
  let head: Actor;
  let working: WorkPointEntity;
  let completed: WorkPointEntity;
  let unpublished: WorkPointEntity;

  const preferences = (user: string, method: 'GET' | 'PUT', body?: unknown) =>
    medium.request<NotificationSettingsView & ErrorBody>(
      user,
      method,
      '/users/me/notification-preferences',
      body,
    );
  /** Who got what, as `name channel` sorted. */
  const addressed = (list: NotificationView[]) =>
    list.map((n) => `${n.recipient.label} ${n.channel}`).sort();

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_notify', [NotificationsModule], { http: true });
    h = medium.harness;
    urges = h.get(UrgeService);
    inbox = h.get(InboxService);
    setClock('2026-09-24 20:00');
    [coordinator, staff, head] = await Promise.all(
      ['coordinator', 'zlglc.staff', 'zlglc.head'].map((u) => h.actor(u)),
    );
    const [zlglc, bhc, li] = await Promise.all([
      h.department('zlglc'),
      h.department('bhc'),
      h.actor('supervisor.li'),
    ]);
    const plan = await insertPlan(h.ds, coordinator);
    const parties = {
      leadDepartmentId: zlglc.id,
      coDepartmentIds: [bhc.id],
      supervisorId: li.userId,
    };
    working = await insertPoint(h.ds, plan, {
      number: 1,
      ...parties,
      status: 'in_progress',
      deadline: '2026-10-30',
    });
    completed = await insertPoint(h.ds, plan, { number: 2, ...parties, status: 'completed' });
    const draft = await insertPlan(h.ds, coordinator, { status: 'draft' });
    unpublished = await insertPoint(h.ds, draft, { number: 1, ...parties });
    const robots = h.ds.getRepository(DepartmentRobotEntity);
    await robots.save([
      {
        departmentId: zlglc.id,
        channel: 'wecom',
        webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a',
      },
      // A co-department's robot: a chase is for the lead department only.
      {
        departmentId: bhc.id,
        channel: 'dingtalk',
        webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=b',
      },
    ]);
  });

  afterAll(async () => {
    jest.useRealTimers();
    await medium?.close();
  });

  describe('preferences', () => {
    it('are the defaults until changed, and replaced as a whole', async () => {
      const initial = await preferences('zlglc.staff', 'GET');
      expect(initial.body).toEqual({
        email: null,
        own: null,
        effective: {
          channels: ['inbox', 'email'],
          kinds: {},
          digestTime: null,
          quietHours: { from: '18:00', to: '09:00' },
        },
      });

      const changed = await preferences('zlglc.staff', 'PUT', {
        channels: ['inbox'],
        kinds: { urged: ['inbox', 'email'] },
        quietHours: { from: '22:00', to: '07:30' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.own).toEqual({
        channels: ['inbox'],
        kinds: { urged: ['inbox', 'email'] },
        quietHours: { from: '22:00', to: '07:30' },
      });
      expect(changed.body.effective).toMatchObject({ channels: ['inbox'], digestTime: null });

      const cleared = await preferences('zlglc.staff', 'PUT', {});
      expect(cleared.body.own).toBeNull();
      // Someone else's settings are untouched.
      expect((await preferences('zlglc.head', 'GET')).body.own).toBeNull();
    });

    it("refuses what libs/domain's rules refuse, naming the field", async () => {
      const cases: [unknown, string][] = [
        [{ channels: ['sms'] }, 'channels 只能包含 inbox（站内消息）和 email（邮件）'],
        [{ kinds: { nonsense: ['inbox'] } }, '未知的通知类型：nonsense'],
        [{ digestTime: '25:00' }, 'digestTime 应为 HH:MM（00:00–23:59），或为 null（逐条发送）'],
        [
          { quietHours: { from: '08:00', to: '20:00' } },
          '免打扰时段应跨夜：开始时间须晚于结束时间（如 18:00 至次日 09:00）',
        ],
        [{ colour: 'red' }, 'colour'],
      ];
      for (const [body, problem] of cases) {
        const res = await preferences('zlglc.staff', 'PUT', body);
        expect([res.status, res.body.code]).toEqual([400, ErrorCode.InvalidInput]);
        expect(res.body.message).toContain(problem);
      }
      expect((await preferences('zlglc.staff', 'GET')).body.own).toBeNull();
    });

    it('keeps an email address, or none', async () => {
      const set = await medium.request<NotificationSettingsView>(
        'zlglc.staff',
        'PUT',
        '/users/me/email',
        {
          email: 'wujiayi@example.gov.cn',
        },
      );
      expect(set.body.email).toBe('wujiayi@example.gov.cn');
      const bad = await medium.request<ErrorBody>('zlglc.staff', 'PUT', '/users/me/email', {
        email: '不是邮箱',
      });
      expect(bad.status).toBe(400);
      const none = await medium.request<NotificationSettingsView>(
        'zlglc.head',
        'PUT',
        '/users/me/email',
        { email: null },
      );
      expect(none.body.email).toBeNull();
    });
  });

  describe('urge', () => {
    it("tells the lead department's staff and head on their channels, and its robots; night and holidays hold what may wait", async () => {
      // The staff member has an address (set above); the head has none: inbox only.
      const result = await urges.urge(working.id, coordinator, {
        requestId: 'u-1',
        message: '请抓紧报送进展',
      });
      expect(result).toMatchObject({
        pointId: working.id,
        requestId: 'u-1',
        repeated: false,
        urgent: false,
      });
      expect(addressed(result.notifications)).toEqual([
        '专利管理处（企业微信机器人） wecom',
        '吴佳怡 email',
        '吴佳怡 inbox',
        '周海涛 inbox',
      ]);
      const monday9 = '2026-09-28T01:00:00.000Z';
      for (const n of result.notifications)
        if (n.channel === 'inbox') expect(n.notBefore < monday9).toBe(true);
        else expect(n.notBefore).toBe(monday9);
      expect(result.notifications.every((n) => n.kind === 'urged' && n.status === 'pending')).toBe(
        true,
      );
    });

    it('is one chase for one request id, with one audit row', async () => {
      const again = await urges.urge(working.id, coordinator, {
        requestId: 'u-1',
        message: '请抓紧报送进展',
      });
      expect(again.repeated).toBe(true);
      expect(again.notifications).toHaveLength(4);
      expect(await h.ds.getRepository(NotificationEntity).countBy({ occasion: 'u-1' })).toBe(4);
      const audit = await h.ds
        .getRepository(AuditEventEntity)
        .findBy({ pointId: working.id, event: 'urge' });
      expect(audit.map((a) => [a.requestId, a.comment, a.actorName])).toEqual([
        ['urge:u-1', '请抓紧报送进展', '王敏'],
      ]);
    });

    it('sends an urgent chase at once', async () => {
      const before = Date.now();
      const result = await urges.urge(working.id, coordinator, {
        requestId: 'u-2',
        message: '今日报送',
        urgent: true,
      });
      expect(result.urgent).toBe(true);
      for (const n of result.notifications)
        expect(Date.parse(n.notBefore) - before).toBeLessThan(60_000);
    });

    it('refuses a closed point and one not yet published', async () => {
      await expect(
        urges.urge(completed.id, coordinator, { requestId: 'u-3', message: '催' }),
      ).rejects.toMatchObject({
        code: ErrorCode.OutOfTurn,
        message: '第2项已办结，无需催办',
      });
      await expect(
        urges.urge(unpublished.id, coordinator, { requestId: 'u-4', message: '催' }),
      ).rejects.toMatchObject({
        code: ErrorCode.PlanState,
        message: '第1项尚未发布，不能催办',
      });
      expect(await h.ds.getRepository(NotificationEntity).countBy({ occasion: 'u-3' })).toBe(0);
    });
  });

  describe('inbox', () => {
    /** Inbox items of the chases' inbox notifications, as the jobs app delivers them. */
    beforeAll(async () => {
      const rows = await h.ds.getRepository(NotificationEntity).find({
        where: { channel: 'inbox', kind: 'urged' },
        order: { createdAt: 'ASC' },
      });
      expect(rows).toHaveLength(4);
      await h.ds.getRepository(InboxItemEntity).save(
        rows.map((n, i) => ({
          notificationId: n.id,
          userId: n.userId as string,
          pointId: n.pointId,
          kind: n.kind,
          title: `第1项催办 ${n.occasion}`,
          text: n.context.detail ?? '',
          link: n.context.link,
          createdAt: new Date(Date.parse('2026-09-24T12:00:00Z') + i * 60_000),
          readAt: null,
        })),
      );
    });

    it("lists the user's own items, newest first, with their point and the unread count", async () => {
      const page = await inbox.list(staff.userId, { page: 1, pageSize: 20 });
      expect(page).toMatchObject({ total: 2, unreadCount: 2, page: 1, pageSize: 20 });
      expect(page.items.map((i) => i.title)).toEqual(['第1项催办 u-2', '第1项催办 u-1']);
      expect(page.items[0]).toMatchObject({
        kind: 'urged',
        readAt: null,
        link: `http://localhost:3000/points/${working.id}`,
        point: { id: working.id, number: 1, title: '要点1' },
      });
    });

    it('marks one read once, refuses what is not the caller’s, and marks the rest', async () => {
      const [newest, oldest] = (await inbox.list(staff.userId, { page: 1, pageSize: 20 })).items;
      const read = await inbox.markRead(staff.userId, oldest?.id as string);
      expect(read).toMatchObject({ id: oldest?.id, unreadCount: 1 });
      const again = await inbox.markRead(staff.userId, oldest?.id as string);
      expect(again.readAt).toBe(read.readAt);
      await expect(inbox.markRead(head.userId, newest?.id as string)).rejects.toMatchObject({
        code: ErrorCode.NotFound,
        message: `消息不存在：${newest?.id}`,
      });
      const unread = await inbox.list(staff.userId, { page: 1, pageSize: 20, unread: true });
      expect(unread.items.map((i) => i.id)).toEqual([newest?.id]);

      expect(await inbox.markAllRead(staff.userId)).toEqual({ marked: 1, unreadCount: 0 });
      expect(await inbox.unreadCount(head.userId)).toBe(2);
      const count = await medium.request<{ unreadCount: number }>(
        'zlglc.head',
        'GET',
        '/inbox/unread-count',
      );
      expect(count.body).toEqual({ unreadCount: 2 });
    });
  });

  it("streams the user's new items as the jobs app announces them over Redis", async () => {
    const events: { type?: string; data: unknown }[] = [];
    const { sessionId } = await medium.session('zlglc.head');
    const stream = inbox
      .stream(head.userId, sessionId)
      .subscribe((e) => events.push(e as (typeof events)[number]));
    const redis = new Redis(h.config.redis.url);
    try {
      await waitFor(() => events.length > 0);
      expect(events[0]).toEqual({ type: 'unread-count', data: { unreadCount: 2 } });
      const [item] = (await inbox.list(head.userId, { page: 1, pageSize: 1 })).items;
      await redis.publish(
        inboxAnnouncements(h.config.queues.prefix),
        JSON.stringify({ userId: head.userId, inboxItemId: item?.id }),
      );
      await waitFor(() => events.length > 1);
      expect(events[1]?.data).toMatchObject({ id: item?.id, kind: 'urged', unreadCount: 2 });
    } finally {
      stream.unsubscribe();
      redis.disconnect();
    }
  });
});

async function waitFor(ready: () => boolean, ms = 5_000): Promise<void> {
  for (const until = performance.now() + ms; !ready();) {
    if (performance.now() > until) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
