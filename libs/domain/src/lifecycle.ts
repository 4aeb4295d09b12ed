import {
  ErrorCode,
  type Actor,
  type PointAction,
  type PointParties,
  type PointStatus,
  type SignOffLevel,
} from '@workpoints/contracts';
import { STATUS_LABELS } from './labels';

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
): Decision {
  const now = STATUS_LABELS[status];
  switch (action) {
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
