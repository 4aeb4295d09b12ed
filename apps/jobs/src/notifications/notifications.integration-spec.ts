import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@workpoints/config';
import { inboxAnnouncements, type Channel, type NotificationContext } from '@workpoints/contracts';
import { dingTalkSign } from '@workpoints/notify';
import {
  DepartmentEntity,
  DepartmentRobotEntity,
  InboxItemEntity,
  NotificationEntity,
  PlanEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
  runMigrations,
  seedDemoOrganisation,
} from '@workpoints/persistence';
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { type DataSource, In } from 'typeorm';
import { JobsModule } from '../jobs.module';

/**
 * The outbox delivered through real Redis and BullMQ: to the inbox (once each, announced for
 * live pages), by email to a real SMTP server started here, and to a DingTalk robot answered by
 * a local HTTP server that checks the signature; failures counted, dead letters retried.
 */
describe('notifications: outbox rows delivered on their channels', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let app: INestApplicationContext;
  let pointId: string;
  let staff: UserEntity;
  let department: DepartmentEntity;
  let smtp: SMTPServer;
  const mails: { to: string; subject: string; text: string }[] = [];
  /** What the SMTP server answers to RCPT TO: null accepts. */
  let refuse: { code: number; message: string } | null = null;
  let robot: Server;
  const robotCalls: { query: URLSearchParams; body: Record<string, unknown> }[] = [];
  const prefix = `wp-notify-${randomBytes(4).toString('hex')}`;
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  let subscriber: Redis;
  const announced: string[] = [];

  const context = (kind: NotificationContext['kind']): NotificationContext => ({
    kind,
    pointNumber: 7,
    pointTitle: '完善知识产权保护体系',
    planTitle: '2024年工作要点',
    departmentName: '保护处',
    dueDate: '2024-05-24',
    link: `http://localhost:3000/points/${pointId}`,
    detail: null,
  });
  const outbox = (channel: Channel, extra: Partial<NotificationEntity> = {}) => ({
    pointId,
    kind: 'report-reminder' as const,
    occasion: randomUUID(),
    recipientKey: `user:${staff.id}`,
    userId: staff.id,
    channel,
    context: context('report-reminder'),
    notBefore: new Date(),
    createdAt: new Date(),
    ...extra,
  });
  const rows = (ids: string[]) => ds.getRepository(NotificationEntity).findBy({ id: In(ids) });

  async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, callback) {
        if (!refuse) return callback();
        const error = Object.assign(new Error(refuse.message), { responseCode: refuse.code });
        return callback(error);
      },
      onData(stream, session, callback) {
        void simpleParser(stream).then((mail) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    robot = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        robotCalls.push({
          query: new URL(req.url ?? '/', 'http://x').searchParams,
          body: JSON.parse(raw) as Record<string, unknown>,
        });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
    const robotPort = (robot.address() as AddressInfo).port;

    db = await createTestDatabase('wp_notify_jobs');
    await runMigrations(db.url);
    ds = await createDataSource(db.url).initialize();
    await seedDemoOrganisation(ds, { password: 'jobs-test' });
    department = await ds.getRepository(DepartmentEntity).findOneByOrFail({ code: 'bhc' });
    staff = await ds.getRepository(UserEntity).findOneByOrFail({ username: 'bhc.staff' });
    await ds.getRepository(UserEntity).update({ id: staff.id }, { email: 'ma@example.org' });
    await ds.getRepository(DepartmentRobotEntity).save({
      departmentId: department.id,
      channel: 'dingtalk',
      webhookUrl: `http://127.0.0.1:${robotPort}/robot/send?access_token=tok`,
      secret: 'SECabc123',
    });
    const coordinator = await ds
      .getRepository(UserEntity)
      .findOneByOrFail({ username: 'coordinator' });
    const plan = await ds.getRepository(PlanEntity).save({
      title: '2024年工作要点',
      year: 2024,
      status: 'published',
      createdById: coordinator.id,
    });
    pointId = (
      await ds.getRepository(WorkPointEntity).save({
        planId: plan.id,
        number: 7,
        title: '完善知识产权保护体系',
        text: '',
        status: 'assigned',
        position: 0,
        leadDepartmentId: department.id,
      })
    ).id;

    subscriber = new Redis(redisUrl);
    await subscriber.subscribe(inboxAnnouncements(prefix));
    subscriber.on('message', (_channel, message: string) => announced.push(message));

    const config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      JWT_SECRET: 'x'.repeat(32),
      QUEUE_PREFIX: prefix,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      NOTIFY_BACKOFF_MS: '50',
    });
    app = await NestFactory.createApplicationContext(JobsModule.forRoot(config), {
      logger: ['error'],
    });
    app.enableShutdownHooks();
  });

  afterAll(async () => {
    await app?.close();
    subscriber?.disconnect();
    await ds?.destroy();
    await db?.drop();
    await new Promise<void>((r) => smtp?.close(() => r()));
    await new Promise((r) => robot?.close(r));
  });

  it('delivers each inbox notification once and announces it', async () => {
    const saved = await ds
      .getRepository(NotificationEntity)
      .save(Array.from({ length: 50 }, () => outbox('inbox')));
    const ids = saved.map((n) => n.id);
    await waitUntil(async () => (await rows(ids)).every((n) => n.status === 'sent'));
    const items = await ds.getRepository(InboxItemEntity).findBy({ notificationId: In(ids) });
    expect(items).toHaveLength(50);
    expect(items[0]).toMatchObject({
      userId: staff.id,
      pointId,
      title: expect.stringContaining('第7项'),
      link: `http://localhost:3000/points/${pointId}`,
    });
    await waitUntil(async () => announced.length >= 50, 5_000);
    const first = JSON.parse(announced[0] ?? '{}') as { userId: string; inboxItemId: string };
    expect(first.userId).toBe(staff.id);
    expect(items.map((i) => i.id)).toContain(first.inboxItemId);
  });

  it('holds a row until its time', async () => {
    const [held] = await ds
      .getRepository(NotificationEntity)
      .save([outbox('inbox', { notBefore: new Date(Date.now() + 3_600_000) })]);
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await rows([held?.id as string]))[0]?.status).toBe('pending');
  });

  it('sends email over SMTP, and a digest as one message', async () => {
    const single = await ds.getRepository(NotificationEntity).save(outbox('email'));
    const digestAt = new Date(Date.now() - 1_000);
    const digest = await ds.getRepository(NotificationEntity).save([
      outbox('email', {
        digest: true,
        notBefore: digestAt,
        kind: 'deadline-reminder',
        context: context('deadline-reminder'),
      }),
      outbox('email', {
        digest: true,
        notBefore: digestAt,
        kind: 'overdue',
        context: context('overdue'),
      }),
    ]);
    const ids = [single.id, ...digest.map((d) => d.id)];
    await waitUntil(async () => (await rows(ids)).every((n) => n.status === 'sent'));
    expect(mails).toHaveLength(2);
    const one = mails.find((m) => !m.subject.includes('每日督办提醒'));
    expect(one).toMatchObject({ to: 'ma@example.org', subject: expect.stringContaining('第7项') });
    expect(one?.text).toContain(`http://localhost:3000/points/${pointId}`);
    const daily = mails.find((m) => m.subject.includes('每日督办提醒'));
    expect(daily?.subject).toContain('2条');
    expect(daily?.text.split('\n').filter((l) => l.includes('第7项'))).toHaveLength(2);
  });

  it('signs what it posts to a DingTalk robot', async () => {
    const sent = await ds.getRepository(NotificationEntity).save(
      outbox('dingtalk', {
        userId: null,
        departmentId: department.id,
        recipientKey: `department:${department.id}`,
      }),
    );
    await waitUntil(async () => (await rows([sent.id]))[0]?.status === 'sent');
    const call = robotCalls.at(-1);
    const timestamp = Number(call?.query.get('timestamp'));
    expect(call?.query.get('access_token')).toBe('tok');
    expect(call?.query.get('sign')).toBe(dingTalkSign('SECabc123', timestamp));
    expect(call?.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: expect.any(String), text: expect.stringContaining('第7项') },
    });
  });

  it('retries a refusing mail server, gives up into the dead letters, and delivers on a manual retry', async () => {
    refuse = { code: 451, message: 'try again later' };
    const row = await ds
      .getRepository(NotificationEntity)
      .save(outbox('email', { kind: 'overdue', context: context('overdue') }));
    await waitUntil(async () => (await rows([row.id]))[0]?.status === 'dead');
    const dead = (await rows([row.id]))[0];
    expect(dead?.attempts).toBe(6);
    expect(dead?.lastError).toContain('451');

    // A permanent refusal is dead at once.
    refuse = { code: 550, message: 'no such user' };
    const bounced = await ds.getRepository(NotificationEntity).save(outbox('email'));
    await waitUntil(async () => (await rows([bounced.id]))[0]?.status === 'dead');
    expect((await rows([bounced.id]))[0]).toMatchObject({
      attempts: 1,
      lastError: expect.stringContaining('550'),
    });

    // The server accepts again; the admin's retry (what POST /api/admin/…/retry does) delivers it once.
    refuse = null;
    const before = mails.length;
    await ds
      .getRepository(NotificationEntity)
      .update({ id: row.id }, { status: 'pending', attempts: 0, notBefore: new Date() });
    await waitUntil(async () => (await rows([row.id]))[0]?.status === 'sent');
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)?.subject).toContain('逾期');
  });
});
