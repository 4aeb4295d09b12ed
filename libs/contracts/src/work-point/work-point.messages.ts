import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AcknowledgeArgs,
  ApproveArgs,
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

export const getStateQuery = defineQuery<WorkPointState>('getState');

export const WORK_POINT_WORKFLOW_TYPE = 'workPointWorkflow';
