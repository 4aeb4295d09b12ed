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
  'department-created',
  'department-changed',
  'keyword-rule-created',
  'keyword-rule-changed',
  'keyword-rule-deleted',
  /** A security setting changed (session timeouts, lock-out). */
  'settings-changed',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
