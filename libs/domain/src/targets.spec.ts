import type { Comparator } from '@workpoints/plan-parser';
import { actualsProblems, targetMet, targetMetLabel, targetProblems } from './targets';

const t = (comparator: Comparator, value: number, valueMax?: number) => ({
  comparator,
  value,
  ...(valueMax === undefined ? {} : { valueMax }),
});

describe('targetMet', () => {
  it('reads >=, >, <= and < as written', () => {
    // 不低于22件
    expect(targetMet(t('>=', 22), 22)).toBe(true);
    expect(targetMet(t('>=', 22), 21.9)).toBe(false);
    // 突破2000家: 2000 itself is not a breakthrough
    expect(targetMet(t('>', 2000), 2000)).toBe(false);
    expect(targetMet(t('>', 2000), 2001)).toBe(true);
    // 不超过30天
    expect(targetMet(t('<=', 30), 30)).toBe(true);
    expect(targetMet(t('<=', 30), 31)).toBe(false);
    // 低于5%
    expect(targetMet(t('<', 5), 5)).toBe(false);
    expect(targetMet(t('<', 5), 4.99)).toBe(true);
  });

  it('reads = as reached: 培育20个 is met by 20 and by 25, not by 19', () => {
    expect(targetMet(t('=', 20), 20)).toBe(true);
    expect(targetMet(t('=', 20), 25)).toBe(true);
    expect(targetMet(t('=', 20), 19)).toBe(false);
  });

  it('reads ~ as within ±5 % of the value, both ends included', () => {
    // 约22件: 5 % of 22 is 1.1, so 20.9 … 23.1
    expect(targetMet(t('~', 22), 20.9)).toBe(true);
    expect(targetMet(t('~', 22), 23.1)).toBe(true);
    expect(targetMet(t('~', 22), 20.8)).toBe(false);
    expect(targetMet(t('~', 22), 23.2)).toBe(false);
    // 200家左右: 190 … 210
    expect(targetMet(t('~', 200), 190)).toBe(true);
    expect(targetMet(t('~', 200), 189)).toBe(false);
    expect(targetMet(t('~', 200), 211)).toBe(false);
    // a negative value's band is of its magnitude: -10 ± 0.5
    expect(targetMet(t('~', -10), -9.5)).toBe(true);
    expect(targetMet(t('~', -10), -9.4)).toBe(false);
    expect(targetMet(t('~', 0), 0)).toBe(true);
    expect(targetMet(t('~', 0), 0.1)).toBe(false);
  });

  it('reads range as between value and valueMax, both included', () => {
    // 10-15家
    expect(targetMet(t('range', 10, 15), 10)).toBe(true);
    expect(targetMet(t('range', 10, 15), 12.5)).toBe(true);
    expect(targetMet(t('range', 10, 15), 15)).toBe(true);
    expect(targetMet(t('range', 10, 15), 9)).toBe(false);
    expect(targetMet(t('range', 10, 15), 16)).toBe(false);
    // bounds the wrong way round are taken in order; without an upper bound it is open above
    expect(targetMet(t('range', 15, 10), 12)).toBe(true);
    expect(targetMet(t('range', 10), 1000)).toBe(true);
    expect(targetMet(t('range', 10), 9)).toBe(false);
  });

  it('keeps decimal boundaries on their side despite binary fractions', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(targetMet(t('>=', 0.3), 0.1 + 0.2)).toBe(true);
    expect(targetMet(t('<=', 0.3), 0.1 + 0.2)).toBe(true);
    expect(targetMet(t('>', 0.3), 0.1 + 0.2)).toBe(false);
  });

  it('never meets anything with a number that is not finite', () => {
    expect(targetMet(t('>=', 1), Number.NaN)).toBe(false);
    expect(targetMet(t('>=', 1), Number.POSITIVE_INFINITY)).toBe(false);
    expect(targetMet(t('<', 1), Number.NEGATIVE_INFINITY)).toBe(false);
  });
});

describe('actualsProblems', () => {
  it('accepts none, and indexes within the point’s targets', () => {
    expect(actualsProblems(undefined, 0)).toEqual([]);
    expect(actualsProblems([], 0)).toEqual([]);
    expect(
      actualsProblems(
        [
          { target: 1, value: 30.5 },
          { target: 0, value: 0 },
        ],
        2,
      ),
    ).toEqual([]);
  });

  it('names an index out of range, and says so when the point has no targets', () => {
    expect(actualsProblems([{ target: 2, value: 1 }], 2)).toEqual([
      '第 1 个实际值的目标序号 2 超出范围：该要点共有 2 项目标（序号 0 到 1）',
    ]);
    expect(actualsProblems([{ target: 0, value: 1 }], 0)).toEqual([
      '第 1 个实际值的目标序号 0 无效：该要点没有量化目标',
    ]);
  });

  it('names indexes that are not whole numbers from 0, and values that are not finite', () => {
    expect(
      actualsProblems(
        [
          { target: -1, value: 1 },
          { target: 0.5, value: 1 },
          { target: '0', value: 1 },
          { target: 0, value: Number.NaN },
          { target: 1, value: '12' },
        ],
        3,
      ),
    ).toEqual([
      '第 1 个实际值的目标序号应为从 0 起的整数：-1',
      '第 2 个实际值的目标序号应为从 0 起的整数：0.5',
      '第 3 个实际值的目标序号应为从 0 起的整数：0',
      '第 4 个实际值的数值应为有限的数字：NaN',
      '第 5 个实际值的数值应为有限的数字：12',
    ]);
  });

  it('refuses the same target twice', () => {
    expect(
      actualsProblems(
        [
          { target: 0, value: 1 },
          { target: 0, value: 2 },
        ],
        1,
      ),
    ).toEqual(['目标 0 的实际值重复报送，每项目标只能报一个']);
  });

  it('checks only the shape where the number of targets is not known (the workflow)', () => {
    expect(actualsProblems([{ target: 99, value: 1 }], null)).toEqual([]);
    expect(actualsProblems('12', null)).toEqual([
      '实际值应为列表：[{ target: 目标序号, value: 数值 }]',
    ]);
    expect(actualsProblems([null], null)).toEqual([
      '第 1 个实际值应为 { target: 目标序号, value: 数值 }',
    ]);
  });
});

describe('targetProblems', () => {
  it('accepts a target as the parser writes it', () => {
    expect(targetProblems({ comparator: '>=', value: 20 })).toEqual([]);
    expect(targetProblems({ comparator: 'range', value: 10, valueMax: 15 })).toEqual([]);
  });

  it('wants an upper bound exactly for a range, not below the value', () => {
    expect(targetProblems({ comparator: 'range', value: 10 })).toEqual([
      '区间目标（range）须给出有限的上限 valueMax',
    ]);
    expect(targetProblems({ comparator: 'range', value: 10, valueMax: 5 })).toEqual([
      '区间上限 5 不能小于下限 10',
    ]);
    expect(targetProblems({ comparator: '>=', value: 10, valueMax: 15 })).toEqual([
      '只有区间目标（range）才有上限 valueMax',
    ]);
  });

  it('names an unknown comparator and a value that is not a finite number', () => {
    expect(targetProblems({ comparator: '!=', value: Number.POSITIVE_INFINITY })).toEqual([
      '比较方式应为 >=、>、=、<=、<、~、range 之一',
      '目标值应为有限的数字',
    ]);
  });
});

describe('targetMetLabel', () => {
  it('says met, not met, or nothing reported', () => {
    expect([true, false, null].map(targetMetLabel)).toEqual(['已达标', '未达标', '暂无实际值']);
  });
});
