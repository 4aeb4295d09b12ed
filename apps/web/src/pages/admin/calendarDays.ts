/** A day of the working calendar as the office reads it. */
export type DayKind = 'holiday' | 'workday' | 'weekend' | 'normal';

export interface Day {
  date: string;
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  kind: DayKind;
}

const pad = (n: number) => String(n).padStart(2, '0');

export const isoDate = (year: number, month: number, day: number) =>
  `${year}-${pad(month)}-${pad(day)}`;

/** The days of one month (1–12) with their kind, from the year's holidays and make-up working days. */
export function monthDays(
  year: number,
  month: number,
  holidays: Set<string>,
  workdays: Set<string>,
): Day[] {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Array.from({ length }, (_, i) => {
    const day = i + 1;
    const date = isoDate(year, month, day);
    const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
    const kind: DayKind = holidays.has(date)
      ? 'holiday'
      : workdays.has(date)
        ? 'workday'
        : weekday >= 5
          ? 'weekend'
          : 'normal';
    return { date, day, weekday, kind };
  });
}

/** The month as calendar rows of seven (Monday first), empty cells as null. */
export function weeks(days: Day[]): (Day | null)[][] {
  const cells: (Day | null)[] = [...Array<null>(days[0]?.weekday ?? 0).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** How many working days the year has. */
export function workingDays(year: number, holidays: Set<string>, workdays: Set<string>): number {
  let n = 0;
  for (let m = 1; m <= 12; m++)
    for (const d of monthDays(year, m, holidays, workdays))
      if (d.kind === 'normal' || d.kind === 'workday') n++;
  return n;
}

export const weekdayOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
};
