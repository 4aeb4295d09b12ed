import { WorkCalendar, buildCalendarData } from '@workpoints/calendar';
import { DEFAULT_NOTIFICATION_PREFERENCES, type Channel } from '@workpoints/contracts';
import { deliveryTime } from './delivery-time';
import { notificationPreferences } from './notification-preferences';

// 2024: 劳动节 05-01…05-05 off, Saturday 05-11 worked; 04-30 is a Tuesday.
const calendar = new WorkCalendar(buildCalendarData([2024]));
const at = (local: string) => new Date(`${local}+08:00`);
const when = (local: string, channel: Channel = 'email', more = {}) => {
  const r = deliveryTime({
    at: at(local),
    channel,
    urgent: false,
    preferences: DEFAULT_NOTIFICATION_PREFERENCES,
    calendar,
    ...more,
  });
  return { notBefore: r.notBefore.toISOString(), digest: r.digest };
};

describe('deliveryTime', () => {
  it('sends at once in working hours on a working day', () => {
    expect(when('2024-04-30T10:00:00')).toEqual({
      notBefore: at('2024-04-30T10:00:00').toISOString(),
      digest: false,
    });
  });

  it('holds the evening, the holiday and the night until 09:00 of the next working day', () => {
    const monday = at('2024-05-06T09:00:00').toISOString();
    expect(when('2024-04-30T21:30:00').notBefore).toBe(monday); // evening before 劳动节
    expect(when('2024-05-03T11:00:00', 'dingtalk').notBefore).toBe(monday); // holiday
    expect(when('2024-05-06T07:15:00').notBefore).toBe(monday); // early morning
    // Saturday 05-11 was a working day: a message that morning waits only until 09:00
    expect(when('2024-05-11T08:00:00').notBefore).toBe(at('2024-05-11T09:00:00').toISOString());
  });

  it('never holds the inbox or what is urgent', () => {
    expect(when('2024-05-03T23:00:00', 'inbox').notBefore).toBe(
      at('2024-05-03T23:00:00').toISOString(),
    );
    expect(when('2024-05-03T23:00:00', 'email', { urgent: true }).notBefore).toBe(
      at('2024-05-03T23:00:00').toISOString(),
    );
  });

  it('collects email for the daily digest at the chosen time of a working day', () => {
    const preferences = notificationPreferences({ digestTime: '17:30' });
    expect(when('2024-04-30T10:00:00', 'email', { preferences })).toEqual({
      notBefore: at('2024-04-30T17:30:00').toISOString(),
      digest: true,
    });
    // after the day's digest, and over the holiday: the next working day's digest
    expect(when('2024-04-30T18:00:00', 'email', { preferences }).notBefore).toBe(
      at('2024-05-06T17:30:00').toISOString(),
    );
    // robots have no digest
    expect(when('2024-04-30T10:00:00', 'wecom', { preferences }).digest).toBe(false);
  });

  it('does not hold a notification on a day of a year the calendar does not know', () => {
    expect(when('2031-01-04T23:00:00').notBefore).toBe(at('2031-01-04T23:00:00').toISOString());
  });
});
