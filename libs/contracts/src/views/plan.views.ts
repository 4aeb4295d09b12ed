import type { DepartmentSuggestions } from '../department-suggestion.types';
import type { ScoreRules } from '../scoring.types';
import type { Target } from '../target.types';
import type { PointPolicy } from '../work-point/policy.types';
import type { PendingExtension, PointStatus, RiskColour } from '../work-point/work-point.types';
import type { CalendarDate, IsoDateTime } from './wire';

export type PlanStatus = 'draft' | 'published';

/** `chapter` is a 一、 heading, `section` a (一) heading under it. */
export type PlanNodeKind = 'chapter' | 'section';

/** A plan in the list of plans. */
export interface PlanSummaryView {
  id: string;
  title: string;
  year: number;
  status: PlanStatus;
  createdById: string;
  publishedAt: IsoDateTime | null;
  /** The plan's own policy fields over the defaults. */
  policy: Partial<PointPolicy> | null;
  /** The plan's own ranking rules over the defaults. */
  scoreRules: Partial<ScoreRules> | null;
  /** The year's headline targets (from an import's preamble). */
  targets: Target[];
  /** What the importer was unsure of, shown until the coordinator has checked the draft. */
  warnings: string[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** A heading of the plan's tree, with the headings and points under it. */
export interface PlanNodeView {
  id: string;
  kind: PlanNodeKind;
  /** The heading's own numbering as printed, e.g. '一' or '（一）'. */
  label: string;
  title: string;
  children: PlanNodeView[];
  pointIds: string[];
}

/** A heading on its own, as a rename answers it. */
export interface PlanHeadingView {
  id: string;
  planId: string;
  parentId: string | null;
  kind: PlanNodeKind;
  label: string;
  title: string;
  /** Order among siblings. */
  position: number;
}

/**
 * A point as its plan shows it — what the coordinator edits in a draft, and the read model's
 * row once published (the lifecycle fields then follow the point's workflow).
 */
export interface PlanPointView {
  id: string;
  planId: string;
  /** The chapter or section the point sits under; null for a plan without headings. */
  nodeId: string | null;
  /** The point's number in the plan, as printed (1, 2, 3 … across the whole plan). */
  number: number;
  title: string;
  text: string;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  deadline: CalendarDate | null;
  supervisorId: string | null;
  status: PointStatus;
  risk: RiskColour;
  overdue: boolean;
  suspended: boolean;
  /** The point's own policy fields over the plan's (a draft), or the whole policy it runs by. */
  policy: Partial<PointPolicy> | null;
  pendingExtension: PendingExtension | null;
  /** `plan-{planId}-point-{no}` once published; null while the plan is a draft. */
  workflowId: string | null;
  /** The highest transition version recorded. */
  version: number;
  /** The number as the document wrote it ("17.", "一是", "（2）"), for imported points. */
  label: string | null;
  /** 一是…二是… items inside the point. */
  subItems: string[];
  targets: Target[];
  /** The deadline as the document phrased it (6月底前, 上半年); `deadline` is its resolved date. */
  deadlineText: string | null;
  /** Units the text names (会同省农业厅 → 省农业厅). */
  mentionedUnits: string[];
  /** Suggested lead and co-departments from the import, each with its reason. */
  suggestions: DepartmentSuggestions | null;
  /** Order under its node, as printed. */
  position: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** A plan with its tree of chapters and sections and its points. */
export interface PlanView {
  id: string;
  title: string;
  year: number;
  status: PlanStatus;
  publishedAt: IsoDateTime | null;
  /** The policy the plan's points are chased by, unless a point sets its own fields. */
  policy: PointPolicy;
  /** The plan's own policy fields over the defaults (what PATCH /plans/{id} edits). */
  ownPolicy: Partial<PointPolicy> | null;
  /** The year's headline targets (from an import's preamble). */
  targets: Target[];
  /** What the importer was unsure of, and years whose holidays the calendar does not know yet. */
  warnings: string[];
  nodes: PlanNodeView[];
  points: PlanPointView[];
}

/** How many points took the suggested departments. */
export interface AppliedSuggestionsView {
  applied: number;
}

/** What a publication did: workflows started now, and those already running from before. */
export interface PublishResult {
  planId: string;
  points: number;
  started: number;
  alreadyRunning: number;
}
