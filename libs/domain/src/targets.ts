import type { TargetActual } from '@workpoints/contracts';
import type { Comparator, Target } from '@workpoints/plan-parser';

/** What `targetMet` reads of a target. */
export type TargetBound = Pick<Target, 'value' | 'valueMax' | 'comparator'>;

export const COMPARATORS = [
  '>=',
  '>',
  '=',
  '<=',
  '<',
  '~',
  'range',
] as const satisfies readonly Comparator[];

/** How far '~' (约, 左右, 上下) may stray from its value: ±5 %. */
export const APPROXIMATE_TOLERANCE = 0.05;

/**
 * Reported figures are typed in by people and compared as doubles: 22 × 5 % is not exactly the
 * distance from 22 to 20.9. A relative slack far below any figure an office reports keeps a
 * boundary value on the side it was meant to be on.
 */
const slack = (scale: number) => Math.max(1, Math.abs(scale)) * 1e-9;

/**
 * Whether a reported actual meets a target (达标), by the target's comparator:
 *
 * - `>=`, `>`, `<=`, `<`: as written (不低于 / 突破 / 不超过 / 低于).
 * - `=`: reached, i.e. actual ≥ value. The parser gives '=' to verbs that set an amount to
 *   deliver (新增20家, 培育20个, 完成22件, 增长20%): doing more is doing it, and reading it as
 *   strict equality would mark 培育25个 against 培育20个 as missed.
 * - `~` (约, 左右): within ±5 % of the value (of its magnitude, so 0 means exactly 0).
 * - `range` (10-15家): between value and valueMax, both included; bounds given the wrong way
 *   round are taken in order, and a range without valueMax is open above.
 *
 * A non-finite actual never meets anything.
 */
export function targetMet(target: TargetBound, actual: number): boolean {
  if (!Number.isFinite(actual)) return false;
  const { value } = target;
  const eps = slack(value);
  switch (target.comparator) {
    case '>=':
    case '=':
      return actual >= value - eps;
    case '>':
      return actual > value + eps;
    case '<=':
      return actual <= value + eps;
    case '<':
      return actual < value - eps;
    case '~':
      return Math.abs(actual - value) <= Math.abs(value) * APPROXIMATE_TOLERANCE + eps;
    case 'range': {
      const max = target.valueMax;
      if (max === undefined || !Number.isFinite(max)) return actual >= value - eps;
      const [low, high] = value <= max ? [value, max] : [max, value];
      return actual >= low - eps && actual <= high + slack(high);
    }
  }
}

/**
 * What is wrong with the actuals reported with a progress report, one Chinese sentence per
 * problem; empty when they are fine. `target` is an index (from 0) into the point's targets.
 * `targetCount` is how many targets the point has; null where it is not known (the workflow
 * holds no targets, so its validator checks only the shape and leaves the range to the API).
 */
export function actualsProblems(actuals: unknown, targetCount: number | null): string[] {
  if (actuals === undefined || actuals === null) return [];
  if (!Array.isArray(actuals)) return ['实际值应为列表：[{ target: 目标序号, value: 数值 }]'];
  const problems: string[] = [];
  const seen = new Set<number>();
  actuals.forEach((item: unknown, i) => {
    const where = `第 ${i + 1} 个实际值`;
    if (typeof item !== 'object' || item === null) {
      problems.push(`${where}应为 { target: 目标序号, value: 数值 }`);
      return;
    }
    const { target, value } = item as Partial<Record<keyof TargetActual, unknown>>;
    if (typeof target !== 'number' || !Number.isInteger(target) || target < 0)
      problems.push(`${where}的目标序号应为从 0 起的整数：${String(target)}`);
    else if (targetCount !== null && target >= targetCount)
      problems.push(
        targetCount === 0
          ? `${where}的目标序号 ${target} 无效：该要点没有量化目标`
          : `${where}的目标序号 ${target} 超出范围：该要点共有 ${targetCount} 项目标（序号 0 到 ${targetCount - 1}）`,
      );
    else if (seen.has(target)) problems.push(`目标 ${target} 的实际值重复报送，每项目标只能报一个`);
    else seen.add(target);
    if (typeof value !== 'number' || !Number.isFinite(value))
      problems.push(`${where}的数值应为有限的数字：${String(value)}`);
  });
  return problems;
}

/**
 * What is wrong with a target added by hand, one Chinese sentence per problem: a comparator of
 * the parser's, finite numbers, and an upper bound exactly when it is a range, not below the value.
 */
export function targetProblems(target: {
  value: unknown;
  valueMax?: unknown;
  comparator: unknown;
}): string[] {
  const problems: string[] = [];
  if (!COMPARATORS.includes(target.comparator as Comparator))
    problems.push(`比较方式应为 ${COMPARATORS.join('、')} 之一`);
  if (typeof target.value !== 'number' || !Number.isFinite(target.value))
    problems.push('目标值应为有限的数字');
  if (target.comparator === 'range') {
    if (typeof target.valueMax !== 'number' || !Number.isFinite(target.valueMax))
      problems.push('区间目标（range）须给出有限的上限 valueMax');
    else if (typeof target.value === 'number' && target.valueMax < target.value)
      problems.push(`区间上限 ${target.valueMax} 不能小于下限 ${target.value}`);
  } else if (target.valueMax !== undefined && target.valueMax !== null)
    problems.push('只有区间目标（range）才有上限 valueMax');
  return problems;
}

/** The target's status on a dashboard: met, not met, or nothing reported yet. */
export function targetMetLabel(met: boolean | null): string {
  if (met === null) return '暂无实际值';
  return met ? '已达标' : '未达标';
}
