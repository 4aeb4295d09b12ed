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
] as const;
export type PointStatus = (typeof POINT_STATUSES)[number];

export const RISK_COLOURS = ['green', 'yellow', 'red'] as const;
export type RiskColour = (typeof RISK_COLOURS)[number];

/** Human actions on a point, each a Workflow Update. */
export const POINT_ACTIONS = ['acknowledge', 'report', 'submit', 'approve', 'return'] as const;
export type PointAction = (typeof POINT_ACTIONS)[number];

/** Transitions the workflow makes by itself. */
export const SYSTEM_EVENTS = ['publish', 'overdue'] as const;
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
}

interface ActionBase {
  /** Idempotency key chosen by the client; also the Temporal update id. */
  requestId: string;
  actor: Actor;
}

export type AcknowledgeArgs = ActionBase;

export interface ReportProgressArgs extends ActionBase {
  text: string;
  /** Self-assessed completion in percent, 0–100. */
  percent: number | null;
}

export interface SubmitCompletionArgs extends ActionBase {
  text: string;
}

export interface ApproveArgs extends ActionBase {
  comment: string | null;
}

export interface ReturnArgs extends ActionBase {
  comment: string;
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
  /** ISO instant, workflow time. */
  at: string;
  comment: string | null;
  report: { text: string; percent: number | null; kind: 'progress' | 'completion' } | null;
  signOff: { level: SignOffLevel; decision: 'approved' | 'returned' } | null;
  /** Reminder rows to write with the transition (the future inbox/outbox). */
  reminders: { kind: 'overdue'; dueDate: string; departmentId: string }[];
}

export interface WorkPointActivities {
  recordTransition(record: TransitionRecord): Promise<void>;
}
