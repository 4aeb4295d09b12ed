import { ErrorCode, type CalendarOverrideView, type CalendarYearView } from '@workpoints/contracts';
import { AuditEventEntity } from '@workpoints/persistence';
import type { MediumHarness } from '@workpoints/testing/medium';
import type { ErrorBody } from '../common/domain-exception.filter';
import { MediumApi } from '../testing/medium-api';
import { CalendarModule } from './calendar.module';
import { CalendarService } from './calendar.service';

/** The working-day calendar: the package's years and the office's overrides, through HTTP. */
describe('calendar (medium)', () => {
  let medium: MediumApi;
  let h: MediumHarness;
  let calendars: CalendarService;

  const year = (y: number) =>
    medium.request<CalendarYearView>('zlglc.staff', 'GET', `/calendar/${y}`);
  const add = (body: unknown, user = 'coordinator') =>
    medium.request<CalendarOverrideView & ErrorBody>(user, 'POST', '/calendar/overrides', body);

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_calendar', [CalendarModule], { http: true });
    h = medium.harness;
    calendars = h.get(CalendarService);
  });

  afterAll(() => medium?.close());

  it('knows 2026 from the holiday package, not 2027', async () => {
    const known = (await year(2026)).body;
    expect(known).toMatchObject({ year: 2026, known: true, source: 'package', overrides: [] });
    // Weekdays off, and weekend days worked (调休).
    expect(known.holidays).toEqual(
      expect.arrayContaining([
        '2026-09-25',
        '2026-10-01',
        '2026-10-02',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
      ]),
    );
    expect(known.workdays).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10']));
    expect(known.holidays).not.toContain('2026-10-03');
    expect((await year(2027)).body).toMatchObject({ year: 2027, known: false, source: 'unknown' });
    expect(await calendars.unknownYears(['2026-12-31', '2027-03-31', '2027-06-30'])).toEqual([
      2027,
    ]);
  });

  it('makes a day a holiday or a working day, and the working-day counts follow', async () => {
    // Monday 28 September off; Monday 5 October (国庆) worked instead.
    const off = await add({ kind: 'holiday', date: '2026-09-28', note: '临时调整' });
    expect(off.status).toBe(201);
    expect(off.body).toMatchObject({
      kind: 'holiday',
      date: '2026-09-28',
      year: 2026,
      note: '临时调整',
    });
    await add({ kind: 'workday', date: '2026-10-05' });

    const calendar = await calendars.calendar([2026]);
    expect(calendar.isWorkday('2026-09-28')).toBe(false);
    expect(calendar.isWorkday('2026-10-05')).toBe(true);
    // From Thursday 24 September: 25 中秋, 26–27 weekend, 28 now off, 29, 30, then 5 October.
    expect(calendar.addWorkdays('2026-09-24', 3)).toBe('2026-10-05');
    const view = (await year(2026)).body;
    expect(view.source).toBe('package');
    expect(view.holidays).toContain('2026-09-28');
    expect(view.holidays).not.toContain('2026-10-05');
    expect(view.overrides.map((o) => [o.kind, o.date])).toEqual([
      ['holiday', '2026-09-28'],
      ['workday', '2026-10-05'],
    ]);
  });

  it('confirms a year as weekends only, so its deadlines can be published', async () => {
    const res = await add({ kind: 'weekends-only', year: 2027, note: '节假日安排未公布' });
    expect(res.body).toMatchObject({ kind: 'weekends-only', year: 2027, date: null });
    expect((await year(2027)).body).toMatchObject({ known: true, source: 'weekends-only' });
    expect(await calendars.unknownYears(['2027-03-31'])).toEqual([]);
    // 1 January 2027 is a Friday: a working day, for want of the holiday notice.
    expect((await calendars.calendar([2027])).isWorkday('2027-01-01')).toBe(true);
  });

  it('refuses an override that clashes or mixes date and year, and a non-coordinator', async () => {
    const cases: [unknown, string][] = [
      [{ kind: 'holiday', date: '2026-09-28' }, '2026-09-28 已有调整记录（holiday）'],
      [{ kind: 'weekends-only', year: 2027 }, '2027 已有调整记录（weekends-only）'],
      [
        { kind: 'weekends-only', year: 2028, date: '2028-01-03' },
        'weekends-only 需要 year，且不能带 date',
      ],
      [{ kind: 'holiday', year: 2028 }, 'holiday 需要 date，且不能带 year'],
    ];
    for (const [body, message] of cases) {
      const res = await add(body);
      expect([res.status, res.body.code, res.body.message]).toEqual([
        400,
        ErrorCode.InvalidInput,
        message,
      ]);
    }
    const invalid = await add({ kind: 'holiday', date: '2026-02-30' });
    expect(invalid.body.message).toMatch(/^请求参数有误 — date: /);
    const staff = await add({ kind: 'holiday', date: '2026-11-02' }, 'zlglc.staff');
    expect(staff.status).toBe(403);
  });

  it('removes an override, with an audit row for each change', async () => {
    const added = (await add({ kind: 'holiday', date: '2026-11-02', note: '临时' })).body;
    const removed = await medium.request('admin', 'DELETE', `/calendar/overrides/${added.id}`);
    expect(removed.status).toBe(204);
    expect((await calendars.calendar([2026])).isWorkday('2026-11-02')).toBe(true);
    const again = await medium.request<ErrorBody>(
      'admin',
      'DELETE',
      `/calendar/overrides/${added.id}`,
    );
    expect([again.status, again.body.message]).toEqual([404, `调整记录不存在：${added.id}`]);

    const audit = await h.ds
      .getRepository(AuditEventEntity)
      .find({ where: { event: 'calendar_changed' }, order: { id: 'ASC' } });
    expect(
      audit.map((a) => [
        a.actorName,
        a.after?.['op'],
        a.after?.['date'] ?? a.before?.['date'] ?? null,
      ]),
    ).toEqual([
      ['王敏', 'add', '2026-09-28'],
      ['王敏', 'add', '2026-10-05'],
      ['王敏', 'add', null],
      ['王敏', 'add', '2026-11-02'],
      ['系统管理员', 'remove', '2026-11-02'],
    ]);
  });
});
