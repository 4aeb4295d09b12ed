/**
 * The monthly department score (一月一排名). A department starts the month at `base` and
 * gains or loses points for what happened to the points it leads during the month:
 *
 * | rule | counts | default |
 * |---|---|---|
 * | onTimeReport | points with a progress report this month and no missed-report flag this month | +1 |
 * | missedReport | missed-report flags (未按时报送进展) raised this month | −2 |
 * | onTimeCompletion | points completed (final sign-off) this month without turning overdue | +3 |
 * | lateCompletion | points completed this month after turning overdue | +1 |
 * | overdueWorkday | working days each point spent overdue this month, capped per point | −0.5 |
 * | return | returns for rework (退回) this month | −1 |
 *
 * A plan may change any of these (`plans.score_rules`); what is not set keeps its default.
 * Scores are kept to one decimal; equal scores share a rank (1, 1, 3) and are listed by name.
 */
import type {
  DepartmentMonthFacts,
  RankingRow,
  ScoreLine,
  ScoreRules,
  ScoredRule,
} from '@workpoints/contracts';

// The shapes are the bulletin's answers too, so they live in the contracts.
export type { DepartmentMonthFacts, RankingRow, ScoreLine, ScoreRules, ScoredRule };

export const DEFAULT_SCORE_RULES: Readonly<ScoreRules> = Object.freeze({
  base: 100,
  onTimeReport: 1,
  missedReport: -2,
  onTimeCompletion: 3,
  lateCompletion: 1,
  overdueWorkday: -0.5,
  overdueWorkdayCap: 10,
  return: -1,
});

export const SCORE_RULE_LABELS: Readonly<Record<keyof ScoreRules, string>> = Object.freeze({
  base: '基础分',
  onTimeReport: '按时报送进展',
  missedReport: '未按时报送进展',
  onTimeCompletion: '按期办结',
  lateCompletion: '逾期后办结',
  overdueWorkday: '逾期工作日',
  overdueWorkdayCap: '每项要点每月逾期工作日计分上限',
  return: '被退回',
});

const tenths = (x: number) => Math.round(x * 10);

/** One department's score and the lines that make it up. */
export function scoreDepartment(
  facts: DepartmentMonthFacts,
  rules: ScoreRules = DEFAULT_SCORE_RULES,
): { score: number; breakdown: ScoreLine[] } {
  const cap = rules.overdueWorkdayCap;
  const counted = facts.overdueWorkdays.reduce(
    (sum, days) => sum + (cap > 0 ? Math.min(days, cap) : days),
    0,
  );
  const counts: Record<ScoredRule, number> = {
    onTimeReport: facts.onTimeReports,
    missedReport: facts.missedReports,
    onTimeCompletion: facts.completedOnTime,
    lateCompletion: facts.completedLate,
    overdueWorkday: counted,
    return: facts.returns,
  };
  const breakdown = (Object.keys(counts) as ScoredRule[])
    .filter((rule) => counts[rule] !== 0 && rules[rule] !== 0)
    .map((rule) => ({
      rule,
      label: SCORE_RULE_LABELS[rule],
      count: counts[rule],
      points: tenths(counts[rule] * rules[rule]) / 10,
    }));
  // Summed in tenths so 0.5-point rules never leave 99.99999 behind.
  const score =
    (tenths(rules.base) + breakdown.reduce((sum, line) => sum + tenths(line.points), 0)) / 10;
  return { score, breakdown };
}

/**
 * The ranking table: departments that led an open point this month, best score first; equal
 * scores share a rank and are listed by name (zh-CN collation).
 */
export function rankDepartments(
  facts: readonly DepartmentMonthFacts[],
  rules: ScoreRules = DEFAULT_SCORE_RULES,
): RankingRow[] {
  const rows = facts
    .filter((f) => f.pointsLed > 0)
    .map((f) => ({ ...f, ...scoreDepartment(f, rules), rank: 0 }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'));
  rows.forEach((row, i) => {
    row.rank = i > 0 && rows[i - 1].score === row.score ? rows[i - 1].rank : i + 1;
  });
  return rows;
}

/** The plan's rules over the defaults. */
export function resolveScoreRules(partial: Partial<ScoreRules> | null | undefined): ScoreRules {
  return { ...DEFAULT_SCORE_RULES, ...(partial ?? {}) };
}

/** What is wrong with a change of rules, in Chinese; empty when it may be saved. */
export function scoreRulesProblems(partial: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(partial)) {
    if (!(key in DEFAULT_SCORE_RULES)) {
      problems.push(`未知的计分规则：${key}`);
      continue;
    }
    const label = SCORE_RULE_LABELS[key as keyof ScoreRules];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`${label}（${key}）必须是数字`);
      continue;
    }
    if (Math.abs(value) > 1000) problems.push(`${label}（${key}）的分值不能超过 ±1000`);
    if (tenths(value) / 10 !== value) problems.push(`${label}（${key}）最多保留一位小数`);
    if (key === 'overdueWorkdayCap' && (!Number.isInteger(value) || value < 0))
      problems.push(`${label}必须是不小于 0 的整数（0 表示不设上限）`);
  }
  const merged = { ...DEFAULT_SCORE_RULES, ...partial };
  const sign = (key: ScoredRule, positive: boolean) => {
    const value = merged[key];
    if (typeof value === 'number' && (positive ? value < 0 : value > 0))
      problems.push(`${SCORE_RULE_LABELS[key]}应当${positive ? '加分' : '扣分'}`);
  };
  sign('onTimeReport', true);
  sign('onTimeCompletion', true);
  sign('lateCompletion', true);
  sign('missedReport', false);
  sign('overdueWorkday', false);
  sign('return', false);
  return problems;
}
