/**
 * Security events (安全事件): who did what to whose access, when and from where. Kept apart from
 * the audit trail of the work itself, and read by admins.
 */
export const SECURITY_EVENT_KINDS = [
  /** A successful sign-in (password or single sign-on). */
  'sign-in',
  /** A failed sign-in: unknown user, wrong password, deactivated or locked account. */
  'sign-in-failed',
  /** An account locked after repeated failed sign-ins. */
  'locked-out',
  'signed-out',
  /** A request refused with 401, 403 or 409, with the rule that refused it. */
  'refused',
  'account-created',
  /** Roles, department, name or other account fields changed. */
  'account-changed',
  'account-deactivated',
  'account-reactivated',
  'account-unlocked',
  'password-changed',
  'password-reset',
  /** Sessions ended by the user ("sign out everywhere") or an admin. */
  'sessions-revoked',
  /**
   * A refresh token presented again after it was rotated: someone holds a copy, so the whole
   * session (its token family) was revoked.
   */
  'refresh-token-reused',
  'department-created',
  'department-changed',
  'keyword-rule-created',
  'keyword-rule-changed',
  'keyword-rule-deleted',
  /** A security setting changed (session timeouts, lock-out). */
  'settings-changed',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** How a session was opened: a password, or the office's identity platform (OpenID Connect). */
export const SIGN_IN_METHODS = ['password', 'sso'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** What a one-time ticket opens: a URL that cannot carry an Authorization header. */
export const TICKET_PURPOSES = ['inbox-stream', 'queue-board'] as const;
export type TicketPurpose = (typeof TICKET_PURPOSES)[number];

/** Session and lock-out settings an admin may change (安全设置). */
export interface SecuritySettings {
  /** A session unused this long ends (minutes). */
  idleTimeoutMinutes: number;
  /** A session ends this long after sign-in, used or not (hours). */
  absoluteTimeoutHours: number;
  /** Failed password sign-ins in a row that lock the account. */
  lockoutThreshold: number;
  /** The first lock-out's length (minutes); each further one in a row doubles it, up to a day. */
  lockoutMinutes: number;
}
