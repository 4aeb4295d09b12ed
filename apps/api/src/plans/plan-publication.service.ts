import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  ErrorCode,
  WORK_POINT_WORKFLOW_TYPE,
  workPointWorkflowId,
  type Actor,
  type PublishResult,
  type WorkPointInput,
} from '@workpoints/contracts';
import { PlanEntity, WorkPointEntity } from '@workpoints/persistence';
import { TemporalClientService } from '@workpoints/temporal';
import { effectiveDeadline, resolvePolicy } from '@workpoints/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { DomainException } from '../common/domain.exception';
import { PlansService } from './plans.service';

/** How many workflow starts are in flight at once while publishing. */
const START_CONCURRENCY = 64;

/**
 * Publishing turns every point of a draft plan into a running workflow. The plan is marked
 * published first (one transaction); then the workflows are started with ids derived from
 * plan and point, so publishing again (after a crash half-way, or a double click) starts only
 * what is missing and never twins.
 */
@Injectable()
export class PlanPublicationService {
  private readonly logger = new Logger(PlanPublicationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly temporal: TemporalClientService,
    private readonly calendar: CalendarService,
  ) {}

  async publish(
    planId: string,
    actor: Actor,
    requestId: string = randomUUID(),
  ): Promise<PublishResult> {
    const { plan, points } = await this.dataSource.transaction(async (tx) => {
      const plan = await tx.findOne(PlanEntity, {
        where: { id: planId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!plan) throw new DomainException(ErrorCode.NotFound, `计划不存在：${planId}`);
      const points = await tx.find(WorkPointEntity, {
        where: { planId },
        relations: { coDepartments: true },
        order: { number: 'ASC' },
      });
      if (plan.status === 'draft') {
        const unknownYears = await this.calendar.unknownYears(
          points.flatMap((p) => (p.deadline ? [p.deadline] : [])),
        );
        if (unknownYears.length > 0)
          throw new DomainException(
            ErrorCode.PlanState,
            `工作日历中还没有 ${unknownYears.join('、')} 年的节假日安排：请先录入该年的节假日和调休，或确认该年只按周末计算（POST /api/calendar/overrides），再发布`,
            { unknownYears },
          );
        const unready = this.plans.unready(points, this.plans.today(), plan.policy);
        if (unready.length > 0) {
          const summary = unready
            .map((u) => `第${u.number}项：${u.problems.join('、')}`)
            .join('；');
          throw new DomainException(ErrorCode.PlanState, `计划尚不能发布 — ${summary}`, {
            unready,
          });
        }
        plan.status = 'published';
        plan.publishedAt = new Date();
        plan.publishRequestId = requestId;
        await tx.save(plan);
        // The deadline as the workflow will chase it, moved to a working day: the publication
        // record comes before the workflow has loaded its calendar, so the read model gets it here.
        const calendar = await this.calendar.calendar(
          points.flatMap((p) => (p.deadline ? [Number(p.deadline.slice(0, 4))] : [])),
        );
        for (const p of points) {
          p.workflowId = workPointWorkflowId(plan.id, p.number);
          const rule = resolvePolicy(plan.policy, p.policy).nonWorkdayRule;
          p.effectiveDeadline = p.deadline ? effectiveDeadline(p.deadline, rule, calendar) : null;
        }
        await tx.save(points, { chunk: 500 });
        await this.plans.audit(tx, {
          planId,
          actorId: actor.userId,
          actorName: actor.displayName,
          event: 'plan_published',
          after: { points: points.length },
          requestId: null,
        });
      }
      return { plan, points };
    });

    const client = await this.connectedClient();
    let started = 0;
    let alreadyRunning = 0;
    const queue = [...points];
    const startOne = async (p: WorkPointEntity): Promise<void> => {
      const input: WorkPointInput = {
        pointId: p.id,
        planId: plan.id,
        number: p.number,
        title: p.title,
        leadDepartmentId: p.leadDepartmentId as string,
        coDepartmentIds: (p.coDepartments ?? []).map((d) => d.id),
        supervisorId: p.supervisorId as string,
        deadline: p.deadline as string,
        publishedBy: actor,
        publishRequestId: `publish:${plan.publishRequestId ?? requestId}`,
        policy: resolvePolicy(plan.policy, p.policy),
      };
      try {
        await client.workflow.start(WORK_POINT_WORKFLOW_TYPE, {
          taskQueue: this.temporal.taskQueue,
          workflowId: workPointWorkflowId(plan.id, p.number),
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [input],
        });
        started += 1;
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) alreadyRunning += 1;
        else throw error;
      }
    };
    const lanes = Array.from({ length: Math.min(START_CONCURRENCY, queue.length) }, async () => {
      for (let p = queue.shift(); p; p = queue.shift()) await startOne(p);
    });
    await Promise.all(lanes);
    this.logger.log(
      `plan ${plan.id}: ${started} workflows started, ${alreadyRunning} already running`,
    );
    return { planId: plan.id, points: points.length, started, alreadyRunning };
  }

  private async connectedClient() {
    try {
      return await this.temporal.client();
    } catch (error) {
      throw new DomainException(
        ErrorCode.WorkflowUnavailable,
        `无法连接工作流服务（Temporal），计划已标记发布，恢复后请再次发布以启动剩余要点：${(error as Error).message}`,
      );
    }
  }
}
