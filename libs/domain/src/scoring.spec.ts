import {
  DEFAULT_SCORE_RULES,
  rankDepartments,
  resolveScoreRules,
  scoreDepartment,
  scoreRulesProblems,
  type DepartmentMonthFacts,
} from './scoring';

const facts = (f: Partial<DepartmentMonthFacts> & Pick<DepartmentMonthFacts, 'name'>) => ({
  departmentId: f.name,
  pointsLed: 1,
  onTimeReports: 0,
  missedReports: 0,
  completedOnTime: 0,
  completedLate: 0,
  overdueWorkdays: [],
  returns: 0,
  ...f,
});

// Worked by hand with the default rules (+1 report, −2 missed, +3 on time, +1 late,
// −0.5 per overdue working day capped at 10 per point, −1 per return).
const law = facts({
  name: '法规处',
  pointsLed: 4,
  onTimeReports: 3,
  missedReports: 1,
  completedOnTime: 1,
  overdueWorkdays: [4],
  returns: 1,
}); // 100 + 3 − 2 + 3 − 2 − 1 = 101
const protection = facts({
  name: '保护处',
  pointsLed: 2,
  onTimeReports: 2,
  completedLate: 1,
  overdueWorkdays: [15, 3],
}); // 100 + 2 + 1 − 0.5 × (10 + 3) = 96.5
const office = facts({ name: '办公室', pointsLed: 3, onTimeReports: 1 }); // 101
const idle = facts({ name: '人事处', pointsLed: 0, onTimeReports: 0 });

describe('scoreDepartment', () => {
  it('adds the month up line by line from the base', () => {
    expect(scoreDepartment(law)).toEqual({
      score: 101,
      breakdown: [
        { rule: 'onTimeReport', label: '按时报送进展', count: 3, points: 3 },
        { rule: 'missedReport', label: '未按时报送进展', count: 1, points: -2 },
        { rule: 'onTimeCompletion', label: '按期办结', count: 1, points: 3 },
        { rule: 'overdueWorkday', label: '逾期工作日', count: 4, points: -2 },
        { rule: 'return', label: '被退回', count: 1, points: -1 },
      ],
    });
  });

  it('caps the overdue working days of each point, not of the department', () => {
    const { score, breakdown } = scoreDepartment(protection);
    expect(score).toBe(96.5);
    expect(breakdown.find((l) => l.rule === 'overdueWorkday')).toEqual({
      rule: 'overdueWorkday',
      label: '逾期工作日',
      count: 13,
      points: -6.5,
    });
  });

  it('keeps half points exact over many lines', () => {
    const many = facts({ name: '某处', overdueWorkdays: Array(7).fill(1) as number[] });
    expect(scoreDepartment(many, { ...DEFAULT_SCORE_RULES, overdueWorkday: -0.1 }).score).toBe(
      99.3,
    );
  });
});

describe('rankDepartments', () => {
  it('ranks by score, equal scores share a rank and are listed by name', () => {
    const rows = rankDepartments([law, protection, office, idle]);
    expect(rows.map((r) => [r.name, r.score, r.rank])).toEqual([
      ['办公室', 101, 1],
      ['法规处', 101, 1],
      ['保护处', 96.5, 3],
    ]);
  });

  it('uses the plan’s rules over the defaults', () => {
    const rules = resolveScoreRules({ overdueWorkdayCap: 0, onTimeReport: 2 });
    // 法规处 100 + 6 − 2 + 3 − 2 − 1 = 104; 办公室 100 + 2 = 102; 保护处 100 + 4 + 1 − 9 = 96
    expect(rankDepartments([law, protection, office], rules).map((r) => [r.name, r.score])).toEqual(
      [
        ['法规处', 104],
        ['办公室', 102],
        ['保护处', 96],
      ],
    );
  });
});

describe('scoreRulesProblems', () => {
  it('accepts a sensible change', () => {
    expect(scoreRulesProblems({ onTimeReport: 2, overdueWorkdayCap: 0 })).toEqual([]);
  });

  it('says what is wrong in Chinese', () => {
    expect(scoreRulesProblems({ bonus: 1 })).toEqual(['未知的计分规则：bonus']);
    expect(scoreRulesProblems({ missedReport: '2' })).toEqual([
      '未按时报送进展（missedReport）必须是数字',
    ]);
    expect(scoreRulesProblems({ missedReport: 2 })).toEqual(['未按时报送进展应当扣分']);
    expect(scoreRulesProblems({ overdueWorkdayCap: 2.5 })).toEqual([
      '每项要点每月逾期工作日计分上限必须是不小于 0 的整数（0 表示不设上限）',
    ]);
    expect(scoreRulesProblems({ onTimeReport: 0.25 })).toEqual([
      '按时报送进展（onTimeReport）最多保留一位小数',
    ]);
  });
});
