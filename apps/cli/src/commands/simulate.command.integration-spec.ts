import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateCommand } from './simulate.command';

/**
 * `workpoints simulate` end to end in-process: the real workflows on the time-skipping test
 * server, compared with dates worked out by hand on the 2024 calendar of the State Council:
 *
 * - 春节 02-10 … 02-17 off; Sunday 02-04 and Sunday 02-18 are working days.
 * - 清明 04-04 … 04-06 off; Sunday 04-07 is a working day.
 * - 劳动节 05-01 … 05-05 off; Sunday 04-28 and Saturday 05-11 are working days.
 *
 * Default policy: acknowledgement due 2 working days after publication; reports due on the
 * 25th (moved to the working day before), reminded 2 working days before, missed the next
 * working day; deadline (moved to the working day before) reminded 5, 2 and 1 working days
 * before; overdue the next working day, the supervisor 3 working days later, the coordinator
 * every 5 working days after that. Every notice at 09:00 Beijing time, 01:00 UTC.
 */
describe('workpoints simulate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wp-simulate-'));
  let out: string[];
  let err: string[];

  beforeEach(() => {
    out = [];
    err = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    jest.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  });
  afterEach(() => jest.restoreAllMocks());

  const planFile = (name: string, plan: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(plan));
    return file;
  };
  const nine = (date: string) => `${date}T01:00:00.000Z`;
  const ten = (date: string) => `${date}T02:00:00.000Z`;
  const ev = (at: string, pointNo: string, kind: string, recipients: string[]) => ({
    at,
    pointNo,
    kind,
    recipients,
  });
  const simulate = async (args: string[]) => {
    const code = await simulateCommand(args);
    return { code, json: code === 0 ? JSON.parse(out.join('\n')) : null };
  };

  it('runs the Spring Festival with nobody acting', async () => {
    const file = planFile('spring.json', {
      title: '测试计划',
      year: 2024,
      points: [
        {
          no: '1',
          title: '春节前办结',
          leadUnits: ['综合处'],
          coUnits: ['法规处'],
          supervisor: '李副局长',
          deadline: { text: '春节前', date: '2024-02-15' },
        },
        {
          no: '2',
          title: '二月底前办结',
          leadUnits: ['保护处'],
          deadline: { text: '2月底前', date: '2024-02-29' },
        },
        { no: '3', title: '没有牵头单位和时限' },
      ],
    });
    const { code, json } = await simulate([
      '--plan',
      file,
      '--from',
      '2024-01-29',
      '--to',
      '2024-02-29',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(json.events).toEqual([
      // Published Monday 01-29: acknowledgement due two working days later, Wednesday 01-31.
      ev(nine('2024-01-31'), '1', 'ack-reminder', ['综合处']),
      ev(nine('2024-01-31'), '2', 'ack-reminder', ['保护处']),
      ev(nine('2024-01-31'), '3', 'ack-reminder', ['第3项牵头单位']),
      // Point 1: deadline 02-15 is a holiday → Friday 02-09 (a working day). Five working days
      // before: 02-08, 02-07, 02-06, 02-05, Sunday 02-04 (worked) → 02-04; two → 02-07; one → 02-08.
      ev(nine('2024-02-04'), '1', 'deadline-reminder', ['综合处', '法规处']),
      ev(nine('2024-02-07'), '1', 'deadline-reminder', ['综合处', '法规处']),
      ev(nine('2024-02-08'), '1', 'deadline-reminder', ['综合处', '法规处']),
      // The next working day after 02-09 is Sunday 02-18 (02-10 … 02-17 off): overdue.
      ev(nine('2024-02-18'), '1', 'overdue', ['综合处', '综合处负责人']),
      // Three working days later (02-19, 02-20, 02-21): the point's own supervisor.
      ev(nine('2024-02-21'), '1', 'escalation', ['李副局长']),
      // Points 2 and 3: the report due 02-25 (Sunday) moves to Friday 02-23; reminded two
      // working days before (02-22, 02-21) → 02-21. Point 2 has no co-department.
      ev(nine('2024-02-21'), '2', 'report-reminder', ['保护处']),
      ev(nine('2024-02-21'), '3', 'report-reminder', ['第3项牵头单位']),
      // Point 2: deadline Thursday 02-29; five working days before: 02-28, 02-27, 02-26,
      // 02-23, 02-22 → 02-22.
      ev(nine('2024-02-22'), '2', 'deadline-reminder', ['保护处']),
      // Report of 02-23 missed: the next working day, Monday 02-26.
      ev(nine('2024-02-26'), '2', 'report-missed', ['保护处', '保护处负责人']),
      ev(nine('2024-02-26'), '3', 'report-missed', ['第3项牵头单位', '第3项牵头单位负责人']),
      ev(nine('2024-02-27'), '2', 'deadline-reminder', ['保护处']),
      // Point 1: five working days after 02-21 (02-22, 02-23, 02-26, 02-27, 02-28): the coordinator.
      ev(nine('2024-02-28'), '1', 'escalation', ['督办员']),
      ev(nine('2024-02-28'), '2', 'deadline-reminder', ['保护处']),
      // Point 2 turns overdue on 03-01, after --to. Point 3's deadline defaults to 2024-12-31.
    ]);
    expect(err.join('\n')).toMatch(/第3项.*2024-12-31/);
    expect(err.join('\n')).toContain('1 项没有牵头单位（第3项）');
  });

  it('runs 清明 and 劳动节 with nobody acting', async () => {
    const file = planFile('spring-and-may.json', {
      year: 2024,
      points: [
        {
          no: '7',
          title: '清明前办结',
          leadUnits: ['规划处'],
          deadline: { text: '4月5日前', date: '2024-04-05' },
        },
        {
          no: '12',
          title: '五一后办结',
          leadUnits: ['运用处'],
          coUnits: ['公共服务处', '综合处'],
          deadline: { text: '5月8日前', date: '2024-05-08' },
        },
      ],
    });
    const { code, json } = await simulate([
      '--plan',
      file,
      '--from',
      '2024-03-25',
      '--to',
      '2024-05-13',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(json.events).toEqual([
      // Published Monday 03-25 (that day's report due date is not after publication: none).
      ev(nine('2024-03-27'), '7', 'ack-reminder', ['规划处']),
      // Point 7: deadline 04-05 is a holiday → Wednesday 04-03; five working days before:
      // 04-02, 04-01, 03-29, 03-28, 03-27.
      ev(nine('2024-03-27'), '7', 'deadline-reminder', ['规划处']),
      ev(nine('2024-03-27'), '12', 'ack-reminder', ['运用处']),
      ev(nine('2024-04-01'), '7', 'deadline-reminder', ['规划处']),
      ev(nine('2024-04-02'), '7', 'deadline-reminder', ['规划处']),
      // Next working day after 04-03: 04-04 … 04-06 off, Sunday 04-07 worked.
      ev(nine('2024-04-07'), '7', 'overdue', ['规划处', '规划处负责人']),
      // 04-08, 04-09, 04-10: the supervisor (no name in the file).
      ev(nine('2024-04-10'), '7', 'escalation', ['分管领导']),
      // Then every five working days: 04-17, 04-24.
      ev(nine('2024-04-17'), '7', 'escalation', ['督办员']),
      // Point 12: report due Thursday 04-25, reminded 04-23, missed Friday 04-26.
      ev(nine('2024-04-23'), '12', 'report-reminder', ['运用处', '公共服务处', '综合处']),
      ev(nine('2024-04-24'), '7', 'escalation', ['督办员']),
      ev(nine('2024-04-26'), '12', 'report-missed', ['运用处', '运用处负责人']),
      // Point 12: deadline Wednesday 05-08; working days before: 05-07, 05-06 (05-01 … 05-05
      // off), 04-30, 04-29, Sunday 04-28 (worked) → 04-28, 05-06, 05-07.
      ev(nine('2024-04-28'), '12', 'deadline-reminder', ['运用处', '公共服务处', '综合处']),
      // Point 7: 04-25, 04-26, Sunday 04-28, 04-29, 04-30.
      ev(nine('2024-04-30'), '7', 'escalation', ['督办员']),
      ev(nine('2024-05-06'), '12', 'deadline-reminder', ['运用处', '公共服务处', '综合处']),
      ev(nine('2024-05-07'), '12', 'deadline-reminder', ['运用处', '公共服务处', '综合处']),
      ev(nine('2024-05-09'), '12', 'overdue', ['运用处', '运用处负责人']),
      // Point 7: 05-06, 05-07, 05-08, 05-09, 05-10.
      ev(nine('2024-05-10'), '7', 'escalation', ['督办员']),
      // Point 12: 05-10, Saturday 05-11 (worked), Monday 05-13 (05-14 without the 调休).
      ev(nine('2024-05-13'), '12', 'escalation', ['分管领导']),
    ]);
  });

  it('runs scripted actions as the workflow’s Updates', async () => {
    const file = planFile('actions.json', {
      year: 2024,
      supervisor: '张副局长',
      points: [
        {
          no: '1',
          title: '有人办理',
          leadUnits: ['综合处'],
          deadline: { text: '3月底前', date: '2024-03-29' },
          actions: [
            { on: '2024-01-30', do: 'acknowledge' },
            { on: '2024-02-23', do: 'report', text: '已完成一半', percent: 50 },
            {
              on: '2024-03-04',
              do: 'request-extension',
              deadline: '2024-04-30',
              comment: '需协调',
            },
            { on: '2024-03-05', do: 'decide-extension', approve: true },
            { on: '2024-03-19', do: 'submit', text: '已办结' },
            { on: '2024-03-20', do: 'return', comment: '请补充材料' },
            { on: '2024-03-21', at: '2024-03-21T08:30:00+08:00', do: 'submit', text: '已补充' },
            { on: '2024-03-25', do: 'approve' },
            { on: '2024-03-26', do: 'approve', comment: '同意办结' },
          ],
        },
      ],
    });
    const { code, json } = await simulate([
      '--plan',
      file,
      '--from',
      '2024-01-29',
      '--to',
      '2024-03-31',
      '--json',
    ]);
    expect(code).toBe(0);
    // Recipients are who the worker tells (libs/domain recipients.ts): nobody of the
    // department's own steps; the supervisor of a request; the lead (and its head) of a decision,
    // a return and the approvals, the supervisor of the head's, the coordinator of the last.
    expect(json.events).toEqual([
      // Acknowledged on 01-30 at 10:00 (the default time): no acknowledgement reminder.
      ev(ten('2024-01-30'), '1', 'acknowledged', []),
      // Nobody reported since publication: reminded on 02-21 for the report due 02-23.
      ev(nine('2024-02-21'), '1', 'report-reminder', ['综合处']),
      // Reported on the due day: no missed-report flag on 02-26.
      ev(ten('2024-02-23'), '1', 'reported', []),
      ev(ten('2024-03-04'), '1', 'extension-requested', ['张副局长']),
      // The deadline moves to 04-30: no deadline reminders in March (they were due from 03-22).
      ev(ten('2024-03-05'), '1', 'extension-approved', ['综合处', '综合处负责人']),
      ev(ten('2024-03-19'), '1', 'submitted', []),
      // "return" without "by" is the lead head's (whose turn it is).
      ev(ten('2024-03-20'), '1', 'returned', ['综合处']),
      // Submitted again before 09:00 on 03-21: the reminder for the report due Monday 03-25
      // no longer applies, nor the missed-report flag of 03-26.
      ev('2024-03-21T00:30:00.000Z', '1', 'submitted', []),
      // The first approval is the head's, the second the supervisor's (completed).
      ev(ten('2024-03-25'), '1', 'approved', ['综合处', '张副局长']),
      ev(ten('2024-03-26'), '1', 'approved', ['综合处', '综合处负责人', '督办员']),
    ]);
  });

  it('stops with the workflow’s reason when an action is out of turn', async () => {
    const file = planFile('out-of-turn.json', {
      year: 2024,
      points: [
        {
          no: '5',
          leadUnits: ['综合处'],
          deadline: { date: '2024-03-29' },
          actions: [{ on: '2024-02-01', do: 'submit' }],
        },
      ],
    });
    const code = await simulateCommand([
      '--plan',
      file,
      '--from',
      '2024-01-29',
      '--to',
      '2024-03-31',
      '--json',
    ]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain(
      '第5项 2024-02-01 的操作 submit（lead）被工作流拒绝：请先签收再申请办结',
    );
    expect(err.join('\n')).toContain('point 5, 2024-02-01: the workflow refused "submit"');
  });

  it('refuses bad command lines and plans before starting anything', async () => {
    const file = planFile('unknown-point.json', {
      year: 2024,
      points: [{ no: '1', leadUnits: ['综合处'] }],
      actions: [{ point: '9', on: '2024-02-01', do: 'acknowledge' }],
    });
    const range = ['--from', '2024-01-29', '--to', '2024-03-31'];
    const cases: [string[], RegExp][] = [
      [['--plan', file, ...range], /要点“9”不存在[\s\S]*names point "9"/],
      [
        ['--plan', file, '--from', '2024-02-30', '--to', '2024-03-31'],
        /--from must be a real date/,
      ],
      [
        ['--plan', file, '--from', '2024-03-01', '--to', '2024-02-01'],
        /--to（2024-02-01）早于 --from/,
      ],
      [['--plan', join(dir, 'missing.json'), ...range], /找不到计划文件[\s\S]*plan file not found/],
      [['--plan', file, '--from', '2024-01-29'], /缺少参数：--to[\s\S]*missing option/],
      [['--plan', file, ...range, '--until', 'x'], /未知参数：--until/],
    ];
    for (const [args, message] of cases) {
      err = [];
      expect(await simulateCommand(args)).toBe(2);
      expect(err.join('\n')).toMatch(message);
    }
    expect(out).toEqual([]);
  });
});
