import type {
  AttachmentRef,
  NoticeKind,
  NoticeRecipient,
  NoticeView,
  PointChanges,
  PointStateView,
  PointSummary,
  PointTargetView,
  ReportView,
  SignOffView,
  Target,
  TimelineEntry,
  WorkPointState,
} from '@workpoints/contracts';
import {
  NOTICE_LABELS,
  RECIPIENT_LABELS,
  RISK_LABELS,
  STATUS_LABELS,
  timelineLabel,
} from '@workpoints/domain';
import type {
  AuditEventEntity,
  ProgressReportEntity,
  SignOffEntity,
  WorkPointEntity,
} from '@workpoints/persistence';
import { iso, isoOrNull } from '../common/wire';

/** A point in a list; its co-departments must have been read with it. */
export function toPointSummary(p: WorkPointEntity): PointSummary {
  return {
    id: p.id,
    planId: p.planId,
    number: p.number,
    title: p.title,
    leadDepartmentId: p.leadDepartmentId,
    coDepartmentIds: (p.coDepartments ?? []).map((d) => d.id),
    deadline: p.deadline,
    effectiveDeadline: p.effectiveDeadline,
    supervisorId: p.supervisorId,
    status: p.status,
    statusLabel: STATUS_LABELS[p.status],
    risk: p.risk,
    riskLabel: RISK_LABELS[p.risk],
    overdue: p.overdue,
    workflowId: p.workflowId,
  };
}

/** One audit row as a line of the point's timeline. */
export function toTimelineEntry(e: AuditEventEntity): TimelineEntry {
  return {
    event: e.event,
    label: timelineLabel(e.event, e.fromStatus, e.after),
    actor: e.actorId ? { id: e.actorId, name: e.actorName } : null,
    from: e.fromStatus,
    to: e.toStatus,
    comment: e.comment,
    changes: (e.after?.['changes'] as PointChanges | undefined) ?? null,
    at: iso(e.at),
  };
}

/** The columns of a notice row the point's detail shows. */
export interface NoticeRow {
  kind: string;
  dueDate: string;
  noticeDate: string;
  recipient: string;
  departmentId: string | null;
  userId: string | null;
  deliveredAt: Date | null;
}

export function toNoticeView(n: NoticeRow): NoticeView {
  return {
    kind: n.kind as NoticeKind,
    label: NOTICE_LABELS[n.kind as NoticeKind] ?? n.kind,
    dueDate: n.dueDate,
    noticeDate: n.noticeDate,
    recipient: n.recipient as NoticeRecipient,
    recipientLabel: RECIPIENT_LABELS[n.recipient as NoticeRecipient] ?? n.recipient,
    departmentId: n.departmentId,
    userId: n.userId,
    deliveredAt: isoOrNull(n.deliveredAt),
  };
}

export function toReportView(r: ProgressReportEntity, attachments: AttachmentRef[]): ReportView {
  return {
    id: r.id,
    pointId: r.pointId,
    departmentId: r.departmentId,
    authorId: r.authorId,
    kind: r.kind,
    text: r.text,
    percent: r.percent,
    requestId: r.requestId,
    attachedToId: r.attachedToId,
    createdAt: iso(r.createdAt),
    attachments,
  };
}

export function toSignOffView(s: SignOffEntity): SignOffView {
  return {
    id: s.id,
    pointId: s.pointId,
    level: s.level,
    decision: s.decision,
    actorId: s.actorId,
    comment: s.comment,
    requestId: s.requestId,
    createdAt: iso(s.createdAt),
  };
}

/** One of the point's targets with its latest actual. */
export function toPointTargetView(
  target: Target,
  index: number,
  actual: { value: number; recordedAt: Date } | undefined,
): PointTargetView {
  return {
    ...target,
    index,
    actual: actual ? { value: actual.value, recordedAt: iso(actual.recordedAt) } : null,
  };
}

/** The workflow's state with the Chinese words of its status and light. */
export function toPointStateView(state: WorkPointState): PointStateView {
  return { ...state, statusLabel: STATUS_LABELS[state.status], riskLabel: RISK_LABELS[state.risk] };
}
