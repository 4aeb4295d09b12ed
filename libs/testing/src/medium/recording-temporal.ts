import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { resolvePolicy, shanghaiDate } from '@workpoints/domain';
import type { WorkPointState } from '@workpoints/contracts';
import type { WorkPointEntity } from '@workpoints/persistence';

/** A workflow start the code under test asked for. */
export interface RecordedStart {
  kind: 'start';
  workflowType: string;
  workflowId: string;
  taskQueue: string;
  args: unknown[];
  /** A workflow of that id had been started before: Temporal refused it, and so did the fake. */
  alreadyStarted: boolean;
}

/** A Workflow Update sent to a workflow. */
export interface RecordedUpdate {
  kind: 'update';
  workflowId: string;
  name: string;
  updateId: string | undefined;
  args: unknown[];
}

/** A query of a workflow. */
export interface RecordedQuery {
  kind: 'query';
  workflowId: string;
  name: string;
  args: unknown[];
}

export type RecordedCall = RecordedStart | RecordedUpdate | RecordedQuery;

/**
 * The answer to a call: an update's or query's result (a start's is ignored). Throwing refuses
 * it, as the workflow or the server would: {@link updateRefusal} builds a validator's refusal.
 */
export type TemporalResponder = (call: RecordedCall) => unknown;

/**
 * Stands in for `TemporalClientService` (libs/temporal) in the medium tier: the one collaborator
 * the tier replaces. Every start, update and query is recorded as it would go over the wire
 * (arguments as JSON) and answered by the test's responder. Starting an id twice is refused with
 * `WorkflowExecutionAlreadyStartedError`, as REJECT_DUPLICATE has the server do.
 */
export class RecordingTemporalClient {
  readonly calls: RecordedCall[] = [];
  private responder: TemporalResponder = noAnswer;
  private readonly running = new Set<string>();

  constructor(readonly taskQueue: string) {}

  /** Accepted starts, in order. */
  get starts(): RecordedStart[] {
    return this.calls.filter((c): c is RecordedStart => c.kind === 'start' && !c.alreadyStarted);
  }

  get updates(): RecordedUpdate[] {
    return this.calls.filter((c): c is RecordedUpdate => c.kind === 'update');
  }

  get queries(): RecordedQuery[] {
    return this.calls.filter((c): c is RecordedQuery => c.kind === 'query');
  }

  /** How the next calls are answered, until the next `respond`. */
  respond(responder: TemporalResponder): void {
    this.responder = responder;
  }

  /** Forgets the calls and the responder; started workflows stay started, as on a server. */
  reset(): void {
    this.calls.length = 0;
    this.responder = noAnswer;
  }

  client(): Promise<Client> {
    const workflow = {
      start: async (
        type: string | { name: string },
        options: { workflowId: string; taskQueue: string; args?: unknown[] },
      ) => {
        const workflowType = typeof type === 'string' ? type : type.name;
        const call: RecordedStart = {
          kind: 'start',
          workflowType,
          workflowId: options.workflowId,
          taskQueue: options.taskQueue,
          args: wire(options.args ?? []),
          alreadyStarted: this.running.has(options.workflowId),
        };
        this.calls.push(call);
        if (call.alreadyStarted)
          throw new WorkflowExecutionAlreadyStartedError(
            'Workflow execution already started',
            options.workflowId,
            workflowType,
          );
        await this.responder(call);
        this.running.add(options.workflowId);
        return { workflowId: options.workflowId };
      },
      getHandle: (workflowId: string) => ({
        workflowId,
        executeUpdate: async (
          def: string | { name: string },
          options: { args?: unknown[]; updateId?: string } = {},
        ) => {
          const call: RecordedUpdate = {
            kind: 'update',
            workflowId,
            name: typeof def === 'string' ? def : def.name,
            updateId: options.updateId,
            args: wire(options.args ?? []),
          };
          this.calls.push(call);
          return this.responder(call);
        },
        query: async (def: string | { name: string }, ...args: unknown[]) => {
          const call: RecordedQuery = {
            kind: 'query',
            workflowId,
            name: typeof def === 'string' ? def : def.name,
            args: wire(args),
          };
          this.calls.push(call);
          return this.responder(call);
        },
      }),
    };
    // Only the surface the API uses; a service reaching for more fails loudly in the test.
    return Promise.resolve({ workflow } as unknown as Client);
  }

  /** Health's reachability check: the fake is always there. */
  ping(): Promise<void> {
    return Promise.resolve();
  }
}

const noAnswer: TemporalResponder = (call) => {
  if (call.kind === 'start') return undefined;
  throw new Error(`RecordingTemporalClient: the test gave no answer to ${call.kind} ${call.name}`);
};

/** Arguments as they reach a workflow: JSON, as Temporal's default payload converter sends them. */
function wire(args: unknown[]): unknown[] {
  return JSON.parse(JSON.stringify(args)) as unknown[];
}

/**
 * The failure a client sees when an update's validator refuses it: `WorkflowUpdateFailedError`
 * caused by an `ApplicationFailure` whose type is the refusal's code.
 */
export function updateRefusal(type: string, message: string): WorkflowUpdateFailedError {
  return new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message, nonRetryable: true }),
  );
}

/**
 * The workflow's state of a point as the read model has it, with `change` over it: what an
 * update or query of that point answers in a test.
 */
export function pointState(
  point: WorkPointEntity,
  change: Partial<WorkPointState> = {},
): WorkPointState {
  const deadline = point.deadline ?? '2026-12-31';
  return {
    pointId: point.id,
    planId: point.planId,
    number: point.number,
    status: point.status,
    risk: point.risk,
    overdue: point.overdue,
    deadline,
    effectiveDeadline: point.effectiveDeadline ?? deadline,
    leadDepartmentId: point.leadDepartmentId ?? '',
    coDepartmentIds: (point.coDepartments ?? []).map((d) => d.id),
    supervisorId: point.supervisorId ?? '',
    returnComment: null,
    version: point.version,
    appliedRequests: {},
    policy: resolvePolicy(point.policy),
    publishedOn: shanghaiDate(point.createdAt),
    suspended: point.suspended,
    reportMissedFor: null,
    reportDays: [],
    pendingExtension: point.pendingExtension,
    noticesThrough: point.createdAt.toISOString(),
    ...change,
  };
}
