import type { RankingRow, ScoreRules } from '../scoring.types';
import type { CalendarDate, IsoDateTime } from './wire';

/** A point as the bulletin lists it (completed this month, or overdue at its end). */
export interface BulletinPoint {
  pointId: string;
  number: number;
  title: string;
  departmentName: string;
  deadline: CalendarDate | null;
  /** Completed: the day of the final sign-off (Asia/Shanghai). */
  completedOn?: CalendarDate;
  /** Completed: after turning overdue. */
  late?: boolean;
  /** Overdue: working days late at the month's end (null in a year the calendar does not know). */
  workdaysLate?: number | null;
}

/** The monthly ranking and bulletin (一月一排名、一月一通报) of a plan, as it was produced. */
export interface BulletinView {
  id: string;
  planId: string;
  /** The month reported on, `YYYY-MM`. */
  month: string;
  /** The monthly schedule, or a person on demand. */
  trigger: 'schedule' | 'manual';
  producedById: string | null;
  producedAt: IsoDateTime;
  /** The rules the scores were computed with. */
  rules: ScoreRules;
  ranking: RankingRow[];
  completed: BulletinPoint[];
  overdue: BulletinPoint[];
}

/** A plan's ranking rules: what applies, the defaults, their Chinese names and the plan's own. */
export interface ScoreRulesView {
  rules: ScoreRules;
  defaults: ScoreRules;
  labels: Record<keyof ScoreRules, string>;
  /** The fields the plan sets itself. */
  own: Partial<ScoreRules>;
}
