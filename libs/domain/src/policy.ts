import { DEFAULT_POLICY, type PointPolicy } from '@workpoints/contracts';
import { isCalendarDate } from './deadline';

type Check = (value: unknown) => string | null;

const workdays =
  (label: string, min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? null
      : `${label}应为 ${min} 到 ${max} 之间的整数（个工作日）`;

/** One check per policy field, each saying in Chinese what a valid value is. */
const CHECKS: Record<keyof PointPolicy, Check> = {
  acknowledgeWithinWorkdays: workdays('签收时限', 1, 30),
  reminderTime: (v) =>
    typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v)
      ? null
      : '提醒时间应为 HH:MM（24 小时制），例如 09:00',
  reportCadence: (v) =>
    v === 'monthly' || v === 'quarterly' || v === 'once' || v === 'none'
      ? null
      : '报送周期应为 monthly（每月）、quarterly（每季度）、once（一次）或 none（不报送）',
  reportDay: (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 31
      ? null
      : '报送日应为 1 到 31 之间的整数',
  reportOnceDate: (v) =>
    v === null || isCalendarDate(String(v)) ? null : '一次性报送日期应为 YYYY-MM-DD 或 null',
  reportReminderWorkdaysBefore: workdays('报送提醒提前量', 0, 20),
  deadlineReminderWorkdaysBefore: (v) =>
    Array.isArray(v) &&
    v.length <= 10 &&
    v.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 60)
      ? null
      : '到期提醒应为 1 到 60 之间的整数列表（到期前第几个工作日），最多 10 个',
  escalateToSupervisorAfterWorkdays: workdays('逾期后提请分管领导的间隔', 1, 60),
  escalateToCoordinatorEveryWorkdays: workdays('提请督办员的间隔', 1, 60),
  nonWorkdayRule: (v) =>
    v === 'previous' || v === 'next'
      ? null
      : '非工作日时限的处理应为 previous（提前到之前最后一个工作日）或 next（顺延到之后第一个工作日）',
  yellowWithinWorkdays: workdays('黄灯预警提前量', 0, 60),
};

/**
 * What is wrong with a (partial) policy, one Chinese sentence per problem; empty when it is
 * valid. Unknown fields are problems too, so a typo never silently does nothing.
 */
export function policyProblems(partial: unknown): string[] {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial))
    return ['督办规则应为对象'];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(partial)) {
    const check = CHECKS[key as keyof PointPolicy] as Check | undefined;
    if (!check) problems.push(`未知的督办规则字段：${key}`);
    else {
      const problem = check(value);
      if (problem) problems.push(problem);
    }
  }
  const cadence = (partial as Partial<PointPolicy>).reportCadence;
  if (cadence === 'once' && !(partial as Partial<PointPolicy>).reportOnceDate)
    problems.push('报送周期为 once 时须给出 reportOnceDate');
  return problems;
}

/** The policy a point runs by: the defaults, then each layer's fields in order (plan, point). */
export function resolvePolicy(...layers: (Partial<PointPolicy> | null | undefined)[]): PointPolicy {
  const out: PointPolicy = {
    ...DEFAULT_POLICY,
    deadlineReminderWorkdaysBefore: [...DEFAULT_POLICY.deadlineReminderWorkdaysBefore],
  };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer))
      if (value !== undefined && key in CHECKS)
        (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}
