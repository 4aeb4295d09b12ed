import {
  DEFAULT_SECURITY_SETTINGS,
  afterFailedSignIn,
  lockoutMessage,
  securitySettingsProblems,
  sessionExpiry,
  sessionTimeout,
} from './security';

const now = new Date('2026-03-02T01:00:00.000Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('afterFailedSignIn', () => {
  const settings = { lockoutThreshold: 5, lockoutMinutes: 15 };

  it('counts failures below the threshold without locking', () => {
    expect(afterFailedSignIn({ failedSignIns: 3, lockouts: 0 }, settings, now)).toEqual({
      locked: false,
      failedSignIns: 4,
      lockouts: 0,
    });
  });

  it('locks at the fifth failure for 15 minutes and starts the count again', () => {
    expect(afterFailedSignIn({ failedSignIns: 4, lockouts: 0 }, settings, now)).toEqual({
      locked: true,
      failedSignIns: 0,
      lockouts: 1,
      lockedUntil: minutes(15),
      minutes: 15,
    });
  });

  it('doubles each lock-out in a row: 30, 60, … minutes, never more than a day', () => {
    const lock = (lockouts: number) =>
      afterFailedSignIn({ failedSignIns: 4, lockouts }, settings, now);
    expect(lock(1)).toMatchObject({ minutes: 30, lockedUntil: minutes(30), lockouts: 2 });
    expect(lock(2)).toMatchObject({ minutes: 60, lockedUntil: minutes(60) });
    expect(lock(6)).toMatchObject({ minutes: 960 });
    expect(lock(7)).toMatchObject({ minutes: 1440, lockedUntil: minutes(1440) });
    expect(lock(30)).toMatchObject({ minutes: 1440 });
  });
});

describe('sessionTimeout', () => {
  const settings = { idleTimeoutMinutes: 30, absoluteTimeoutHours: 12 };
  const opened = new Date('2026-03-01T20:00:00.000Z');

  it('lasts while used within the idle time and before the absolute end', () => {
    expect(sessionTimeout({ createdAt: opened, lastUsedAt: minutes(-29) }, settings, now)).toBe(
      null,
    );
  });

  it('ends after 30 minutes unused', () => {
    expect(sessionTimeout({ createdAt: opened, lastUsedAt: minutes(-30) }, settings, now)).toBe(
      'idle',
    );
  });

  it('ends 12 hours after sign-in however busy', () => {
    expect(sessionExpiry(opened, settings)).toEqual(new Date('2026-03-02T08:00:00.000Z'));
    const late = new Date('2026-03-02T08:00:00.000Z');
    expect(sessionTimeout({ createdAt: opened, lastUsedAt: late }, settings, late)).toBe(
      'absolute',
    );
  });
});

describe('securitySettingsProblems', () => {
  it('accepts the defaults', () => {
    expect(securitySettingsProblems({ ...DEFAULT_SECURITY_SETTINGS })).toEqual([]);
  });

  it('names each setting out of bounds, and an idle time past the session’s end', () => {
    expect(
      securitySettingsProblems({
        idleTimeoutMinutes: 2,
        absoluteTimeoutHours: 1,
        lockoutThreshold: 1.5,
        lockoutMinutes: 15,
      }),
    ).toEqual([
      '空闲超时（分钟）应为 5 到 1440 之间的整数',
      '锁定前允许的连续失败次数应为 3 到 20 之间的整数',
    ]);
    expect(
      securitySettingsProblems({
        idleTimeoutMinutes: 120,
        absoluteTimeoutHours: 1,
        lockoutThreshold: 5,
        lockoutMinutes: 15,
      }),
    ).toEqual(['空闲超时不能长于会话最长时间']);
  });
});

describe('lockoutMessage', () => {
  it('says until when in Shanghai time, to the minute', () => {
    expect(lockoutMessage(new Date('2026-03-01T16:05:30.000Z'))).toBe(
      '连续登录失败次数过多，账号已锁定至 2026年3月2日 00:05，请届时再试，或联系系统管理员解锁',
    );
  });
});
