import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type Actor,
  type PointTargets,
  type Target,
  type TargetProgress,
} from '@workpoints/contracts';
import { STATUS_LABELS, isClosedStatus, targetProblems } from '@workpoints/domain';
import { AuditEventEntity, WorkPointEntity } from '@workpoints/persistence';
import { pointFilter, targetProgress } from '@workpoints/reports';
import { DataSource } from 'typeorm';
import { scopedFilters, visiblePlan } from '../access/scope';
import { DomainException } from '../common/domain.exception';
import type { DashboardQuery } from '../dashboard/dashboard.dto';
import type { AddTargetDto } from './targets.dto';

/** The audit event of a target added by hand. */
const TARGET_ADDED = 'target_added' satisfies AuditEventEntity['event'];

/**
 * Quantitative targets (目标 / 指标): their progress across a plan, read as the dashboard reads
 * (same filters, same remit), and the coordinator's additions by hand. Targets are not lifecycle
 * state: the workflow never holds them, so an addition is written here with its audit row.
 */
@Injectable()
export class TargetsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async progress(planId: string, actor: Actor, query: DashboardQuery): Promise<TargetProgress> {
    await visiblePlan(this.dataSource, planId, actor);
    const { params, where } = pointFilter(planId, scopedFilters(actor, query));
    return targetProgress(this.dataSource, planId, { params, where });
  }

  /**
   * Appends a target to a draft or running point, never inserts or reorders: departments report
   * actuals by index, and an index must keep naming the same target. With a request id, the
   * same request twice adds one target.
   */
  async add(pointId: string, actor: Actor, dto: AddTargetDto): Promise<PointTargets> {
    const problems = targetProblems(dto);
    if (problems.length > 0)
      throw new DomainException(ErrorCode.InvalidInput, `目标有误：${problems.join('；')}`, {
        problems,
      });
    const target: Target = {
      text: dto.text,
      value: dto.value,
      ...(dto.valueMax === undefined ? {} : { valueMax: dto.valueMax }),
      unit: dto.unit,
      comparator: dto.comparator,
      ...(dto.aspirational ? { aspirational: true } : {}),
    };
    return this.dataSource.transaction(async (tx) => {
      // The row lock serialises additions (and the recording activity), so two coordinators
      // adding at once get consecutive indexes rather than one overwriting the other.
      const point = await tx.findOne(WorkPointEntity, {
        where: { id: pointId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!point) throw new DomainException(ErrorCode.NotFound, `工作要点不存在：${pointId}`);
      const before = point.targets as unknown as Target[];
      const auditRequestId = dto.requestId ? `target:${dto.requestId}` : null;
      if (auditRequestId) {
        const recorded = await tx.findOne(AuditEventEntity, {
          where: { pointId, requestId: auditRequestId },
          select: { id: true, event: true },
        });
        if (recorded) {
          if (recorded.event !== TARGET_ADDED)
            throw new DomainException(
              ErrorCode.RequestIdReused,
              `请求编号 ${dto.requestId} 已用于“${recorded.event}”操作`,
            );
          return { pointId, repeated: true, targets: indexed(before) };
        }
      }
      if (isClosedStatus(point.status))
        throw new DomainException(
          ErrorCode.OutOfTurn,
          `第${point.number}项${STATUS_LABELS[point.status]}，不能再添加目标`,
        );
      const after = [...before, target];
      point.targets = after.map((t) => ({ ...t }));
      await tx.save(point);
      await tx.insert(AuditEventEntity, {
        planId: point.planId,
        pointId,
        actorId: actor.userId,
        actorName: actor.displayName,
        event: TARGET_ADDED,
        // Targets are not lifecycle: no status, so nothing reads this row as a transition.
        fromStatus: null,
        toStatus: null,
        before: { targets: before },
        after: { targets: after, added: { index: after.length - 1, ...target } },
        comment: target.text,
        requestId: auditRequestId,
        at: new Date(),
      });
      return { pointId, repeated: false, targets: indexed(after) };
    });
  }
}

const indexed = (targets: Target[]) => targets.map((t, index) => ({ ...t, index }));
