import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  NOTIFICATION_KINDS,
  type NotificationPreferences,
  type PersonalChannel,
} from '@workpoints/contracts';

/** The channels a person chooses between (robots belong to departments). */
export const PERSONAL_CHANNELS = ['inbox', 'email'] as const satisfies readonly PersonalChannel[];

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CHANNELS_MESSAGE = '只能包含 inbox（站内消息）和 email（邮件）';

/** A wall-clock time `HH:MM`, 00:00–23:59. */
export function isClockTime(value: unknown): value is string {
  return typeof value === 'string' && CLOCK_TIME.test(value);
}

/** Minutes since midnight of a clock time `HH:MM`. */
export const minutesOf = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether a minute of the day falls in the quiet hours. Quiet hours run overnight (they begin
 * in the evening and end the next morning), so the minute is quiet from `from` to midnight and
 * from midnight until `to`.
 */
export function inQuietHours(quietHours: { from: string; to: string }, minute: number): boolean {
  return minute >= minutesOf(quietHours.from) || minute < minutesOf(quietHours.to);
}

const isChannelList = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.every((c) => (PERSONAL_CHANNELS as readonly unknown[]).includes(c));

type Check = (value: unknown) => string[];

/**
 * One check per preference field, each returning what is wrong in Chinese (empty when it is
 * valid); the API's request validation reports them field by field.
 */
export const NOTIFICATION_PREFERENCE_CHECKS: Record<keyof NotificationPreferences, Check> = {
  channels: (value) => {
    if (!Array.isArray(value)) return [`channels 应为数组，${CHANNELS_MESSAGE}`];
    return [
      ...(isChannelList(value) ? [] : [`channels ${CHANNELS_MESSAGE}`]),
      ...(new Set(value).size === value.length ? [] : ['channels 不能重复']),
    ];
  },
  kinds: (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return ['应为对象，如 {"urged": ["inbox", "email"]}'];
    return Object.entries(value).flatMap(([kind, channels]) => {
      if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind))
        return [`未知的通知类型：${kind}`];
      if (!isChannelList(channels)) return [`${kind} ${CHANNELS_MESSAGE}`];
      return new Set(channels).size === channels.length ? [] : [`${kind} 的渠道不能重复`];
    });
  },
  digestTime: (value) =>
    value === null || isClockTime(value)
      ? []
      : ['digestTime 应为 HH:MM（00:00–23:59），或为 null（逐条发送）'],
  quietHours: (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return ['quietHours 应为对象，如 {"from": "18:00", "to": "09:00"}'];
    const { from, to } = value as { from?: unknown; to?: unknown };
    const problems = [
      ...(isClockTime(from) ? [] : ['from 应为 HH:MM（00:00–23:59）']),
      ...(isClockTime(to) ? [] : ['to 应为 HH:MM（00:00–23:59）']),
    ];
    // Only two valid times can be compared.
    if (problems.length === 0 && !(minutesOf(from as string) > minutesOf(to as string)))
      problems.push('免打扰时段应跨夜：开始时间须晚于结束时间（如 18:00 至次日 09:00）');
    return problems;
  },
};

/**
 * What is wrong with a user's (partial) notification preferences, one Chinese sentence per
 * problem; empty when they are valid. A field left out takes its default; an unknown field is
 * a problem, so a typo never silently does nothing.
 */
export function notificationPreferencesProblems(partial: unknown): string[] {
  if (partial === null || typeof partial !== 'object' || Array.isArray(partial))
    return ['通知设置应为对象'];
  return Object.entries(partial).flatMap(([field, value]) => {
    if (value === undefined) return [];
    const check = NOTIFICATION_PREFERENCE_CHECKS[field as keyof NotificationPreferences] as
      Check | undefined;
    return check ? check(value) : [`未知的通知设置字段：${field}`];
  });
}

/** The user's preferences over the defaults. */
export function notificationPreferences(
  own: Partial<NotificationPreferences> | null | undefined,
): NotificationPreferences {
  return { ...DEFAULT_NOTIFICATION_PREFERENCES, ...(own ?? {}) };
}
