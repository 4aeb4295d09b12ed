import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
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
  type TransitionRecord,
  type WorkPointActivities,
  type WorkPointInput,
  type WorkPointState,
} from '@workpoints/contracts';
import { deadlineInstant, decide, riskColour } from '@workpoints/domain';

const { recordTransition } = proxyActivities<WorkPointActivities>({
  startToCloseTimeout: '30 seconds',
  // Recording must eventually succeed: a database outage delays the read model, it never
  // loses a transition. Attempts are unlimited, spaced out to one a minute.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** The state as v1 kept it: what a v1 run carries into the run it continues as. */
export type WorkPointStateV1 = Pick<
  WorkPointState,
  | 'pointId'
  | 'planId'
  | 'number'
  | 'leadDepartmentId'
  | 'coDepartmentIds'
  | 'supervisorId'
  | 'deadline'
  | 'status'
  | 'risk'
  | 'overdue'
  | 'returnComment'
  | 'version'
  | 'appliedRequests'
>;

interface ActionArgs {
  requestId: string;
  actor: Actor;
}

/**
 * The work-point workflow as it ran before working-day notices (one deadline timer, one
 * overdue reminder). Frozen: it replays the histories of runs started by that code, which
 * `workPointWorkflow` hands over to when `patched(NOTICES_PATCH)` is false. A run of it that
 * continues as new becomes a current run. Delete once no such run remains (then use
 * deprecatePatch in the current workflow).
 */
export async function workPointWorkflowV1(
  input: WorkPointInput,
  carried?: WorkPointStateV1,
): Promise<WorkPointState> {
  const state: WorkPointStateV1 = carried ?? {
    pointId: input.pointId,
    planId: input.planId,
    number: input.number,
    leadDepartmentId: input.leadDepartmentId,
    coDepartmentIds: input.coDepartmentIds,
    supervisorId: input.supervisorId,
    deadline: input.deadline,
    status: 'assigned',
    risk: 'green',
    overdue: false,
    returnComment: null,
    version: 0,
    appliedRequests: {},
  };

  // Transitions are recorded in the order they happen, even when updates overlap.
  let recording: Promise<void> = Promise.resolve();
  const record = (
    partial: Pick<TransitionRecord, 'requestId' | 'event' | 'actor' | 'from'> &
      Partial<Pick<TransitionRecord, 'comment' | 'report' | 'signOff' | 'reminders'>>,
  ): Promise<void> => {
    const rec: TransitionRecord = {
      pointId: state.pointId,
      planId: state.planId,
      to: state.status,
      risk: state.risk,
      overdue: state.overdue,
      version: state.version,
      at: new Date().toISOString(),
      comment: null,
      report: null,
      signOff: null,
      reminders: [],
      ...partial,
    };
    const run = recording.then(() => recordTransition(rec));
    recording = run.catch(() => undefined);
    return run;
  };

  // Queries and updates are typed with the current state; a v1 run answers with its own fields.
  const snapshot = (): WorkPointState =>
    ({
      ...state,
      coDepartmentIds: [...state.coDepartmentIds],
      appliedRequests: { ...state.appliedRequests },
    }) as unknown as WorkPointState;

  const refuse = (code: ErrorCode, message: string): never => {
    throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
  };

  /** Shared validator: shape, idempotency, then the lifecycle rule. */
  const validate = (action: PointAction, args: ActionArgs, extra?: () => void): void => {
    if (!args || typeof args.requestId !== 'string' || args.requestId.length === 0)
      refuse(ErrorCode.InvalidInput, '缺少请求编号 requestId');
    if (!args.actor || typeof args.actor.userId !== 'string')
      refuse(ErrorCode.InvalidInput, '缺少操作人');
    const prior = state.appliedRequests[args.requestId];
    if (prior !== undefined) {
      if (prior !== action)
        refuse(
          ErrorCode.RequestIdReused,
          `请求编号 ${args.requestId} 已用于“${prior}”操作，不能再用于“${action}”`,
        );
      return; // a retry of an applied request: accepted, and the handler changes nothing
    }
    const decision = decide(state.status, action, args.actor, state);
    if (!decision.allowed) refuse(decision.code, decision.message);
    extra?.();
  };

  /** Applies an accepted action and records it; a retried request id returns the state as is. */
  const apply = async (
    action: PointAction,
    args: ActionArgs,
    details: Partial<Pick<TransitionRecord, 'comment' | 'report'>> = {},
  ): Promise<WorkPointState> => {
    if (state.appliedRequests[args.requestId] !== undefined) {
      await recording;
      return snapshot();
    }
    const decision = decide(state.status, action, args.actor, state);
    if (!decision.allowed) return refuse(decision.code, decision.message);
    const from = state.status;
    state.status = decision.to;
    state.version += 1;
    state.appliedRequests[args.requestId] = action;
    if (action === 'return') state.returnComment = details.comment ?? null;
    if (action === 'submit') state.returnComment = null;
    state.risk = riskColour({ status: state.status, overdue: state.overdue });
    await record({
      requestId: args.requestId,
      event: action,
      actor: args.actor,
      from,
      ...details,
      signOff: decision.signOff
        ? { level: decision.signOff, decision: action === 'return' ? 'returned' : 'approved' }
        : null,
    });
    return snapshot();
  };

  setHandler(getStateQuery, snapshot);
  setHandler(acknowledgeUpdate, (args) => apply('acknowledge', args), {
    validator: (args) => validate('acknowledge', args),
  });
  setHandler(
    reportProgressUpdate,
    (args) =>
      apply('report', args, {
        report: { text: args.text, percent: args.percent, kind: 'progress' },
      }),
    {
      validator: (args) =>
        validate('report', args, () => {
          if (typeof args.text !== 'string' || args.text.trim() === '')
            refuse(ErrorCode.InvalidInput, '进展内容不能为空');
          if (
            args.percent !== null &&
            !(Number.isInteger(args.percent) && args.percent >= 0 && args.percent <= 100)
          )
            refuse(ErrorCode.InvalidInput, '完成百分比应为 0 到 100 的整数');
        }),
    },
  );
  setHandler(
    submitCompletionUpdate,
    (args) =>
      apply('submit', args, { report: { text: args.text, percent: 100, kind: 'completion' } }),
    {
      validator: (args) =>
        validate('submit', args, () => {
          if (typeof args.text !== 'string' || args.text.trim() === '')
            refuse(ErrorCode.InvalidInput, '办结情况说明不能为空');
        }),
    },
  );
  setHandler(approveUpdate, (args) => apply('approve', args, { comment: args.comment }), {
    validator: (args) => validate('approve', args),
  });
  setHandler(returnUpdate, (args) => apply('return', args, { comment: args.comment }), {
    validator: (args) =>
      validate('return', args, () => {
        if (typeof args.comment !== 'string' || args.comment.trim() === '')
          refuse(ErrorCode.InvalidInput, '退回时必须填写意见');
      }),
  });

  if (!carried) {
    state.version = 1;
    await record({
      requestId: input.publishRequestId,
      event: 'publish',
      actor: input.publishedBy,
      from: 'draft',
    });
  }

  const completed = () => state.status === 'completed';
  const shouldContinueAsNew = () => workflowInfo().continueAsNewSuggested;

  while (!completed()) {
    if (!state.overdue) {
      const untilDue = deadlineInstant(state.deadline).getTime() - Date.now();
      const woken =
        untilDue > 0 && (await condition(() => completed() || shouldContinueAsNew(), untilDue));
      if (!woken && !completed()) {
        // The deadline passed without completion: the point turns red and the lead
        // department gets one reminder, recorded with the transition.
        state.overdue = true;
        state.risk = riskColour({ status: state.status, overdue: state.overdue });
        state.version += 1;
        await record({
          requestId: `overdue:${state.deadline}`,
          event: 'overdue',
          actor: null,
          from: state.status,
          reminders: [
            { kind: 'overdue', dueDate: state.deadline, departmentId: state.leadDepartmentId },
          ],
        });
      }
    } else {
      await condition(() => completed() || shouldContinueAsNew());
    }
    if (!completed() && shouldContinueAsNew()) {
      await condition(allHandlersFinished);
      await recording;
      return continueAsNew<(i: WorkPointInput, s?: WorkPointStateV1) => Promise<unknown>>(
        input,
        snapshot(),
      );
    }
  }

  await condition(allHandlersFinished);
  await recording;
  return snapshot();
}
