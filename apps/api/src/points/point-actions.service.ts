import { Injectable } from '@nestjs/common';
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
  getStateQuery,
  reportProgressUpdate,
  returnUpdate,
  submitCompletionUpdate,
  type Actor,
  type PointAction,
  type WorkPointState,
} from '@workpoints/contracts';
import { RISK_LABELS, STATUS_LABELS, decide } from '@workpoints/domain';
import type { WorkPointEntity } from '@workpoints/persistence';
import { TemporalClientService } from '@workpoints/temporal';
import { DomainException } from '../common/domain.exception';
import type {
  ApproveDto,
  ReportProgressDto,
  ReturnDto,
  SubmitCompletionDto,
  ActionDto,
} from './dto/point-actions.dto';
import { PointsService, partiesOf } from './points.service';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

export interface PointStateView extends WorkPointState {
  statusLabel: string;
  riskLabel: string;
}

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
    return this.act(pointId, actor, 'report', dto.requestId, (h) =>
      h.executeUpdate(reportProgressUpdate, {
        args: [{ requestId: dto.requestId, actor, text: dto.text, percent: dto.percent ?? null }],
        updateId: dto.requestId,
      }),
    );
  }

  submit(pointId: string, actor: Actor, dto: SubmitCompletionDto) {
    return this.act(pointId, actor, 'submit', dto.requestId, (h) =>
      h.executeUpdate(submitCompletionUpdate, {
        args: [{ requestId: dto.requestId, actor, text: dto.text }],
        updateId: dto.requestId,
      }),
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
    return this.act(pointId, actor, 'return', dto.requestId, (h) =>
      h.executeUpdate(returnUpdate, {
        args: [{ requestId: dto.requestId, actor, comment: dto.comment }],
        updateId: dto.requestId,
      }),
    );
  }

  /** The live state, straight from the workflow. */
  async state(pointId: string, actor: Actor): Promise<PointStateView> {
    const point = await this.points.require(pointId, actor);
    const handle = await this.handle(point);
    return view(await this.call(() => handle.query(getStateQuery)));
  }

  private async act(
    pointId: string,
    actor: Actor,
    action: PointAction,
    requestId: string,
    send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<WorkPointState>,
  ): Promise<PointStateView> {
    const point = await this.points.require(pointId, actor);
    const handle = await this.handle(point);
    // A retry of a recorded request goes straight to the workflow, which answers it as the
    // first time; anything else is checked here against the read model first.
    const recorded = await this.points.recordedEvent(point.id, requestId);
    if (recorded === null) {
      // A published point whose first transition is not recorded yet is, for the workflow,
      // already assigned: check the turn as of that state rather than refuse a prompt click.
      const status = point.status === 'draft' ? 'assigned' : point.status;
      const decision = decide(status, action, actor, partiesOf(point));
      if (!decision.allowed)
        throw new DomainException(decision.code, `第${point.number}项：${decision.message}`);
    } else if (recorded !== action) {
      throw new DomainException(
        ErrorCode.RequestIdReused,
        `请求编号 ${requestId} 已用于“${recorded}”操作`,
      );
    }
    return view(await this.call(() => send(handle)));
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

function view(state: WorkPointState): PointStateView {
  return { ...state, statusLabel: STATUS_LABELS[state.status], riskLabel: RISK_LABELS[state.risk] };
}
