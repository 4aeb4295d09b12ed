import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type Actor,
  type PointDetail,
  type PointPage,
  type PointParties,
  type PointPolicy,
  type Target,
} from '@workpoints/contracts';
import { canViewPlan, canViewPoint, resolvePolicy } from '@workpoints/domain';
import {
  AuditEventEntity,
  PlanEntity,
  ProgressReportEntity,
  NoticeEntity,
  SignOffEntity,
  TargetActualEntity,
  WorkPointEntity,
  visiblePointCondition,
} from '@workpoints/persistence';
import { DataSource } from 'typeorm';
import { attachmentsByRequest } from '../attachments/attachment-links';
import { outsideRemit } from '../access/scope';
import { DomainException } from '../common/domain.exception';
import type { ListPointsQuery } from './dto/point-actions.dto';
import {
  toNoticeView,
  toPointSummary,
  toPointTargetView,
  toReportView,
  toSignOffView,
  toTimelineEntry,
} from './point.mapper';

/** Reads of points come from the read model, scoped to what the actor may see. */
@Injectable()
export class PointsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, q: ListPointsQuery): Promise<PointPage> {
    const qb = this.dataSource
      .getRepository(WorkPointEntity)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.coDepartments', 'co')
      .orderBy('p.number', 'ASC')
      .addOrderBy('p.planId', 'ASC');
    const coOf = (param: string) =>
      `EXISTS (SELECT 1 FROM work_point_co_departments c WHERE c.point_id = p.id AND c.department_id = :${param})`;
    // The remit, in plans the actor may see: a search finds nothing beyond it.
    const remit: Record<string, unknown> = {};
    qb.andWhere(visiblePointCondition(actor, 'p', remit), remit);
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
    return { total, items: rows.map(toPointSummary) };
  }

  /**
   * The point, checked against the actor: a point of a draft the actor may not see is "not
   * found" as an unknown id is (its plan is the office's until published); a point of a
   * published plan outside their remit is refused (403), since the plan is known to them.
   */
  async require(pointId: string, actor: Actor): Promise<WorkPointEntity> {
    const point = await this.dataSource
      .getRepository(WorkPointEntity)
      .findOne({ where: { id: pointId }, relations: { coDepartments: true, plan: true } });
    if (!point || !point.plan || !canViewPlan(actor, point.plan))
      throw new DomainException(ErrorCode.NotFound, `工作要点不存在：${pointId}`);
    if (!canViewPoint(actor, partiesOf(point))) throw outsideRemit(point.number);
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
        this.dataSource.getRepository(NoticeEntity).find({
          where: { pointId },
          order: { noticeDate: 'ASC', createdAt: 'ASC', kind: 'ASC', recipientKey: 'ASC' },
        }),
        this.planPolicy(point.planId),
        attachmentsByRequest(this.dataSource, pointId),
        this.latestActuals(pointId),
      ]);
    return {
      ...toPointSummary(point),
      text: point.text,
      suspended: point.suspended,
      pendingExtension: point.pendingExtension,
      submittedById: point.submittedById,
      policy: resolvePolicy(planPolicy, point.policy),
      timeline: events.map(toTimelineEntry),
      reports: reports.map((r) => toReportView(r, attachments.get(r.requestId) ?? [])),
      signOffs: signOffs.map(toSignOffView),
      notices: notices.map(toNoticeView),
      targets: (point.targets as unknown as Target[]).map((t, index) =>
        toPointTargetView(t, index, actuals.get(index)),
      ),
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
