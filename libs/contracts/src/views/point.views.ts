import type { AuditEventName } from '../audit.types';
import type { Target } from '../target.types';
import type { NoticeKind, NoticeRecipient, PointPolicy } from '../work-point/policy.types';
import type {
  PendingExtension,
  PointChanges,
  PointStatus,
  RiskColour,
  SignOffLevel,
  WorkPointState,
} from '../work-point/work-point.types';
import type { AttachmentRef } from './attachment.views';
import type { CalendarDate, IsoDateTime } from './wire';

/**
 * A point in a list. `statusLabel` and `riskLabel` are the Chinese words of the status and the
 * light; a page in another language shows `status` and `risk` in its own words instead.
 */
export interface PointSummary {
  id: string;
  planId: string;
  number: number;
  title: string;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  deadline: CalendarDate | null;
  /** The deadline moved to a working day, as the workflow chases it; null for a draft. */
  effectiveDeadline: CalendarDate | null;
  supervisorId: string | null;
  status: PointStatus;
  statusLabel: string;
  risk: RiskColour;
  riskLabel: string;
  overdue: boolean;
  workflowId: string | null;
}

/** A page of points: the ones asked for, and how many there are in all. */
export interface PointPage {
  total: number;
  items: PointSummary[];
}

/** One line of a point's timeline (an audit row): who did what, and what it changed. */
export interface TimelineEntry {
  event: AuditEventName;
  /** The event in Chinese (a sign-off says which level, a decision whether it was granted). */
  label: string;
  actor: { id: string; name: string | null } | null;
  from: PointStatus | null;
  to: PointStatus | null;
  comment: string | null;
  /** What the action changed besides status: deadline, parties, policy, extension, suspension. */
  changes: PointChanges | null;
  at: IsoDateTime;
}

/** A notice (提醒 / 催办 / 督办) the point's workflow sent, one row per recipient. */
export interface NoticeView {
  kind: NoticeKind;
  label: string;
  /** The day it is about (acknowledgement, report or deadline). */
  dueDate: CalendarDate;
  /** The day it was sent, Asia/Shanghai. */
  noticeDate: CalendarDate;
  recipient: NoticeRecipient;
  recipientLabel: string;
  departmentId: string | null;
  userId: string | null;
  deliveredAt: IsoDateTime | null;
}

export type ProgressReportKind = 'progress' | 'completion' | 'contribution';

/**
 * A progress report (进展情况), a completion submission, or a co-department's contribution
 * (配合材料, `attachedToId`: the report it went with), with the attachments sent with it.
 */
export interface ReportView {
  id: string;
  pointId: string;
  /** The reporting department (the actor's department at the time). */
  departmentId: string;
  authorId: string;
  kind: ProgressReportKind;
  text: string;
  /** Self-assessed completion, 0–100. */
  percent: number | null;
  requestId: string;
  attachedToId: string | null;
  /** Workflow time of the report. */
  createdAt: IsoDateTime;
  attachments: AttachmentRef[];
}

export type SignOffDecision = 'approved' | 'returned';

/** One step of the sign-off chain (审核 / 办结): approved, or returned (退回) with a comment. */
export interface SignOffView {
  id: string;
  pointId: string;
  level: SignOffLevel;
  decision: SignOffDecision;
  actorId: string;
  comment: string | null;
  requestId: string;
  /** Workflow time of the sign-off. */
  createdAt: IsoDateTime;
}

/** One of the point's quantitative targets, with its latest actual (实际值), if any. */
export interface PointTargetView extends Target {
  /** Position in the point's targets, which actuals are reported against. */
  index: number;
  /** The latest reported actual; `recordedAt` is its report's (workflow) time. */
  actual: { value: number; recordedAt: IsoDateTime } | null;
}

/** A point with its text, policy, timeline, reports, sign-offs, notices and targets. */
export interface PointDetail extends PointSummary {
  text: string;
  /** Suspended (暂停) by the coordinator. */
  suspended: boolean;
  /** The extension request waiting for the supervisor, if any. */
  pendingExtension: PendingExtension | null;
  /** Who submitted the completion waiting for sign-off: they may not approve it themselves. */
  submittedById: string | null;
  /** The policy the point is chased by (defaults, the plan's fields, the point's own). */
  policy: PointPolicy;
  timeline: TimelineEntry[];
  /** Progress reports, completions and co-departments' contributions. */
  reports: ReportView[];
  signOffs: SignOffView[];
  notices: NoticeView[];
  /** Quantitative targets (目标 / 指标) with their latest actuals. */
  targets: PointTargetView[];
}

/** The point's live state, straight from its workflow: what every action answers. */
export interface PointStateView extends WorkPointState {
  statusLabel: string;
  riskLabel: string;
}

/** A point waiting for a report, with the day the report was (or is) due. */
export interface ReportDue extends PointSummary {
  reportDue: CalendarDate;
}

/** What needs the user now (待办), by kind; each list holds only points in the user's remit. */
export interface TodoView {
  /** Assigned to the user's department, not yet acknowledged (待签收). */
  toAcknowledge: PointSummary[];
  /** Reminded of a report (or told it was missed) and not reported since (待报送). */
  reportsDue: ReportDue[];
  /** Returned by a head or supervisor, to be done again (被退回). */
  returned: PointSummary[];
  /** Completions waiting for this head's or supervisor's sign-off (待审核). */
  approvals: PointSummary[];
  /** Extension requests waiting for this supervisor (待审批延期). */
  extensions: PointSummary[];
  /** Overdue and open: the department's, the supervisor's, or every one for coordinators (已逾期). */
  overdue: PointSummary[];
}
