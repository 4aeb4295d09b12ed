/**
 * Error codes shared by the API, the workflows and the worker. A refused action carries one
 * of these as the `type` of its ApplicationFailure, and the API maps it to an HTTP status in
 * one place (apps/api `domain-exception.filter.ts`).
 */
export enum ErrorCode {
  /** Input is malformed: a wrong type, an unknown field, an impossible date. */
  InvalidInput = 'INVALID_INPUT',
  /** Not logged in, or the token is invalid or expired. */
  Unauthenticated = 'UNAUTHENTICATED',
  /** The actor's role or department does not cover this point. */
  NotInRemit = 'NOT_IN_REMIT',
  /** The action is valid in general, but not in the point's current state. */
  OutOfTurn = 'OUT_OF_TURN',
  /** A request id was reused for a different action. */
  RequestIdReused = 'REQUEST_ID_REUSED',
  NotFound = 'NOT_FOUND',
  /** The plan is in a state that forbids the change (e.g. editing a published plan). */
  PlanState = 'PLAN_STATE',
  /** Temporal could not be reached or did not answer in time. */
  WorkflowUnavailable = 'WORKFLOW_UNAVAILABLE',
  /** A new or reset account must set its own password before anything else. */
  PasswordChangeRequired = 'PASSWORD_CHANGE_REQUIRED',
  /** Too many sign-in attempts from one address or for one user name in a short time. */
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  /** The account is locked after repeated failed sign-ins. */
  AccountLocked = 'ACCOUNT_LOCKED',
  /** The server is too busy to take the request now (password hashing queue full). */
  Overloaded = 'OVERLOADED',
}

/** A refusal that crosses process boundaries: the code says what, the message says why (zh-CN). */
export interface RefusalDetails {
  code: ErrorCode;
  message: string;
}
