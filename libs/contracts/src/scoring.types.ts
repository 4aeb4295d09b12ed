/**
 * The monthly ranking's rules and rows (一月一排名): scored by libs/domain (`scoring.ts`, where
 * each rule is explained), stored with each bulletin and shown in its answers.
 */
export interface ScoreRules {
  base: number;
  onTimeReport: number;
  missedReport: number;
  onTimeCompletion: number;
  lateCompletion: number;
  overdueWorkday: number;
  /** At most this many overdue working days count per point per month (0 = no cap). */
  overdueWorkdayCap: number;
  return: number;
}

/** What happened this month to the points one department leads. */
export interface DepartmentMonthFacts {
  departmentId: string;
  name: string;
  /** Points it led that were open at some time this month. */
  pointsLed: number;
  onTimeReports: number;
  missedReports: number;
  completedOnTime: number;
  completedLate: number;
  /** Working days overdue this month, one entry per overdue point. */
  overdueWorkdays: number[];
  returns: number;
}

export type ScoredRule = Exclude<keyof ScoreRules, 'base' | 'overdueWorkdayCap'>;

export interface ScoreLine {
  rule: ScoredRule;
  label: string;
  count: number;
  points: number;
}

export interface RankingRow extends DepartmentMonthFacts {
  score: number;
  rank: number;
  /** The non-zero lines that make up the score after the base. */
  breakdown: ScoreLine[];
}
