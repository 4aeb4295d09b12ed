import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import {
  ErrorCode,
  acknowledgeUpdate,
  approveUpdate,
  cancelUpdate,
  changeDeadlineUpdate,
  changePolicyUpdate,
  contributeUpdate,
  decideExtensionUpdate,
  getStateQuery,
  reassignUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  resumeUpdate,
  returnUpdate,
  submitCompletionUpdate,
  suspendUpdate,
  type Actor,
  type PointAction,
  type PointContext,
  type PointStateView,
  type TargetActual,
  type WorkPointState,
} from '@workpoints/contracts';
import {
  cancelProblems,
  changeDeadlineProblems,
  changePolicyProblems,
  contributeProblems,
  deadlinePassed,
  decide,
  decideExtensionProblems,
  reassignProblems,
  reportProblems,
  requestExtensionProblems,
  resolvePolicy,
  resumeProblems,
  returnProblems,
  shanghaiDate,
  submitProblems,
  suspendProblems,
  withRule,
  type ActionFacts,
} from '@workpoints/domain';
import type { WorkPointEntity } from '@workpoints/persistence';
import { TemporalClientService } from '@workpoints/temporal';
import { DataSource } from 'typeorm';
import { linkAttachments } from '../attachments/attachment-links';
import { CalendarService } from '../calendar/calendar.service';
import { DomainException } from '../common/domain.exception';
import { DepartmentsService } from '../departments/departments.service';
import { UsersService } from '../users/users.service';
import type {
  ActionDto,
  ApproveDto,
  ChangeDeadlineDto,
  ChangePolicyDto,
  ContributeDto,
  DecideExtensionDto,
  ReassignDto,
  ReportProgressDto,
  RequestExtensionDto,
  ResumeDto,
  ReturnDto,
  SteerDto,
  SubmitCompletionDto,
  TargetActualDto,
} from './dto/point-actions.dto';
import { toPointStateView } from './point.mapper';
import { PointsService, partiesOf } from './points.service';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Human actions on a point. The API refuses early what it can see is wrong (remit, turn),
 * then sends the action to the point's workflow as an Update whose id is the request id: the
 * workflow's validator is the authority, and the same request twice is one action.
 */
@Injectable()
export class PointActionsService {
  constructor(
    private readonly points: PointsService,
    private readonly temporal: TemporalClientService,
    private readonly calendar: CalendarService,
    private readonly departments: DepartmentsService,
    private readonly users: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  acknowledge(pointId: string, actor: Actor, dto: ActionDto) {
    return this.act(pointId, actor, 'acknowledge', dto.requestId, (h) =>
      h.executeUpdate(acknowledgeUpdate, {
        args: [{ requestId: dto.requestId, actor }],
        updateId: dto.requestId,
      }),
    );
  }

  report(pointId: string, actor: Actor, dto: ReportProgressDto) {
    return this.act(
      pointId,
      actor,
      'report',
      dto.requestId,
      (h) =>
        h.executeUpdate(reportProgressUpdate, {
          args: [
            {
              requestId: dto.requestId,
              actor,
              text: dto.text,
              percent: dto.percent ?? null,
              ...actualsOf(dto.actuals),
            },
          ],
          updateId: dto.requestId,
        }),
      async (point) => {
        refuseProblems(
          point,
          reportProblems({ ...dto, percent: dto.percent ?? null }, point.targets.length),
        );
        // Before the workflow hears of the report: it never holds attachments.
        await linkAttachments(this.dataSource, point, actor, dto.requestId, dto.attachmentIds);
      },
    );
  }

  submit(pointId: string, actor: Actor, dto: SubmitCompletionDto) {
    return this.act(
      pointId,
      actor,
      'submit',
      dto.requestId,
      (h) =>
        h.executeUpdate(submitCompletionUpdate, {
          args: [{ requestId: dto.requestId, actor, text: dto.text, ...actualsOf(dto.actuals) }],
          updateId: dto.requestId,
        }),
      async (point) => {
        refuseProblems(point, submitProblems(dto, point.targets.length));
        // Before the workflow hears of the report: it never holds attachments.
        await linkAttachments(this.dataSource, point, actor, dto.requestId, dto.attachmentIds);
      },
    );
  }

  approve(pointId: string, actor: Actor, dto: ApproveDto) {
    return this.act(pointId, actor, 'approve', dto.requestId, (h) =>
      h.executeUpdate(approveUpdate, {
        args: [{ requestId: dto.requestId, actor, comment: dto.comment ?? null }],
        updateId: dto.requestId,
      }),
    );
  }

  return(pointId: string, actor: Actor, dto: ReturnDto) {
    return this.act(
      pointId,
      actor,
      'return',
      dto.requestId,
      (h) =>
        h.executeUpdate(returnUpdate, {
          args: [{ requestId: dto.requestId, actor, comment: dto.comment }],
          updateId: dto.requestId,
        }),
      (point) => refuseProblems(point, returnProblems(dto)),
    );
  }

  /** A co-department's input (配合材料), attached to the lead department's next report. */
  contribute(pointId: string, actor: Actor, dto: ContributeDto) {
    return this.act(
      pointId,
      actor,
      'contribute',
      dto.requestId,
      (h) =>
        h.executeUpdate(contributeUpdate, {
          args: [{ requestId: dto.requestId, actor, text: dto.text }],
          updateId: dto.requestId,
        }),
      (point) => refuseProblems(point, contributeProblems(dto)),
    );
  }

  requestExtension(pointId: string, actor: Actor, dto: RequestExtensionDto) {
    return this.act(
      pointId,
      actor,
      'request-extension',
      dto.requestId,
      (h) =>
        h.executeUpdate(requestExtensionUpdate, {
          args: [{ requestId: dto.requestId, actor, deadline: dto.deadline, reason: dto.reason }],
          updateId: dto.requestId,
        }),
      async (point) => {
        refuseProblems(point, requestExtensionProblems(dto, factsOf(point)));
        await this.checkKnownYear(dto.deadline);
      },
    );
  }

  decideExtension(pointId: string, actor: Actor, dto: DecideExtensionDto) {
    return this.act(
      pointId,
      actor,
      'decide-extension',
      dto.requestId,
      (h) =>
        h.executeUpdate(decideExtensionUpdate, {
          args: [
            {
              requestId: dto.requestId,
              actor,
              approve: dto.approve,
              deadline: dto.approve ? (dto.deadline ?? null) : null,
              comment: dto.comment ?? null,
            },
          ],
          updateId: dto.requestId,
        }),
      async (point) => {
        const requested = point.pendingExtension?.deadline ?? null;
        refuseProblems(point, decideExtensionProblems(dto, { ...factsOf(point), requested }));
        const date = dto.deadline ?? requested;
        if (dto.approve && date) await this.checkKnownYear(date);
      },
    );
  }

  suspend(pointId: string, actor: Actor, dto: SteerDto) {
    return this.act(
      pointId,
      actor,
      'suspend',
      dto.requestId,
      (h) =>
        h.executeUpdate(suspendUpdate, {
          args: [{ requestId: dto.requestId, actor, reason: dto.reason }],
          updateId: dto.requestId,
        }),
      (point) => refuseProblems(point, suspendProblems(dto)),
    );
  }

  resume(pointId: string, actor: Actor, dto: ResumeDto) {
    return this.act(
      pointId,
      actor,
      'resume',
      dto.requestId,
      (h) =>
        h.executeUpdate(resumeUpdate, {
          args: [{ requestId: dto.requestId, actor, reason: dto.reason ?? null }],
          updateId: dto.requestId,
        }),
      (point) => refuseProblems(point, resumeProblems(dto)),
    );
  }

  cancel(pointId: string, actor: Actor, dto: SteerDto) {
    return this.act(
      pointId,
      actor,
      'cancel',
      dto.requestId,
      (h) =>
        h.executeUpdate(cancelUpdate, {
          args: [{ requestId: dto.requestId, actor, reason: dto.reason }],
          updateId: dto.requestId,
        }),
      (point) => refuseProblems(point, cancelProblems(dto)),
    );
  }

  /** New lead, co-departments and supervisor; checked as a draft assignment is. */
  reassign(pointId: string, actor: Actor, dto: ReassignDto) {
    const coDepartmentIds = [...new Set(dto.coDepartmentIds)];
    return this.act(
      pointId,
      actor,
      'reassign',
      dto.requestId,
      (h) =>
        h.executeUpdate(reassignUpdate, {
          args: [
            {
              requestId: dto.requestId,
              actor,
              reason: dto.reason ?? null,
              leadDepartmentId: dto.leadDepartmentId,
              coDepartmentIds,
              supervisorId: dto.supervisorId,
            },
          ],
          updateId: dto.requestId,
        }),
      async (point) => {
        refuseProblems(point, reassignProblems({ ...dto, coDepartmentIds }));
        await this.departments.requireAll([dto.leadDepartmentId], 'leadDepartmentId');
        await this.departments.requireAll(coDepartmentIds, 'coDepartmentIds');
        await this.users.requireRole(dto.supervisorId, 'supervisor', 'supervisorId');
      },
    );
  }

  changeDeadline(pointId: string, actor: Actor, dto: ChangeDeadlineDto) {
    return this.act(
      pointId,
      actor,
      'change-deadline',
      dto.requestId,
      (h) =>
        h.executeUpdate(changeDeadlineUpdate, {
          args: [{ requestId: dto.requestId, actor, reason: dto.reason, deadline: dto.deadline }],
          updateId: dto.requestId,
        }),
      async (point) => {
        refuseProblems(point, changeDeadlineProblems(dto, factsOf(point)));
        await this.checkKnownYear(dto.deadline);
      },
    );
  }

  changePolicy(pointId: string, actor: Actor, dto: ChangePolicyDto) {
    return this.act(
      pointId,
      actor,
      'change-policy',
      dto.requestId,
      (h) =>
        h.executeUpdate(changePolicyUpdate, {
          args: [
            { requestId: dto.requestId, actor, reason: dto.reason ?? null, policy: dto.policy },
          ],
          updateId: dto.requestId,
        }),
      async (point) => {
        const plan = await this.points.planPolicy(point.planId);
        refuseProblems(point, changePolicyProblems(dto, resolvePolicy(plan, point.policy)));
      },
    );
  }

  /** The live state, straight from the workflow. */
  async state(pointId: string, actor: Actor): Promise<PointStateView> {
    const point = await this.points.require(pointId, actor);
    const handle = await this.handle(point);
    return toPointStateView(await this.call(() => handle.query(getStateQuery)));
  }

  /**
   * A new deadline must fall in a year the working-day calendar knows: the workflow could not
   * count working days to it otherwise.
   */
  private async checkKnownYear(date: string): Promise<void> {
    const unknownYears = await this.calendar.unknownYears([date]);
    if (unknownYears.length > 0)
      throw new DomainException(
        ErrorCode.PlanState,
        `工作日历中还没有 ${unknownYears.join('、')} 年的节假日安排：请先录入该年的节假日和调休，或确认该年只按周末计算（POST /api/calendar/overrides），再把时限定在该年`,
        { unknownYears },
      );
  }

  /**
   * @param check further checks of the request against the read model, once the lifecycle rule
   *   has let it through (so a caller outside the remit learns that first).
   */
  private async act(
    pointId: string,
    actor: Actor,
    action: PointAction,
    requestId: string,
    send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<WorkPointState>,
    check?: (point: WorkPointEntity) => void | Promise<void>,
  ): Promise<PointStateView> {
    const point = await this.points.require(pointId, actor);
    // A retry of a recorded request goes straight to the workflow, which answers it as the
    // first time; anything else is checked here against the read model first — who may act
    // (the lifecycle's party, 403) before whether the point can be acted on yet (409).
    const recorded = await this.points.recordedEvent(point.id, requestId);
    let handle: ReturnType<Client['workflow']['getHandle']>;
    if (recorded === null) {
      // A published point whose first transition is not recorded yet is, for the workflow,
      // already assigned: check the turn as of that state rather than refuse a prompt click.
      const status = point.status === 'draft' ? 'assigned' : point.status;
      const decision = decide(status, action, actor, partiesOf(point), contextOf(point));
      if (!decision.allowed)
        throw new DomainException(
          decision.code,
          withRule(`第${point.number}项：${decision.message}`, 'lifecycle'),
          { rule: 'lifecycle' },
        );
      handle = await this.handle(point);
      await check?.(point);
    } else if (recorded !== action) {
      throw new DomainException(
        ErrorCode.RequestIdReused,
        `请求编号 ${requestId} 已用于“${recorded}”操作`,
      );
    } else {
      handle = await this.handle(point);
    }
    return toPointStateView(await this.call(() => send(handle)));
  }

  private async handle(point: WorkPointEntity) {
    if (!point.workflowId)
      throw new DomainException(ErrorCode.PlanState, `第${point.number}项尚未发布`);
    const client = await this.call(() => this.temporal.client());
    return client.workflow.getHandle(point.workflowId);
  }

  /** Maps Temporal failures to coded refusals. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof DomainException) throw error;
      const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
      if (cause instanceof ApplicationFailure && cause.type && KNOWN_CODES.has(cause.type)) {
        throw new DomainException(cause.type as ErrorCode, cause.message);
      }
      if (error instanceof WorkflowNotFoundError)
        throw new DomainException(
          ErrorCode.PlanState,
          '该要点的工作流不存在或已结束，请联系督办员重新发布',
        );
      throw new DomainException(
        ErrorCode.WorkflowUnavailable,
        `工作流服务暂不可用：${(error as Error).message}`,
      );
    }
  }
}

/** What the argument checks of an action need, as the read model has it. */
function factsOf(point: WorkPointEntity): ActionFacts {
  return { today: shanghaiDate(new Date()), deadline: point.deadline };
}

/** The argument checks of libs/domain, refused here with the words the workflow would use. */
function refuseProblems(point: WorkPointEntity, problems: string[]): void {
  if (problems.length > 0)
    throw new DomainException(
      ErrorCode.InvalidInput,
      `第${point.number}项的${problems.join('；')}`,
      { problems },
    );
}

/** Plain actuals for the workflow (not the DTO instances), left out when there are none. */
function actualsOf(actuals: TargetActualDto[] | undefined): { actuals?: TargetActual[] } {
  return actuals && actuals.length > 0
    ? { actuals: actuals.map((a) => ({ target: a.target, value: a.value })) }
    : {};
}

/**
 * What the lifecycle rule needs beyond status and parties, as the read model has it: the
 * deadline passed as the workflow judges it, on the working-day deadline it recorded (the
 * assigned one until its first record). It may lag the workflow by a moment, never lead.
 */
function contextOf(point: WorkPointEntity): PointContext {
  const deadline = point.effectiveDeadline ?? point.deadline;
  return {
    suspended: point.suspended,
    deadlinePassed: deadline !== null && deadlinePassed(deadline, Date.now()),
    extensionPending: point.pendingExtension !== null,
    submittedBy: point.submittedById,
  };
}
