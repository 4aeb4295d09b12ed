import type { IsoDateTime } from './wire';

export type PlanImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * Which part of the document an item came from. A plan is all 'plan'; a summary
 * (上半年工作总结及下半年工作计划) also has the review of past work and its problems,
 * which are reported but not tracked.
 */
export type PlanPart = 'plan' | 'review' | 'problems';

/** A part of a summary that is shown but not tracked as a point. */
export interface UntrackedItem {
  part: PlanPart;
  label: string;
  chapter: string | null;
  section: string | null;
  title: string;
}

/** An uploaded plan document, its parsing and, once parsed, the draft it became. */
export interface ImportView {
  id: string;
  filename: string;
  /** docx, pdf, txt, html…, once recognised. */
  format: string | null;
  sizeBytes: number;
  status: PlanImportStatus;
  /** 0–100. */
  progress: number;
  error: string | null;
  planId: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** Once parsed: what the parser was unsure of, and how many items each part has. */
  warnings?: string[];
  parts?: Record<string, number>;
  /** A summary's review of past work and its problems: shown, not tracked as points. */
  untracked?: UntrackedItem[];
}
