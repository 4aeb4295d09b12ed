import type {
  ChangeDeadlineArgs,
  ChangePolicyArgs,
  ContributeArgs,
  DecideExtensionArgs,
  PointPolicy,
  ReassignArgs,
  ReportProgressArgs,
  RequestExtensionArgs,
  ReturnArgs,
  SteerArgs,
  SubmitCompletionArgs,
} from '@workpoints/contracts';
import { assignmentProblems } from './assignment';
import { isCalendarDate } from './deadline';
import { policyProblems, resolvePolicy } from './policy';
import { actualsProblems } from './targets';

/*
 * The argument checks of each action on a point, one Chinese sentence per problem, empty when
 * the arguments are fine. The workflow's update validators refuse with them (the authority)
 * and the API with the same words before it sends the Update. Who may act, and when, is
 * decide() in lifecycle.ts; these say only whether the arguments make sense.
 */

/** What the checks need besides the arguments. */
export interface ActionFacts {
  /** Today in Asia/Shanghai, `YYYY-MM-DD`. */
  today: string;
  /** The point's current deadline as assigned. */
  deadline: string | null;
}

/** Arguments as they arrive: the shape is checked here too, since a caller may send anything. */
type Unchecked<T> = { [K in keyof T]?: unknown };

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/** The target actuals of a report, against the point's number of targets when it is known. */
function actualsProblem(actuals: unknown, targetCount: number | null): string[] {
  const problems = actualsProblems(actuals, targetCount);
  return problems.length > 0 ? [`实际值有误：${problems.join('；')}`] : [];
}

/** A date the point moves to: a real date, not before today, later than the current deadline. */
function newDeadlineProblems(
  value: unknown,
  label: string,
  facts: ActionFacts,
  laterThanCurrent: boolean,
): string[] {
  if (typeof value !== 'string' || !isCalendarDate(value))
    return [`${label}应为 YYYY-MM-DD 格式的真实日期：${String(value)}`];
  const problems: string[] = [];
  if (value < facts.today) problems.push(`${label}不能早于今天（${facts.today}）：${value}`);
  if (laterThanCurrent && facts.deadline !== null && value <= facts.deadline)
    problems.push(`${label}（${value}）应晚于当前时限（${facts.deadline}）`);
  return problems;
}

/**
 * A progress report: text, a percentage of 0–100 or null, and actuals naming the point's
 * targets (by index; the range only when `targetCount` is known, as the workflow holds none).
 */
export function reportProblems(
  args: Unchecked<Pick<ReportProgressArgs, 'text' | 'percent' | 'actuals'>>,
  targetCount: number | null = null,
): string[] {
  const problems: string[] = [];
  if (blank(args.text)) problems.push('进展内容不能为空');
  const { percent } = args;
  if (
    percent !== null &&
    !(typeof percent === 'number' && Number.isInteger(percent) && percent >= 0 && percent <= 100)
  )
    problems.push('完成百分比应为 0 到 100 的整数');
  return [...problems, ...actualsProblem(args.actuals, targetCount)];
}

/** A submission of completion (申请办结): what was done, and the final actuals. */
export function submitProblems(
  args: Unchecked<Pick<SubmitCompletionArgs, 'text' | 'actuals'>>,
  targetCount: number | null = null,
): string[] {
  return [
    ...(blank(args.text) ? ['办结情况说明不能为空'] : []),
    ...actualsProblem(args.actuals, targetCount),
  ];
}

/** A return (退回) says what to rework. */
export function returnProblems(args: Unchecked<Pick<ReturnArgs, 'comment'>>): string[] {
  return blank(args.comment) ? ['退回时必须填写意见'] : [];
}

/** A co-department's contribution (配合材料) has content. */
export function contributeProblems(args: Unchecked<Pick<ContributeArgs, 'text'>>): string[] {
  return blank(args.text) ? ['配合材料内容不能为空'] : [];
}

/** An extension request: a real date from today on, later than the deadline, and why. */
export function requestExtensionProblems(
  args: Unchecked<Pick<RequestExtensionArgs, 'deadline' | 'reason'>>,
  facts: ActionFacts,
): string[] {
  return [
    ...newDeadlineProblems(args.deadline, '申请延期至', facts, true),
    ...(blank(args.reason) ? ['申请延期须说明理由'] : []),
  ];
}

/**
 * The supervisor's decision: approving moves the deadline to the date given or else the one
 * asked for (`requested`), which must be later than the current one; refusing says why.
 */
export function decideExtensionProblems(
  args: Unchecked<Pick<DecideExtensionArgs, 'approve' | 'deadline' | 'comment'>>,
  facts: ActionFacts & { requested: string | null },
): string[] {
  if (typeof args.approve !== 'boolean') return ['请选择同意或不同意延期'];
  if (!args.approve) return blank(args.comment) ? ['不同意延期时必须填写意见'] : [];
  return newDeadlineProblems(args.deadline ?? facts.requested, '延期后的时限', facts, true);
}

/** A suspension (暂停) says why. */
export function suspendProblems(args: Unchecked<Pick<SteerArgs, 'reason'>>): string[] {
  return blank(args.reason) ? ['暂停须说明理由'] : [];
}

/** A resumption may say why, as text. */
export function resumeProblems(args: Unchecked<Pick<SteerArgs, 'reason'>>): string[] {
  return args.reason === undefined || args.reason === null || typeof args.reason === 'string'
    ? []
    : ['恢复的说明应为文字'];
}

/** A cancellation (取消) says why. */
export function cancelProblems(args: Unchecked<Pick<SteerArgs, 'reason'>>): string[] {
  return blank(args.reason) ? ['取消须说明理由'] : [];
}

/** A re-assignment names the lead, the co-departments (an empty list for none) and the supervisor. */
export function reassignProblems(
  args: Unchecked<Pick<ReassignArgs, 'leadDepartmentId' | 'coDepartmentIds' | 'supervisorId'>>,
): string[] {
  return assignmentProblems({
    leadDepartmentId: args.leadDepartmentId,
    supervisorId: args.supervisorId,
    coDepartmentIds: args.coDepartmentIds ?? null,
  });
}

/** A new deadline set by the coordinator: a real date from today on, and why. */
export function changeDeadlineProblems(
  args: Unchecked<Pick<ChangeDeadlineArgs, 'deadline' | 'reason'>>,
  facts: ActionFacts,
): string[] {
  return [
    ...newDeadlineProblems(args.deadline, '新的完成时限', facts, false),
    ...(blank(args.reason) ? ['调整完成时限须说明理由'] : []),
  ];
}

/**
 * A change of policy, as one sentence listing its problems: each field valid on its own and,
 * merged into the policy beneath it (`current`, every layer resolved), valid as a whole. For
 * a running point, a draft point or plan, and a simulation plan alike.
 */
export function policyChangeProblems(change: unknown, current: PointPolicy): string[] {
  let problems = policyProblems(change);
  if (problems.length === 0)
    problems = policyProblems(resolvePolicy(current, change as Partial<PointPolicy>));
  return problems.length > 0 ? [`督办规则有误：${problems.join('；')}`] : [];
}

/** The coordinator's change of a running point's policy: at least one field, then as above. */
export function changePolicyProblems(
  args: Unchecked<Pick<ChangePolicyArgs, 'policy'>>,
  current: PointPolicy,
): string[] {
  const { policy } = args;
  if (
    typeof policy === 'object' &&
    policy !== null &&
    !Array.isArray(policy) &&
    Object.keys(policy).length === 0
  )
    return ['请至少给出一项要修改的督办规则'];
  return policyChangeProblems(policy, current);
}
