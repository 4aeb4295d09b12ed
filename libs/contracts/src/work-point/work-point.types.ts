import type { CalendarData } from '../calendar.types';
import type { NoticeKind, NoticeRecipient, PointPolicy } from './policy.types';
/** Roles a user can hold (one user may hold several). */
export const ROLES = ['admin', 'coordinator', 'staff', 'head', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The lifecycle of a work point. `draft` exists only before publication; from `assigned` on
 * the point's workflow is the source of truth.
 */
export const POINT_STATUSES = [
  'draft',
  'assigned',
  'acknowledged',
  'in_progress',
  'submitted',
  'head_approved',
  'completed',
  'cancelled',
] as const;
export type PointStatus = (typeof POINT_STATUSES)[number];

export const RISK_COLOURS = ['green', 'yellow', 'red'] as const;
export type RiskColour = (typeof RISK_COLOURS)[number];

/** Human actions on a point, each a Workflow Update. */
export const POINT_ACTIONS = [
  'acknowledge',
  'report',
  'submit',
  'approve',
  'return',
  /** A co-department's contribution, attached to the lead department's next report. */
  'contribute',
  'request-extension',
  'decide-extension',
  'suspend',
  'resume',
  'cancel',
  'reassign',
  'change-deadline',
  'change-policy',
] as const;
export type PointAction = (typeof POINT_ACTIONS)[number];

/** Actions of the general office (督办员) that steer a running point. */
export const COORDINATOR_ACTIONS = [
  'suspend',
  'resume',
  'cancel',
  'reassign',
  'change-deadline',
  'change-policy',
] as const satisfies readonly PointAction[];
export type CoordinatorAction = (typeof COORDINATOR_ACTIONS)[number];

/**
 * Transitions the workflow makes by itself: publication, the overdue turn, notices
 * (reminders, flags, escalations) and a change of risk colour with nothing else happening.
 */
export const SYSTEM_EVENTS = ['publish', 'overdue', 'notice', 'risk'] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];

export type TimelineEvent = PointAction | SystemEvent;

export type SignOffLevel = 'head' | 'supervisor';

/** Who acts: resolved by the API from the token and the users table, never from the request body. */
export interface Actor {
  userId: string;
  displayName: string;
  departmentId: string | null;
  roles: Role[];
}

/** The departments and people a point belongs to. */
export interface PointParties {
  leadDepartmentId: string;
  coDepartmentIds: string[];
  supervisorId: string;
}

export interface WorkPointInput extends PointParties {
  pointId: string;
  planId: string;
  number: number;
  title: string;
  /** Calendar date in Asia/Shanghai, `YYYY-MM-DD`; due at the end of that day. */
  deadline: string;
  /** Who published, for the audit row of the first transition. */
  publishedBy: Actor;
  /** Request id of the publication, so the first transition is recorded once. */
  publishRequestId: string;
  /** The point's policy (plan policy with the point's own changes); DEFAULT_POLICY if absent. */
  policy?: PointPolicy;
  /**
   * Continue-as-new once the history holds this many events (default 2,000), besides when the
   * server suggests it. Lower only in tests that exercise the hand-over.
   */
  historyLimit?: number;
}

/** An extension (延期) asked by the lead department and waiting for the supervisor. */
export interface PendingExtension {
  requestId: string;
  requestedBy: string;
  requestedByName: string;
  /** The deadline asked for, `YYYY-MM-DD`. */
  deadline: string;
  reason: string;
  /** ISO instant, workflow time. */
  at: string;
}

export interface WorkPointState extends PointParties {
  pointId: string;
  planId: string;
  number: number;
  status: PointStatus;
  risk: RiskColour;
  overdue: boolean;
  deadline: string;
  /** The comment of the latest return (退回), cleared on the next submission. */
  returnComment: string | null;
  /** Monotonic count of recorded transitions; the read model keeps the highest it has seen. */
  version: number;
  /** Request ids already applied, with the action each one was, so a retry is one action. */
  appliedRequests: Record<string, PointAction>;
  /** The policy the point is chased by. */
  policy: PointPolicy;
  /** The day the point was published, Asia/Shanghai. */
  publishedOn: string;
  /** The deadline moved to a working day by the policy's non-working-day rule. */
  effectiveDeadline: string;
  /** Suspended (暂停) by the coordinator: no notices, no department actions until resumed. */
  suspended: boolean;
  /** The latest report-due day whose report was missed, until the next report arrives. */
  reportMissedFor: string | null;
  /** Days (Asia/Shanghai) of the latest progress reports, newest last, at most a few. */
  reportDays: string[];
  /** The waiting extension request, if any (one at a time). */
  pendingExtension: PendingExtension | null;
  /** Notices due at or before this instant have been sent or dropped (ISO instant). */
  noticesThrough: string;
  /**
   * Who submitted the completion now waiting for sign-off (null when none is waiting). Absent
   * in the state of a run started before it was kept.
   */
  submittedBy?: string | null;
}

/** Context the lifecycle rule needs beyond status and parties. */
export interface PointContext {
  suspended: boolean;
  /** The point's effective deadline has passed (end of that day, Asia/Shanghai). */
  deadlinePassed: boolean;
  extensionPending: boolean;
  /**
   * Who submitted the completion waiting for sign-off: that person may not approve it at any
   * step (separation of duties). Null or absent when none is waiting or the rule does not apply.
   */
  submittedBy?: string | null;
}

interface ActionBase {
  /** Idempotency key chosen by the client; also the Temporal update id. */
  requestId: string;
  actor: Actor;
}

export type AcknowledgeArgs = ActionBase;

/**
 * A figure reported against one of the point's quantitative targets (目标 / 指标): `target` is
 * the index (from 0) into the point's targets, which after publication are only ever appended
 * to, so an index keeps naming the same target.
 */
export interface TargetActual {
  target: number;
  value: number;
}

export interface ReportProgressArgs extends ActionBase {
  text: string;
  /** Self-assessed completion in percent, 0–100. */
  percent: number | null;
  /** Actual values of the point's targets as of this report. */
  actuals?: TargetActual[];
}

export interface SubmitCompletionArgs extends ActionBase {
  text: string;
  /** Final actual values of the point's targets. */
  actuals?: TargetActual[];
}

export interface ApproveArgs extends ActionBase {
  comment: string | null;
}

export interface ReturnArgs extends ActionBase {
  comment: string;
}

export interface ContributeArgs extends ActionBase {
  text: string;
}

export interface RequestExtensionArgs extends ActionBase {
  /** The deadline asked for, `YYYY-MM-DD`, later than the current one. */
  deadline: string;
  reason: string;
}

export interface DecideExtensionArgs extends ActionBase {
  approve: boolean;
  /** Approving: the new deadline (defaults to the one asked for). */
  deadline?: string | null;
  /** Rejecting: the reason, required; approving: an optional comment. */
  comment?: string | null;
}

export interface SteerArgs extends ActionBase {
  /** Why (suspend, cancel, change of deadline: required). */
  reason: string | null;
}

export interface ReassignArgs extends SteerArgs, PointParties {}

export interface ChangeDeadlineArgs extends SteerArgs {
  deadline: string;
}

export interface ChangePolicyArgs extends SteerArgs {
  /** Fields to change; the rest stay. */
  policy: Partial<PointPolicy>;
}

/** One transition as the workflow hands it to the recording activity. */
export interface TransitionRecord {
  pointId: string;
  planId: string;
  requestId: string;
  event: TimelineEvent;
  /** null for transitions the workflow makes by itself (e.g. overdue). */
  actor: Actor | null;
  from: PointStatus;
  to: PointStatus;
  risk: RiskColour;
  overdue: boolean;
  version: number;
  /**
   * The deadline the workflow chases by now (moved to a working day), for the read model, so
   * the API judges "deadline passed" as the workflow does. Absent in records of older code.
   */
  effectiveDeadline?: string;
  /** ISO instant, workflow time. */
  at: string;
  comment: string | null;
  report: {
    text: string;
    percent: number | null;
    kind: 'progress' | 'completion' | 'contribution';
    /** Target actuals reported with it; absent when none were (and in older histories). */
    actuals?: TargetActual[];
  } | null;
  signOff: { level: SignOffLevel; decision: 'approved' | 'returned' } | null;
  /** Notices sent with this transition, written as rows in the same transaction (the outbox). */
  notices?: NoticeRecord[];
  /** What changed on the point besides status (deadline, parties, policy, extension). */
  changes?: PointChanges | null;
}

/** A notice as the workflow sends it; the activity resolves roles to departments and people. */
export interface NoticeRecord {
  kind: NoticeKind;
  /** The due day it is about (acknowledgement, report, deadline). */
  dueDate: string;
  /** The day it is sent (Asia/Shanghai). */
  noticeDate: string;
  recipients: NoticeRecipient[];
  /** The parties when it was sent. */
  parties: PointParties;
}

export interface PointChanges {
  deadline?: string;
  parties?: PointParties;
  policy?: PointPolicy;
  suspended?: boolean;
  extension?: {
    decision: 'requested' | 'approved' | 'rejected';
    deadline: string;
    reason: string | null;
  };
  /** The extension now waiting (set on a request, null once decided). */
  pendingExtension?: PendingExtension | null;
}

/** A year range of the working-day calendar, as the workflow asks for it. */
export interface CalendarRequest {
  fromYear: number;
  toYear: number;
}

export interface WorkPointActivities {
  recordTransition(record: TransitionRecord): Promise<void>;
  /** The working-day calendar (package data with the admin's overrides) for the years asked. */
  loadCalendar(request: CalendarRequest): Promise<CalendarData>;
}
