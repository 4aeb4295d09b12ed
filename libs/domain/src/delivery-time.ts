import { UnknownYearError, atShanghaiTime, type WorkCalendar } from '@workpoints/calendar';
import type { Channel, NotificationPreferences } from '@workpoints/contracts';
import { shanghaiDate } from './deadline';
import { inQuietHours, minutesOf } from './notification-preferences';

export interface DeliveryTimeInput {
  /** When the notification arises (workflow time of its transition). */
  at: Date;
  channel: Channel;
  /** Marked urgent by the coordinator: never held. */
  urgent: boolean;
  /** The recipient's preferences (a department's robot uses the defaults). */
  preferences: NotificationPreferences;
  calendar: WorkCalendar;
}

export interface DeliveryTime {
  /** Not to be handed to its channel before this instant. */
  notBefore: Date;
  /** Held for the recipient's daily digest. */
  digest: boolean;
}

/** Minutes since midnight of an instant in Asia/Shanghai. */
const shanghaiMinutes = (at: Date) => {
  const t = new Date(at.getTime() + 8 * 3_600_000);
  return t.getUTCHours() * 60 + t.getUTCMinutes();
};

/**
 * When a notification may go out. The inbox shows everything at once. Email and robots are
 * quiet at night (the recipient's quiet hours, overnight, 18:00–09:00 by default) and on
 * non-working days: what arises then is held until the end of the quiet hours on the next
 * working day. Email of a recipient who chose a daily digest waits for the digest time of the
 * first working day it can make. Urgent notifications are never held. A day in a year the
 * calendar does not know is not guessed at: the notification is not held.
 */
export function deliveryTime(input: DeliveryTimeInput): DeliveryTime {
  const { at, channel, urgent, preferences, calendar } = input;
  const now = { notBefore: at, digest: false };
  if (channel === 'inbox' || urgent) return now;
  try {
    const today = shanghaiDate(at);
    if (channel === 'email' && preferences.digestTime) {
      let day = calendar.isWorkday(today) ? today : calendar.nextWorkday(today);
      let slot = atShanghaiTime(day, preferences.digestTime);
      if (slot < at) {
        day = calendar.nextWorkday(day);
        slot = atShanghaiTime(day, preferences.digestTime);
      }
      return { notBefore: slot, digest: true };
    }
    const { to } = preferences.quietHours;
    const t = shanghaiMinutes(at);
    const quietNow = inQuietHours(preferences.quietHours, t);
    if (calendar.isWorkday(today) && !quietNow) return now;
    // the morning of a working day before the quiet hours end: later the same day
    if (calendar.isWorkday(today) && t < minutesOf(to))
      return { notBefore: atShanghaiTime(today, to), digest: false };
    return { notBefore: atShanghaiTime(calendar.nextWorkday(today), to), digest: false };
  } catch (error) {
    if (error instanceof UnknownYearError) return now;
    throw error;
  }
}
