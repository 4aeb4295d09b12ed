import {
  COORDINATOR_ACTIONS,
  ErrorCode,
  type CoordinatorAction,
  type Actor,
  type PointAction,
  type PointContext,
  type PointParties,
  type PointStatus,
  type SignOffLevel,
} from '@workpoints/contracts';
import { STATUS_LABELS } from './labels';
import { isClosedStatus } from './status';

export type Decision =
  | { allowed: true; to: PointStatus; signOff: SignOffLevel | null }
  | { allowed: false; code: ErrorCode.NotInRemit | ErrorCode.OutOfTurn; message: string };

const refuse = (code: ErrorCode.NotInRemit | ErrorCode.OutOfTurn, message: string): Decision => ({
  allowed: false,
  code,
  message,
});

function isLeadMember(actor: Actor, parties: PointParties): boolean {
  return (
    actor.departmentId === parties.leadDepartmentId &&
    (actor.roles.includes('staff') || actor.roles.includes('head'))
  );
}

function isLeadHead(actor: Actor, parties: PointParties): boolean {
  return actor.departmentId === parties.leadDepartmentId && actor.roles.includes('head');
}

function isPointSupervisor(actor: Actor, parties: PointParties): boolean {
  return actor.userId === parties.supervisorId && actor.roles.includes('supervisor');
}

function isCoMember(actor: Actor, parties: PointParties): boolean {
  return (
    actor.departmentId !== null &&
    parties.coDepartmentIds.includes(actor.departmentId) &&
    (actor.roles.includes('staff') || actor.roles.includes('head'))
  );
}

const isCoordinatorAction = (action: PointAction): action is CoordinatorAction =>
  (COORDINATOR_ACTIONS as readonly PointAction[]).includes(action);

function isCoordinator(actor: Actor): boolean {
  return actor.roles.includes('coordinator');
}

const NO_CONTEXT: PointContext = {
  suspended: false,
  deadlinePassed: false,
  extensionPending: false,
};

/** Statuses in which the lead department is still working on the point. */
const WORKING: readonly PointStatus[] = ['acknowledged', 'in_progress'];

const ACTION_LABELS: Record<PointAction, string> = {
  acknowledge: '签收',
  report: '报送进展',
  submit: '申请办结',
  approve: '审核',
  return: '退回',
  contribute: '报送配合材料',
  'request-extension': '申请延期',
  'decide-extension': '审批延期',
  suspend: '暂停',
  resume: '恢复',
  cancel: '取消',
  reassign: '调整责任单位',
  'change-deadline': '调整完成时限',
  'change-policy': '调整督办规则',
};

/**
 * The one rule of the lifecycle, used by the API (to refuse early with a clear message) and
 * by the workflow's update validators (the authority). It says whether `actor` may take
 * `action` on a point in `status`, and where the point goes.
 *
 * assigned → acknowledged → in_progress → submitted → head_approved → completed;
 * a return from submitted (by the lead head) or head_approved (by the supervisor) goes back
 * to in_progress with the comment.
 */
export function decide(
  status: PointStatus,
  action: PointAction,
  actor: Actor,
  parties: PointParties,
  context: PointContext = NO_CONTEXT,
): Decision {
  const now = STATUS_LABELS[status];
  const verbOf = ACTION_LABELS[action];
  const stay: Decision = { allowed: true, to: status, signOff: null };
  if (isClosedStatus(status)) return refuse(ErrorCode.OutOfTurn, `该要点${now}，不能再${verbOf}`);
  if (isCoordinatorAction(action)) {
    if (!isCoordinator(actor)) return refuse(ErrorCode.NotInRemit, `只有督办员可以${verbOf}要点`);
    if (action === 'suspend' && context.suspended)
      return refuse(ErrorCode.OutOfTurn, '该要点已暂停');
    if (action === 'resume' && !context.suspended)
      return refuse(ErrorCode.OutOfTurn, '该要点未暂停，无需恢复');
    return action === 'cancel' ? { allowed: true, to: 'cancelled', signOff: null } : stay;
  }
  if (context.suspended)
    return refuse(ErrorCode.OutOfTurn, `该要点已暂停办理，恢复后才能${verbOf}`);
  switch (action) {
    case 'contribute':
      if (!isCoMember(actor, parties))
        return refuse(ErrorCode.NotInRemit, '只有配合单位的承办人或负责人可以报送配合材料');
      if (status !== 'assigned' && !WORKING.includes(status))
        return refuse(
          ErrorCode.OutOfTurn,
          `当前状态为“${now}”，牵头单位已申请办结，不能再报送配合材料`,
        );
      return stay;
    case 'request-extension':
      if (!isLeadMember(actor, parties))
        return refuse(ErrorCode.NotInRemit, '只有牵头单位的承办人或负责人可以申请延期');
      if (status === 'assigned') return refuse(ErrorCode.OutOfTurn, '请先签收再申请延期');
      if (!WORKING.includes(status))
        return refuse(ErrorCode.OutOfTurn, `当前状态为“${now}”，不能申请延期`);
      if (context.deadlinePassed)
        return refuse(ErrorCode.OutOfTurn, '完成时限已过，不能再申请延期，请联系督办员调整时限');
      if (context.extensionPending)
        return refuse(ErrorCode.OutOfTurn, '已有一项延期申请等待分管领导审批');
      return stay;
    case 'decide-extension':
      if (!isPointSupervisor(actor, parties))
        return refuse(ErrorCode.NotInRemit, '只有该要点的分管领导可以审批延期');
      if (!context.extensionPending) return refuse(ErrorCode.OutOfTurn, '没有待审批的延期申请');
      return stay;
    case 'acknowledge':
      if (!isLeadMember(actor, parties))
        return refuse(ErrorCode.NotInRemit, '只有牵头单位的承办人或负责人可以签收');
      if (status !== 'assigned')
        return refuse(ErrorCode.OutOfTurn, `当前状态为“${now}”，无需再签收`);
      return { allowed: true, to: 'acknowledged', signOff: null };
    case 'report':
      if (!isLeadMember(actor, parties))
        return refuse(ErrorCode.NotInRemit, '只有牵头单位的承办人或负责人可以报送进展');
      if (status === 'assigned') return refuse(ErrorCode.OutOfTurn, '请先签收再报送进展');
      if (status !== 'acknowledged' && status !== 'in_progress')
        return refuse(ErrorCode.OutOfTurn, `当前状态为“${now}”，不能报送进展`);
      return { allowed: true, to: 'in_progress', signOff: null };
    case 'submit':
      if (!isLeadMember(actor, parties))
        return refuse(ErrorCode.NotInRemit, '只有牵头单位的承办人或负责人可以申请办结');
      if (status === 'assigned') return refuse(ErrorCode.OutOfTurn, '请先签收再申请办结');
      if (status !== 'acknowledged' && status !== 'in_progress')
        return refuse(ErrorCode.OutOfTurn, `当前状态为“${now}”，不能申请办结`);
      return { allowed: true, to: 'submitted', signOff: null };
    case 'approve':
    case 'return': {
      const verb = action === 'approve' ? '审核' : '退回';
      if (
        action === 'approve' &&
        context.submittedBy &&
        context.submittedBy === actor.userId &&
        (status === 'submitted' || status === 'head_approved')
      )
        return refuse(
          ErrorCode.NotInRemit,
          '办结申请由您提交，不能由您本人审核（职责分离）：请由牵头单位其他负责人或分管领导审核',
        );
      if (status === 'submitted') {
        if (!isLeadHead(actor, parties))
          return refuse(
            isPointSupervisor(actor, parties) ? ErrorCode.OutOfTurn : ErrorCode.NotInRemit,
            `当前应由牵头单位负责人${verb}`,
          );
        return {
          allowed: true,
          to: action === 'approve' ? 'head_approved' : 'in_progress',
          signOff: 'head',
        };
      }
      if (status === 'head_approved') {
        if (!isPointSupervisor(actor, parties))
          return refuse(
            isLeadHead(actor, parties) ? ErrorCode.OutOfTurn : ErrorCode.NotInRemit,
            `当前应由该要点的分管领导${verb}`,
          );
        return {
          allowed: true,
          to: action === 'approve' ? 'completed' : 'in_progress',
          signOff: 'supervisor',
        };
      }
      if (!isLeadHead(actor, parties) && !isPointSupervisor(actor, parties))
        return refuse(ErrorCode.NotInRemit, `只有牵头单位负责人或分管领导可以${verb}`);
      return refuse(ErrorCode.OutOfTurn, `当前状态为“${now}”，没有待${verb}的办结申请`);
    }
  }
}
