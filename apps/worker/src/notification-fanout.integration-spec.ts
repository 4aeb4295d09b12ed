import {
  CalendarOverrideEntity,
  DepartmentRobotEntity,
  NotificationEntity,
  UserEntity,
} from '@workpoints/persistence';
import { TimeSkippingFixture } from './testing/time-skipping-fixture';

/**
 * The outbox rows the recording activity writes, under the time-skipping server: one per
 * person and channel they chose, one per department robot, each held by quiet hours,
 * non-working days or the daily digest as the recipient's preferences say.
 *
 * The calendar of 2062: weekends only, plus a 劳动节 of Monday 05-01 … Friday 05-05 and the
 * Saturday 05-06 worked instead.
 */
describe('notifications of a point (time-skipping)', () => {
  const fx = new TimeSkippingFixture();

  beforeAll(async () => {
    await fx.start('wp_notify');
    const overrides = fx.ds.getRepository(CalendarOverrideEntity);
    for (const year of [2062, 2063])
      await overrides.save({ kind: 'weekends-only', date: null, year });
    for (const date of ['2062-05-01', '2062-05-02', '2062-05-03', '2062-05-04', '2062-05-05'])
      await overrides.save({ kind: 'holiday', date, year: 2062 });
    await overrides.save({ kind: 'workday', date: '2062-05-06', year: 2062 });
    const users = fx.ds.getRepository(UserEntity);
    await users.update(
      { id: fx.staff.userId },
      { email: 'wu@example.org', notificationPreferences: { digestTime: '17:30' } },
    );
    await users.update({ id: fx.head.userId }, { email: 'zhou@example.org' });
    await fx.ds.getRepository(DepartmentRobotEntity).save({
      departmentId: fx.lead.id,
      channel: 'dingtalk',
      webhookUrl: 'http://127.0.0.1:9/robot/send?access_token=t',
      secret: 'SEC000',
    });
  });

  afterAll(() => fx.stop());

  it('tells everyone of a point published on a Friday night before the holiday, each when they may be told', async () => {
    const [bhc] = fx.co;
    if (!bhc) throw new Error('no co-department');
    await fx.sleepUntil('2062-04-28 21:30');
    const { pointId } = await fx.publish({ deadline: '2062-06-30', coDepartmentIds: [bhc.id] });
    await fx.sleepUntil('2062-05-08 12:00');

    const names = new Map(
      (await fx.ds.getRepository(UserEntity).find()).map((u) => [u.id, u.username]),
    );
    const local = (d: Date) =>
      new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const rows = (await fx.ds.getRepository(NotificationEntity).findBy({ pointId }))
      .map((n) => {
        const who = n.userId
          ? names.get(n.userId)
          : `robot:${n.departmentId === fx.lead.id ? 'zlglc' : '?'}`;
        const held = local(n.notBefore).slice(0, 16);
        return `${n.kind} ${n.channel} ${who} ${held}${n.digest ? ' digest' : ''}`;
      })
      .sort();
    // published 04-28 21:30 (createdAt is the workflow time, within the minute)
    const published = rows.filter((r) => r.startsWith('assigned'));
    expect(published.map((r) => r.replace(/2062-04-28 21:3\d/, '2062-04-28 21:30'))).toEqual(
      [
        'assigned inbox zlglc.staff 2062-04-28 21:30', // the inbox is never held
        'assigned inbox zlglc.head 2062-04-28 21:30',
        'assigned inbox bhc.staff 2062-04-28 21:30', // no email address: inbox only
        // 21:30 is quiet; the next working day is the Saturday 05-06 that was worked
        'assigned email zlglc.head 2062-05-06 09:00',
        'assigned dingtalk robot:zlglc 2062-05-06 09:00',
        // her digest of 04-28 17:30 has gone: the next working day's digest
        'assigned email zlglc.staff 2062-05-06 17:30 digest',
      ].sort(),
    );
    // The acknowledgement reminder on the 2nd working day, Monday 05-08 at 09:00: not quiet.
    expect(rows.filter((r) => r.startsWith('ack-reminder'))).toEqual(
      [
        'ack-reminder dingtalk robot:zlglc 2062-05-08 09:00',
        'ack-reminder email zlglc.staff 2062-05-08 17:30 digest',
        'ack-reminder inbox zlglc.staff 2062-05-08 09:00',
      ].sort(),
    );
    const stored = await fx.ds.getRepository(NotificationEntity).findBy({ pointId });
    expect(stored.every((n) => n.status === 'pending' && n.attempts === 0)).toBe(true);
    expect(stored.find((n) => n.kind === 'assigned')?.context).toMatchObject({
      pointNumber: 1,
      pointTitle: '要点1',
      departmentName: '专利管理处',
      link: `http://localhost:3000/points/${pointId}`,
    });
  });
});
