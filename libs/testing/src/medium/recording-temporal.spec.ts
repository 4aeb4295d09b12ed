import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { RecordingTemporalClient, updateRefusal } from './recording-temporal';

describe('RecordingTemporalClient', () => {
  it('records starts and refuses an id started before, as REJECT_DUPLICATE does', async () => {
    const temporal = new RecordingTemporalClient('queue-1');
    const client = await temporal.client();
    await client.workflow.start('workPoint', {
      taskQueue: 'queue-1',
      workflowId: 'a',
      args: [{ n: 1 }],
    });
    await expect(
      client.workflow.start('workPoint', {
        taskQueue: 'queue-1',
        workflowId: 'a',
        args: [{ n: 1 }],
      }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    expect(temporal.starts).toEqual([
      {
        kind: 'start',
        workflowType: 'workPoint',
        workflowId: 'a',
        taskQueue: 'queue-1',
        args: [{ n: 1 }],
        alreadyStarted: false,
      },
    ]);
    expect(temporal.calls.map((c) => c.kind === 'start' && c.alreadyStarted)).toEqual([
      false,
      true,
    ]);
    temporal.reset();
    // Started workflows stay started, as on a server.
    await expect(
      client.workflow.start('workPoint', { taskQueue: 'queue-1', workflowId: 'a' }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
  });

  it('records updates and queries with their arguments as JSON, answered by the responder', async () => {
    const temporal = new RecordingTemporalClient('q');
    temporal.respond((call) => ({ answered: call.kind }));
    const handle = (await temporal.client()).workflow.getHandle('wf-1');
    const at = new Date('2026-09-21T02:00:00Z');
    expect(await handle.executeUpdate('acknowledge', { args: [{ at }], updateId: 'r-1' })).toEqual({
      answered: 'update',
    });
    expect(await handle.query('getState')).toEqual({ answered: 'query' });
    expect(temporal.updates).toEqual([
      {
        kind: 'update',
        workflowId: 'wf-1',
        name: 'acknowledge',
        updateId: 'r-1',
        args: [{ at: '2026-09-21T02:00:00.000Z' }],
      },
    ]);
    expect(temporal.queries).toEqual([
      { kind: 'query', workflowId: 'wf-1', name: 'getState', args: [] },
    ]);
  });

  it('fails an update nobody answers, and refuses as a validator does', async () => {
    const temporal = new RecordingTemporalClient('q');
    const handle = (await temporal.client()).workflow.getHandle('wf-1');
    await expect(handle.executeUpdate('approve', { args: [{}] })).rejects.toThrow(
      'the test gave no answer to update approve',
    );
    const refusal = updateRefusal('OUT_OF_TURN', '当前应由牵头单位负责人审核');
    expect(refusal).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(refusal.cause).toBeInstanceOf(ApplicationFailure);
    expect(refusal.cause).toMatchObject({
      type: 'OUT_OF_TURN',
      message: '当前应由牵头单位负责人审核',
    });
  });
});
