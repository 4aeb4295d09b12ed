import type { PointStatus, RiskColour } from './work-point/work-point.types';

/**
 * Which of a plan's published points a report covers: the dashboard's filters, shared by the
 * dashboard, the ledger, the summary, target progress and the background exports (whose job
 * data carries them through Redis, hence here). A chapter covers its sections.
 */
export interface PointFilters {
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
