import type { PointStatus, RiskColour } from './work-point/work-point.types';

/**
 * The points a user may read outside the office (分管领导 and departments): those they supervise
 * and those their department leads or co-operates on (`canViewPoint` of libs/domain). Plain
 * data, so a background export carries it to the jobs app as it was when it was asked for.
 */
export interface PointRemit {
  userId: string;
  /** null: no department, so only the points the user supervises. */
  departmentId: string | null;
}

/**
 * Which of a plan's published points a report covers: the dashboard's filters, shared by the
 * dashboard, the ledger, the summary, target progress and the background exports (whose job
 * data carries them through Redis, hence here). A chapter covers its sections.
 */
export interface PointFilters {
  /**
   * Whose points, when the report is not the office's: the remit of whoever asked (`remitOf`
   * of libs/domain). Set by the API from the caller, never from a query; absent = the office.
   */
  remit?: PointRemit;
  /** A chapter (with its sections) or a section. */
  chapterId?: string;
  /** Lead department (牵头单位). */
  departmentId?: string;
  /** Supervisor (分管领导). */
  supervisorId?: string;
  status?: PointStatus;
  /** Traffic light (红黄绿灯). */
  risk?: RiskColour;
}

/** 上半年 (January to June of the plan's year) or 全年. */
export const SUMMARY_PERIODS = ['half-year', 'annual'] as const;
export type SummaryPeriod = (typeof SUMMARY_PERIODS)[number];

/** The report files that can be exported: the ledger (督办台账, xlsx) and the summary (工作总结, docx). */
export const REPORT_KINDS = ['ledger', 'summary'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
