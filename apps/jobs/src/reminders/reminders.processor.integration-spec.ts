import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@workpoints/config';
import {
  DepartmentEntity,
  PlanEntity,
  ReminderEntity,
  UserEntity,
  WorkPointEntity,
  createDataSource,
  runMigrations,
  seedDemoOrganisation,
} from '@workpoints/persistence';
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { randomBytes } from 'node:crypto';
import { type DataSource, IsNull } from 'typeorm';
import { JobsModule } from '../jobs.module';
import { RemindersProcessor } from './reminders.processor';

/** Reminder rows reach the inbox through real Redis and BullMQ, each exactly once. */
describe('reminders: outbox rows delivered through BullMQ', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let app: INestApplicationContext;
  let pointId: string;
  let departmentId: string;

  beforeAll(async () => {
    db = await createTestDatabase('wp_jobs');
    await runMigrations(db.url);
    ds = await createDataSource(db.url).initialize();
    await seedDemoOrganisation(ds, { password: 'jobs-test' });
    departmentId = (await ds.getRepository(DepartmentEntity).findOneByOrFail({ code: 'bhc' })).id;
    const coordinator = await ds
      .getRepository(UserEntity)
      .findOneByOrFail({ username: 'coordinator' });
    const plan = await ds
      .getRepository(PlanEntity)
      .save({ title: '计划', year: 2026, status: 'published', createdById: coordinator.id });
    pointId = (
      await ds.getRepository(WorkPointEntity).save({
        planId: plan.id,
        number: 1,
        title: '要点',
        text: '',
        status: 'assigned',
        position: 0,
      })
    ).id;
    const config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      JWT_SECRET: 'x'.repeat(32),
      QUEUE_PREFIX: `wp-jobs-${randomBytes(4).toString('hex')}`,
    });
    app = await NestFactory.createApplicationContext(JobsModule.forRoot(config), {
      logger: ['error'],
    });
    app.enableShutdownHooks();
  });

  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await db?.drop();
  });

  async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('delivers every undelivered reminder row once', async () => {
    const rows = await ds.getRepository(ReminderEntity).save(
      ['2026-03-31', '2026-06-30', '2026-09-30'].map((dueDate) => ({
        pointId,
        kind: 'overdue',
        dueDate,
        noticeDate: dueDate,
        recipient: 'lead',
        recipientKey: `lead:${departmentId}`,
        departmentId,
        createdAt: new Date(),
      })),
    );
    await waitUntil(
      async () => (await ds.getRepository(ReminderEntity).countBy({ deliveredAt: IsNull() })) === 0,
    );
    const delivered = await ds.getRepository(ReminderEntity).findBy({ pointId });
    expect(delivered.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(delivered.every((r) => r.deliveredAt instanceof Date)).toBe(true);
  });

  it('does not deliver a row twice', async () => {
    const [row] = await ds.getRepository(ReminderEntity).findBy({ pointId });
    const processor = app.get(RemindersProcessor);
    const before = row?.deliveredAt?.getTime();
    expect(await processor.deliver({ reminderId: row?.id as string })).toBe(0);
    const after = await ds.getRepository(ReminderEntity).findOneByOrFail({ id: row?.id as string });
    expect(after.deliveredAt?.getTime()).toBe(before);
    expect(await processor.sweep()).toBe(0);
  });
});
