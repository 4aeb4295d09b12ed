import { DEFAULT_POLICY } from '@workpoints/contracts';
import { policyProblems, resolvePolicy } from './policy';

describe('policy', () => {
  it('layers plan and point fields over the defaults', () => {
    const policy = resolvePolicy({ reportCadence: 'quarterly', reportDay: 20 }, { reportDay: 10 });
    expect(policy).toEqual({ ...DEFAULT_POLICY, reportCadence: 'quarterly', reportDay: 10 });
    expect(resolvePolicy(null, undefined)).toEqual(DEFAULT_POLICY);
  });

  it('accepts the defaults and says in Chinese what is wrong with a bad policy', () => {
    expect(policyProblems(DEFAULT_POLICY)).toEqual([]);
    expect(policyProblems({ reminderTime: '25:00', reportDay: 0, colour: 'red' })).toEqual([
      '提醒时间应为 HH:MM（24 小时制），例如 09:00',
      '报送日应为 1 到 31 之间的整数',
      '未知的督办规则字段：colour',
    ]);
    expect(policyProblems({ reportCadence: 'once' })).toEqual([
      '报送周期为 once 时须给出 reportOnceDate',
    ]);
    expect(policyProblems({ deadlineReminderWorkdaysBefore: [5, 0] })).toHaveLength(1);
    expect(policyProblems([])).toEqual(['督办规则应为对象']);
  });
});
