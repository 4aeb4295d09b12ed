import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type Actor,
  type NoticeKind,
  type NoticeRecipient,
  type PendingExtension,
  type PointChanges,
  type PointParties,
  type PointPolicy,
} from '@workpoints/contracts';
import {
  NOTICE_LABELS,
  RECIPIENT_LABELS,
  RISK_LABELS,
  STATUS_LABELS,
  canViewPoint,
  resolvePolicy,
  timelineLabel,
} from '@workpoints/domain';
import type { Target } from '@workpoints/plan-parser';
import {
  AuditEventEntity,
  PlanEntity,
  ProgressReportEntity,
  ReminderEntity,
  SignOffEntity,
  TargetActualEntity,
  WorkPointEntity,
} from '@workpoints/persistence';
import { DataSource } from 'typeorm';
import { type AttachmentRef, attachmentsByRequest } from '../attachments/attachment-links';
import { DomainException } from '../common/domain.exception';
import type { ListPointsQuery } from './dto/point-actions.dto';

export interface PointSummary {
  id: string;
  planId: string;
  number: number;
  title: string;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  deadline: string | null;
  /** The deadline moved to a working day, as the workflow chases it; null for a draft. */
  effectiveDeadline: string | null;
  supervisorId: string | null;
  status: string;
  statusLabel: string;
  risk: string;
  riskLabel: string;
  overdue: boolean;
  workflowId: string | null;
}

export interface TimelineEntry {
  event: string;
  label: string;
  actor: { id: string; name: string | null } | null;
  from: string | null;
  to: string | null;
  comment: string | null;
  /** What the action changed besides status: deadline, parties, policy, extension, suspension. */
  changes: PointChanges | null;
  at: Date;
}

/** A notice (提醒 / 催办 / 督办) the point's workflow sent, one row per recipient. */
export interface NoticeView {
  kind: string;
  label: string;
  /** The day it is about (acknowledgement, report or deadline). */
  dueDate: string;
  /** The day it was sent, Asia/Shanghai. */
  noticeDate: string;
  recipient: string;
  recipientLabel: string;
  departmentId: string | null;
  userId: string | null;
  deliveredAt: Date | null;
}

/** A report as the point's detail shows it: the row, and the attachments (附件) sent with it. */
export type ReportView = ProgressReportEntity & { attachments: AttachmentRef[] };

/** One of the point's quantitative targets, with its latest actual (实际值), if any. */
export interface PointTargetView extends Target {
  /** Position in the point's targets, which actuals are reported against. */
  index: number;
  /** The latest reported actual; `recordedAt` is its report's (workflow) time. */
  actual: { value: number; recordedAt: Date } | null;
}

export interface PointDetail extends PointSummary {
  text: string;
  /** Suspended (暂停) by the coordinator. */
  suspended: boolean;
  /** The extension request waiting for the supervisor, if any. */
  pendingExtension: PendingExtension | null;
  /** The policy the point is chased by (defaults, the plan's fields, the point's own). */
  policy: PointPolicy;
  timeline: TimelineEntry[];
  /**
   * Progress reports, completions and co-departments' contributions (`attachedToId`: the report
   * it went with), each with the attachments sent with it.
   */
  reports: ReportView[];
  signOffs: SignOffEntity[];
  notices: NoticeView[];
  /** Quantitative targets (目标 / 指标) with their latest actuals. */
  targets: PointTargetView[];
}

/** Reads of points come from the read model, scoped to what the actor may see. */
@Injectable()
export class PointsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, q: ListPointsQuery): Promise<{ total: number; items: PointSummary[] }> {
    const qb = this.dataSource
      .getRepository(WorkPointEntity)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.coDepartments', 'co')
      .orderBy('p.number', 'ASC')
      .addOrderBy('p.planId', 'ASC');
    const coOf = (param: string) =>
      `EXISTS (SELECT 1 FROM work_point_co_departments c WHERE c.point_id = p.id AND c.department_id = :${param})`;
    if (!actor.roles.includes('admin') && !actor.roles.includes('coordinator')) {
      // Department staff and heads see their department's points; supervisors their own.
      qb.andWhere(`(p.supervisorId = :me OR p.leadDepartmentId = :myDept OR ${coOf('myDept')})`, {
        me: actor.userId,
        myDept: actor.departmentId ?? '00000000-0000-0000-0000-000000000000',
      });
    }
    if (q.planId) qb.andWhere('p.planId = :planId', { planId: q.planId });
    const words = q.q?.trim();
    if (words) {
      // A number finds that point; anything else, points whose title or text contain it.
      const n = /^第?(\d{1,4})项?$/.exec(words)?.[1];
      qb.andWhere(
        n
          ? '(p.number = :n OR p.title ILIKE :like OR p.text ILIKE :like)'
          : '(p.title ILIKE :like OR p.text ILIKE :like)',
        { n: n === undefined ? null : Number(n), like: `%${words.replace(/[\\%_]/g, '\\$&')}%` },
      );
    }
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.supervisorId) qb.andWhere('p.supervisorId = :sup', { sup: q.supervisorId });
    if (q.departmentId)
      qb.andWhere(`(p.leadDepartmentId = :dept OR ${coOf('dept')})`, { dept: q.departmentId });
    const [rows, total] = await qb.skip(q.offset).take(q.limit).getManyAndCount();
    return { total, items: rows.map(summarise) };
  }

  /** The point, checked against the actor's remit. */
  async require(pointId: string, actor: Actor): Promise<WorkPointEntity> {
    const point = await this.dataSource
      .getRepository(WorkPointEntity)
      .findOne({ where: { id: pointId }, relations: { coDepartments: true } });
    if (!point) throw new DomainException(ErrorCode.NotFound, `工作要点不存在：${pointId}`);
    if (!canViewPoint(actor, partiesOf(point)))
      throw new DomainException(ErrorCode.NotInRemit, `第${point.number}项不在您的职责范围内`);
    return point;
  }

  async detail(pointId: string, actor: Actor): Promise<PointDetail> {
    const point = await this.require(pointId, actor);
    const [events, reports, signOffs, notices, planPolicy, attachments, actuals] =
      await Promise.all([
        this.dataSource
          .getRepository(AuditEventEntity)
          .find({ where: { pointId }, order: { at: 'ASC', id: 'ASC' } }),
        this.dataSource
          .getRepository(ProgressReportEntity)
          .find({ where: { pointId }, order: { createdAt: 'ASC' } }),
        this.dataSource
          .getRepository(SignOffEntity)
          .find({ where: { pointId }, order: { createdAt: 'ASC' } }),
        this.dataSource.getRepository(ReminderEntity).find({
          where: { pointId },
          order: { noticeDate: 'ASC', createdAt: 'ASC', kind: 'ASC', recipientKey: 'ASC' },
        }),
        this.planPolicy(point.planId),
        attachmentsByRequest(this.dataSource, pointId),
        this.latestActuals(pointId),
      ]);
    return {
      ...summarise(point),
      text: point.text,
      suspended: point.suspended,
      pendingExtension: point.pendingExtension,
      policy: resolvePolicy(planPolicy, point.policy),
      timeline: events.map((e) => ({
        event: e.event,
        label: timelineLabel(e.event, e.fromStatus, e.after),
        actor: e.actorId ? { id: e.actorId, name: e.actorName } : null,
        from: e.fromStatus,
        to: e.toStatus,
        comment: e.comment,
        changes: (e.after?.['changes'] as PointChanges | undefined) ?? null,
        at: e.at,
      })),
      reports: reports.map((r) =>
        Object.assign(r, { attachments: attachments.get(r.requestId) ?? [] }),
      ),
      signOffs,
      notices: notices.map((n) => ({
        kind: n.kind,
        label: NOTICE_LABELS[n.kind as NoticeKind] ?? n.kind,
        dueDate: n.dueDate,
        noticeDate: n.noticeDate,
        recipient: n.recipient,
        recipientLabel: RECIPIENT_LABELS[n.recipient as NoticeRecipient] ?? n.recipient,
        departmentId: n.departmentId,
        userId: n.userId,
        deliveredAt: n.deliveredAt,
      })),
      targets: (point.targets as unknown as Target[]).map((t, index) => ({
        ...t,
        index,
        actual: actuals.get(index) ?? null,
      })),
    };
  }

  /**
   * The latest actual of each of the point's targets, by target index: the newest report
   * whenever it came, as target progress (`targetProgress`) has it.
   */
  private async latestActuals(
    pointId: string,
  ): Promise<Map<number, { value: number; recordedAt: Date }>> {
    const rows = await this.dataSource
      .getRepository(TargetActualEntity)
      .createQueryBuilder('a')
      .distinctOn(['a.targetIndex'])
      .where('a.pointId = :pointId', { pointId })
      .orderBy('a.targetIndex', 'ASC')
      .addOrderBy('a.reportedAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .getMany();
    return new Map(rows.map((a) => [a.targetIndex, { value: a.value, recordedAt: a.reportedAt }]));
  }

  /** The plan's own policy fields (over the defaults), if it has any. */
  async planPolicy(planId: string): Promise<Partial<PointPolicy> | null> {
    const plan = await this.dataSource
      .getRepository(PlanEntity)
      .findOne({ where: { id: planId }, select: { id: true, policy: true } });
    return plan?.policy ?? null;
  }

  /** The event a request id was already recorded as, if any (for idempotent retries). */
  async recordedEvent(pointId: string, requestId: string): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(AuditEventEntity)
      .findOne({ where: { pointId, requestId }, select: { id: true, event: true } });
    return row?.event ?? null;
  }
}

export function partiesOf(point: WorkPointEntity): PointParties {
  return {
    leadDepartmentId: point.leadDepartmentId ?? '',
    coDepartmentIds: (point.coDepartments ?? []).map((d) => d.id),
    supervisorId: point.supervisorId ?? '',
  };
}

export function summarise(p: WorkPointEntity): PointSummary {
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
