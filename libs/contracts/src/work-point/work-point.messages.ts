import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AcknowledgeArgs,
  ApproveArgs,
  ChangeDeadlineArgs,
  ChangePolicyArgs,
  ContributeArgs,
  DecideExtensionArgs,
  ReassignArgs,
  RequestExtensionArgs,
  SteerArgs,
  ReportProgressArgs,
  ReturnArgs,
  SubmitCompletionArgs,
  WorkPointState,
} from './work-point.types';

/** Messages of the work-point workflow. Each update's id is the client's request id. */
export const acknowledgeUpdate = defineUpdate<WorkPointState, [AcknowledgeArgs]>('acknowledge');
export const reportProgressUpdate = defineUpdate<WorkPointState, [ReportProgressArgs]>(
  'reportProgress',
);
export const submitCompletionUpdate = defineUpdate<WorkPointState, [SubmitCompletionArgs]>(
  'submitCompletion',
);
export const approveUpdate = defineUpdate<WorkPointState, [ApproveArgs]>('approve');
export const returnUpdate = defineUpdate<WorkPointState, [ReturnArgs]>('return');

export const contributeUpdate = defineUpdate<WorkPointState, [ContributeArgs]>('contribute');
export const requestExtensionUpdate = defineUpdate<WorkPointState, [RequestExtensionArgs]>(
  'requestExtension',
);
export const decideExtensionUpdate = defineUpdate<WorkPointState, [DecideExtensionArgs]>(
  'decideExtension',
);
export const suspendUpdate = defineUpdate<WorkPointState, [SteerArgs]>('suspend');
export const resumeUpdate = defineUpdate<WorkPointState, [SteerArgs]>('resume');
export const cancelUpdate = defineUpdate<WorkPointState, [SteerArgs]>('cancel');
export const reassignUpdate = defineUpdate<WorkPointState, [ReassignArgs]>('reassign');
export const changeDeadlineUpdate = defineUpdate<WorkPointState, [ChangeDeadlineArgs]>(
  'changeDeadline',
);
export const changePolicyUpdate = defineUpdate<WorkPointState, [ChangePolicyArgs]>('changePolicy');

export const getStateQuery = defineQuery<WorkPointState>('getState');

export const WORK_POINT_WORKFLOW_TYPE = 'workPointWorkflow';
