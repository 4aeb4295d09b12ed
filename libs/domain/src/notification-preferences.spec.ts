import { DEFAULT_NOTIFICATION_PREFERENCES } from '@workpoints/contracts';
import {
  inQuietHours,
  minutesOf,
  notificationPreferences,
  notificationPreferencesProblems,
} from './notification-preferences';

describe('notification preferences', () => {
  it('take a full, valid choice and an empty one', () => {
    expect(
      notificationPreferencesProblems({
        channels: ['inbox', 'email'],
        kinds: { urged: ['inbox', 'email'], overdue: [] },
        digestTime: '08:30',
        quietHours: { from: '22:00', to: '07:30' },
      }),
    ).toEqual([]);
    expect(notificationPreferencesProblems({})).toEqual([]);
    expect(notificationPreferencesProblems({ digestTime: null })).toEqual([]);
  });

  it('name every problem in Chinese, field by field', () => {
    expect(
      notificationPreferencesProblems({
        channels: ['inbox', 'inbox', 'wecom'],
        kinds: { nope: ['inbox'], overdue: ['sms'], urged: ['email', 'email'] },
        digestTime: '8:30',
        quietHours: { from: '09:00', to: '18:00' },
        sound: true,
      }),
    ).toEqual([
      'channels 只能包含 inbox（站内消息）和 email（邮件）',
      'channels 不能重复',
      '未知的通知类型：nope',
      'overdue 只能包含 inbox（站内消息）和 email（邮件）',
      'urged 的渠道不能重复',
      'digestTime 应为 HH:MM（00:00–23:59），或为 null（逐条发送）',
      '免打扰时段应跨夜：开始时间须晚于结束时间（如 18:00 至次日 09:00）',
      '未知的通知设置字段：sound',
    ]);
    expect(notificationPreferencesProblems({ quietHours: { from: '24:00', to: '07:00' } })).toEqual(
      ['from 应为 HH:MM（00:00–23:59）'],
    );
    expect(notificationPreferencesProblems({ quietHours: '18:00-09:00' })).toEqual([
      'quietHours 应为对象，如 {"from": "18:00", "to": "09:00"}',
    ]);
    expect(notificationPreferencesProblems({ kinds: ['urged'] })).toEqual([
      '应为对象，如 {"urged": ["inbox", "email"]}',
    ]);
    expect(notificationPreferencesProblems({ channels: 'inbox' })).toEqual([
      'channels 应为数组，只能包含 inbox（站内消息）和 email（邮件）',
    ]);
    expect(notificationPreferencesProblems(null)).toEqual(['通知设置应为对象']);
  });

  it('refuse quiet hours that do not run overnight, even by a minute', () => {
    expect(notificationPreferencesProblems({ quietHours: { from: '09:00', to: '09:00' } })).toEqual(
      ['免打扰时段应跨夜：开始时间须晚于结束时间（如 18:00 至次日 09:00）'],
    );
    expect(notificationPreferencesProblems({ quietHours: { from: '09:01', to: '09:00' } })).toEqual(
      [],
    );
  });

  it('are quiet from the evening until the morning', () => {
    const quiet = { from: '18:00', to: '09:00' };
    expect(minutesOf('18:00')).toBe(1080);
    expect(inQuietHours(quiet, minutesOf('17:59'))).toBe(false);
    expect(inQuietHours(quiet, minutesOf('18:00'))).toBe(true);
    expect(inQuietHours(quiet, minutesOf('00:00'))).toBe(true);
    expect(inQuietHours(quiet, minutesOf('08:59'))).toBe(true);
    expect(inQuietHours(quiet, minutesOf('09:00'))).toBe(false);
  });

  it('fill what the user left out with the defaults', () => {
    expect(notificationPreferences(null)).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    expect(notificationPreferences({ digestTime: '17:30' })).toEqual({
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      digestTime: '17:30',
    });
  });
});
