import type { UpdateDefinition } from '@temporalio/common';
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  setHandler,
} from '@temporalio/workflow';
import {
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
  type PointAction,
  type WorkPointInput,
  type WorkPointState,
} from '@workpoints/contracts';
import {
  cancelProblems,
  changeDeadlineProblems,
  changePolicyProblems,
  contributeProblems,
  decideExtensionProblems,
  reassignProblems,
  reportProblems,
  requestExtensionProblems,
  resumeProblems,
  returnProblems,
  submitProblems,
  suspendProblems,
} from '@workpoints/domain';
import { WorkPoint, type ActionArgs } from './work-point/work-point';

/**
 * One Update of the point: the action it is for the lifecycle rule, its argument checks and
 * what the point does with it. Registering binds it to the point of this run.
 */
function update<A extends ActionArgs>(
  definition: UpdateDefinition<WorkPointState, [A]>,
  action: PointAction,
  handle: (point: WorkPoint, args: A) => Promise<WorkPointState>,
  problems?: (point: WorkPoint, args: A) => string[],
) {
  return (point: WorkPoint): void =>
    setHandler(definition, (args) => handle(point, args), {
      validator: (args) => point.validate(action, args, problems && (() => problems(point, args))),
    });
}

/**
 * Runs started with this patch refuse a sign-off by whoever submitted the completion; earlier
 * runs keep approving as they did (`histories/work-point-head-self-approved.json`).
 */
export const SEPARATION_OF_DUTIES_PATCH = 'separation-of-duties';

/** Every human action on a point, in the order the handlers are registered. */
const UPDATES = [
  update(acknowledgeUpdate, 'acknowledge', (p, a) => p.acknowledge(a)),
  update(
    reportProgressUpdate,
    'report',
    (p, a) => p.report(a),
    (_, a) => reportProblems(a),
  ),
  update(
    submitCompletionUpdate,
    'submit',
    (p, a) => p.submit(a),
    (_, a) => submitProblems(a),
  ),
  update(approveUpdate, 'approve', (p, a) => p.approve(a)),
  update(
    returnUpdate,
    'return',
    (p, a) => p.returnForRework(a),
    (_, a) => returnProblems(a),
  ),
  update(
    contributeUpdate,
    'contribute',
    (p, a) => p.contribute(a),
    (_, a) => contributeProblems(a),
  ),
  update(
    requestExtensionUpdate,
    'request-extension',
    (p, a) => p.requestExtension(a),
    (p, a) => requestExtensionProblems(a, p.facts()),
  ),
  update(
    decideExtensionUpdate,
    'decide-extension',
    (p, a) => p.decideExtension(a),
    (p, a) =>
      decideExtensionProblems(a, {
        ...p.facts(),
        requested: p.state.pendingExtension?.deadline ?? null,
      }),
  ),
  update(
    suspendUpdate,
    'suspend',
    (p, a) => p.suspend(a),
    (_, a) => suspendProblems(a),
  ),
  update(
    resumeUpdate,
    'resume',
    (p, a) => p.resume(a),
    (_, a) => resumeProblems(a),
  ),
  update(
    cancelUpdate,
    'cancel',
    (p, a) => p.cancel(a),
    (_, a) => cancelProblems(a),
  ),
  update(
    reassignUpdate,
    'reassign',
    (p, a) => p.reassign(a),
    (_, a) => reassignProblems(a),
  ),
  update(
    changeDeadlineUpdate,
    'change-deadline',
    (p, a) => p.changeDeadline(a),
    (p, a) => changeDeadlineProblems(a, p.facts()),
  ),
  update(
    changePolicyUpdate,
    'change-policy',
    (p, a) => p.changePolicy(a),
    (p, a) => changePolicyProblems(a, p.state.policy),
  ),
];

/**
 * One published work point, from assignment to completion (办结) or cancellation. The workflow
 * is the source of truth for the point's lifecycle and the only clock that chases it: every
 * reminder, missed-report flag, overdue turn and escalation is a durable timer planned from
 * the point's policy and the working-day calendar (data loaded by an activity, never read from
 * a clock or a package at run time). Every transition is recorded by one activity into the
 * read model, the audit table and the notice outbox. Human actions arrive as Updates whose
 * validators apply the lifecycle rule from libs/domain, so a refused action never enters the
 * history.
 */
export async function workPointWorkflow(
  input: WorkPointInput,
  carried?: WorkPointState,
): Promise<WorkPointState> {
  // Patches are asked for once, before any Update can arrive (validators may not add commands).
  const point = new WorkPoint(input, carried, patched(SEPARATION_OF_DUTIES_PATCH));
  setHandler(getStateQuery, () => point.snapshot());
  for (const register of UPDATES) register(point);

  // Every await below is placed as the recorded histories expect: an extra one (an async
  // wrapper, say) reorders commands against update handlers running in the same activation.
  if (!carried) await point.publish();
  point.followCalendar(await point.ensureCalendar(point.state.deadline, true));

  // The chase: wait for the next notice (or change of colour), unless someone acts first.
  const interrupted = () => point.changed || point.closed() || point.wantsContinueAsNew();
  while (!point.closed() && !point.wantsContinueAsNew()) {
    if (point.state.suspended) {
      await condition(() => !point.state.suspended || point.closed() || point.wantsContinueAsNew());
      continue;
    }
    const calendar = await point.ensureCalendar();
    point.followCalendar(calendar);
    await point.catchUpOverdue();
    if (point.refreshRisk()) await point.recordRisk();
    const wake = point.nextWake(calendar);
    point.changed = false;
    if (!wake) {
      await condition(interrupted);
      point.passOver(wake);
      continue;
    }
    const timeout = wake.at - Date.now();
    if (
      (timeout > 0 && (await condition(interrupted, timeout))) ||
      interrupted() ||
      point.state.suspended
    ) {
      point.passOver(wake);
      continue;
    }
    if (wake.refresh) await point.ensureCalendar(point.state.deadline, true);
    else await point.fire(wake);
  }

  await condition(allHandlersFinished);
  await point.settled();
  if (!point.closed()) return continueAsNew<typeof workPointWorkflow>(input, point.snapshot());
  return point.snapshot();
}
