import { log, proxyActivities, sleep } from '@temporalio/workflow';
import { WorkCalendar, atShanghaiTime } from '@workpoints/calendar';
import {
  MONTHLY_BULLETIN_TIME,
  type BulletinActivities,
  type MonthlyBulletinInput,
  type MonthlyBulletinResult,
  type WorkPointActivities,
} from '@workpoints/contracts';
import { bulletinDay, isMonth, previousMonth, shanghaiDate } from '@workpoints/domain';

const { loadCalendar } = proxyActivities<WorkPointActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { produceMonthlyBulletins } = proxyActivities<BulletinActivities>({
  // Rendering every plan's document: minutes at most, retried until the database answers.
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * One month's bulletin (一月一通报), started by the monthly schedule on the 1st: waits for
 * 09:00 on the first working day of the month (or goes straight on when started later, by a
 * catch-up or by hand), then produces every published plan's bulletin for the month before
 * and tells the coordinators. The calendar comes through an activity, like the points'.
 */
export async function monthlyBulletinWorkflow(
  input: MonthlyBulletinInput = {},
): Promise<MonthlyBulletinResult> {
  const started = new Date();
  const month = input.month ?? previousMonth(started);
  if (!isMonth(month)) throw new RangeError(`月份格式应为 YYYY-MM：${month}`);
  const year = Number(month.slice(0, 4));
  const calendar = new WorkCalendar(await loadCalendar({ fromYear: year, toYear: year + 1 }));
  const { day, guessed } = bulletinDay(calendar, month);
  if (guessed)
    log.warn('the calendar does not know the year: the bulletin goes out on the first weekday', {
      month,
      day,
    });
  const at = atShanghaiTime(day, MONTHLY_BULLETIN_TIME).getTime();
  if (at > Date.now()) await sleep(at - Date.now());
  const bulletins = await produceMonthlyBulletins({ month, at: new Date().toISOString() });
  return { month, producedOn: shanghaiDate(new Date()), bulletins };
}
