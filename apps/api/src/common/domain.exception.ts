import { ErrorCode } from '@workpoints/contracts';

/** A refusal with a code (mapped to an HTTP status in one place) and a message a person can act on. */
export class DomainException extends Error {
  /**
   * Already written as a security event of its own (a failed sign-in, a lock-out), so the
   * exception filter does not record it a second time as a refusal.
   */
  recorded = false;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainException';
  }

  /** Marks the refusal as recorded by whoever threw it (see `recorded`). */
  alreadyRecorded(): this {
    this.recorded = true;
    return this;
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
  [ErrorCode.PasswordChangeRequired]: 403,
  [ErrorCode.TooManyAttempts]: 429,
  [ErrorCode.AccountLocked]: 423,
  [ErrorCode.Overloaded]: 503,
};
