import type {
  SecurityEventKind,
  SecuritySettings,
  SignInMethod,
  TicketPurpose,
} from '@workpoints/contracts';

/** The Chinese name of each security event (安全事件), for the admins' page and the export. */
export const SECURITY_EVENT_LABELS: Record<SecurityEventKind, string> = {
  'sign-in': '登录成功',
  'sign-in-failed': '登录失败',
  'locked-out': '账号锁定',
  'signed-out': '退出登录',
  refused: '请求被拒绝',
  'account-created': '新增账号',
  'account-changed': '修改账号',
  'account-deactivated': '停用账号',
  'account-reactivated': '启用账号',
  'account-unlocked': '解除锁定',
  'password-changed': '修改密码',
  'password-reset': '重置密码',
  'sessions-revoked': '结束会话',
  'refresh-token-reused': '刷新令牌重复使用',
  'department-created': '新增单位',
  'department-changed': '修改单位',
  'keyword-rule-created': '新增关键词规则',
  'keyword-rule-changed': '修改关键词规则',
  'keyword-rule-deleted': '删除关键词规则',
  'settings-changed': '修改安全设置',
};

export const SIGN_IN_METHOD_LABELS: Record<SignInMethod, string> = {
  password: '密码登录',
  sso: '统一身份认证',
};

export const TICKET_PURPOSE_LABELS: Record<TicketPurpose, string> = {
  'inbox-stream': '站内消息推送',
  'queue-board': '队列看板',
};

/**
 * The settings a fresh installation starts with: a session ends after 30 minutes unused or 12
 * hours after sign-in (ASVS 5.0 V7.3), five failed sign-ins in a row lock an account for 15
 * minutes, and each further lock-out in a row doubles that.
 */
export const DEFAULT_SECURITY_SETTINGS: Readonly<SecuritySettings> = Object.freeze({
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
});

/** What an admin may set each setting to. */
export const SECURITY_SETTING_BOUNDS: Record<keyof SecuritySettings, [number, number]> = {
  idleTimeoutMinutes: [5, 24 * 60],
  absoluteTimeoutHours: [1, 30 * 24],
  lockoutThreshold: [3, 20],
  lockoutMinutes: [1, 24 * 60],
};

const SETTING_NAMES: Record<keyof SecuritySettings, string> = {
  idleTimeoutMinutes: '空闲超时（分钟）',
  absoluteTimeoutHours: '会话最长时间（小时）',
  lockoutThreshold: '锁定前允许的连续失败次数',
  lockoutMinutes: '首次锁定时长（分钟）',
};

/** What is wrong with a set of security settings, in Chinese; empty when nothing is. */
export function securitySettingsProblems(settings: SecuritySettings): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(SECURITY_SETTING_BOUNDS) as (keyof SecuritySettings)[]) {
    const [min, max] = SECURITY_SETTING_BOUNDS[key];
    const value = settings[key];
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(`${SETTING_NAMES[key]}应为 ${min} 到 ${max} 之间的整数`);
  }
  if (settings.idleTimeoutMinutes > settings.absoluteTimeoutHours * 60)
    problems.push('空闲超时不能长于会话最长时间');
  return problems;
}

/** The longest a lock-out lasts, however many came before it. */
export const LOCKOUT_MAX_MINUTES = 24 * 60;

/** An account's record of failed sign-ins. */
export interface SignInFailures {
  /** Failed sign-ins since the last success or lock-out. */
  failedSignIns: number;
  /** Lock-outs in a row since the last successful sign-in. */
  lockouts: number;
}

export type FailureOutcome =
  | { locked: false; failedSignIns: number; lockouts: number }
  | { locked: true; failedSignIns: 0; lockouts: number; lockedUntil: Date; minutes: number };

/**
 * What one more failed sign-in does: counts it, and at the threshold locks the account —
 * `lockoutMinutes` the first time, doubling with each lock-out in a row, at most a day. The
 * count starts again after a lock-out; only a successful sign-in (or an admin) clears the
 * lock-outs in a row.
 */
export function afterFailedSignIn(
  record: SignInFailures,
  settings: Pick<SecuritySettings, 'lockoutThreshold' | 'lockoutMinutes'>,
  now: Date,
): FailureOutcome {
  const failedSignIns = record.failedSignIns + 1;
  if (failedSignIns < settings.lockoutThreshold)
    return { locked: false, failedSignIns, lockouts: record.lockouts };
  const minutes = Math.min(settings.lockoutMinutes * 2 ** record.lockouts, LOCKOUT_MAX_MINUTES);
  return {
    locked: true,
    failedSignIns: 0,
    lockouts: record.lockouts + 1,
    lockedUntil: new Date(now.getTime() + minutes * 60_000),
    minutes,
  };
}

/** Why a session has ended by time, or null while it lasts. */
export type SessionTimeout = 'idle' | 'absolute';

export function sessionTimeout(
  session: { createdAt: Date; lastUsedAt: Date },
  settings: Pick<SecuritySettings, 'idleTimeoutMinutes' | 'absoluteTimeoutHours'>,
  now: Date,
): SessionTimeout | null {
  if (now.getTime() >= sessionExpiry(session.createdAt, settings).getTime()) return 'absolute';
  if (now.getTime() - session.lastUsedAt.getTime() >= settings.idleTimeoutMinutes * 60_000)
    return 'idle';
  return null;
}

/** When a session opened at `createdAt` ends, used or not. */
export function sessionExpiry(
  createdAt: Date,
  settings: Pick<SecuritySettings, 'absoluteTimeoutHours'>,
): Date {
  return new Date(createdAt.getTime() + settings.absoluteTimeoutHours * 3_600_000);
}

export const SESSION_TIMEOUT_MESSAGES: Record<SessionTimeout, string> = {
  idle: '长时间未操作，登录已结束，请重新登录',
  absolute: '登录时间已达上限，请重新登录',
};

/** `2026年3月2日 09:15`: an instant to the minute in Asia/Shanghai (UTC+8, no summer time). */
export function shanghaiMinute(instant: Date): string {
  const s = new Date(instant.getTime() + 8 * 3600_000).toISOString();
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 16)}`;
}

/** What a locked account's sign-in is told: until when, and who can lift it. */
export function lockoutMessage(until: Date): string {
  return `连续登录失败次数过多，账号已锁定至 ${shanghaiMinute(until)}，请届时再试，或联系系统管理员解锁`;
}
