import { ErrorCode } from '@workpoints/contracts';

/** A refusal with a code (mapped to an HTTP status in one place) and a message a person can act on. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.InvalidInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.NotInRemit]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.OutOfTurn]: 409,
  [ErrorCode.RequestIdReused]: 409,
  [ErrorCode.PlanState]: 409,
  [ErrorCode.WorkflowUnavailable]: 503,
};
