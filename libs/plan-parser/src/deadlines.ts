import type { ParsedDeadline } from './plan-parser.types';

/**
 * Deadline phrases and the date each one means in the plan's year:
 *   6月底前 / 6月末 → 06-30, 6月30日前 → 06-30, 6月中旬 → 06-20, 6月上旬 → 06-10,
 *   年底前 / 年内 / 年末 / 全年 → 12-31, 上半年 / 年中 → 06-30, 下半年 → 12-31,
 *   第三季度 / 三季度末 → 09-30, 前三季度 → 09-30,
 *   长期坚持 → ongoing, no date.
 * A phrase with its own year (2024年3月底前) uses that year. "截至6月底" (as of) is a
 * reporting date, not a deadline, and is skipped, as are recurring ones (每季度, 每年底).
 */

export interface DeadlinePhrase {
  text: string;
  index: number;
  date: string | null;
  /** Why the date is null: 'ongoing' (长期坚持) or the reason it could not be resolved. */
  problem: 'ongoing' | 'no-year' | 'invalid' | null;
}

const MONTH_DAY =
  /(?<!\d)(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?(份)?(底|末|中旬|上旬|下旬)?(之前|以前|前)?/g;
const YEAR_END = /(?:(\d{4})|今)?年(底|末|内|终)(之前|以前|前)?/g;
const HALF = /(?:(\d{4})年)?(上半年|下半年|年中|全年)(之前|以前|前)?/g;
const QUARTER = /(?:(\d{4})年)?(前三季度|第?[一二三四1-4]季度)(末|底)?(之前|以前|前)?/g;
const ONGOING = /长期坚持/g;

const QUARTER_END: Record<string, string> = {
  一: '03-31',
  '1': '03-31',
  二: '06-30',
  '2': '06-30',
  三: '09-30',
  '3': '09-30',
  四: '12-31',
  '4': '12-31',
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The text right before a match says it is an as-of date or a recurring one. */
function isAsOfOrRecurring(t: string, index: number): boolean {
  const before = t.slice(Math.max(0, index - 3), index);
  return /截至$|截止$|截止到$|截止至$|每$|每个$/.test(before);
}

export function findDeadlinePhrases(t: string, planYear: number | null): DeadlinePhrase[] {
  const out: DeadlinePhrase[] = [];
  const push = (
    m: RegExpExecArray,
    date: (year: number) => string | null,
    explicitYear: string | undefined,
  ) => {
    if (isAsOfOrRecurring(t, m.index)) return;
    const year = explicitYear ? Number(explicitYear) : planYear;
    if (year === null) {
      out.push({ text: m[0], index: m.index, date: null, problem: 'no-year' });
      return;
    }
    const d = date(year);
    out.push({ text: m[0], index: m.index, date: d, problem: d === null ? 'invalid' : null });
  };

  for (const m of t.matchAll(MONTH_DAY)) {
    const [, y, mo, day, , part, before] = m;
    if (!day && !part && !before) continue; // "5月组织召开": a time, not a deadline
    const month = Number(mo);
    push(
      m,
      (year) => {
        if (month < 1 || month > 12) return null;
        const last = lastDay(year, month);
        let d = last;
        if (day) d = Number(day);
        else if (part === '上旬') d = 10;
        else if (part === '中旬') d = 20;
        if (d < 1 || d > last) return null;
        return `${year}-${pad(month)}-${pad(d)}`;
      },
      y,
    );
  }
  for (const m of t.matchAll(YEAR_END)) push(m, (year) => `${year}-12-31`, m[1]);
  for (const m of t.matchAll(HALF)) {
    const which = m[2];
    push(
      m,
      (year) => `${year}-${which === '上半年' || which === '年中' ? '06-30' : '12-31'}`,
      m[1],
    );
  }
  for (const m of t.matchAll(QUARTER)) {
    const q = m[2] ?? '';
    const end = q === '前三季度' ? '09-30' : (QUARTER_END[q.replace(/^第/, '')[0] ?? ''] ?? null);
    push(m, (year) => (end ? `${year}-${end}` : null), m[1]);
  }
  for (const m of t.matchAll(ONGOING)) {
    out.push({ text: m[0], index: m.index, date: null, problem: 'ongoing' });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Words of a 完成时限 value that mean the work goes on: no date. */
const ONGOING_VALUE = /长期|持续|常态|每[年月季周]|定期|经常|全程/;

/**
 * The deadline of an item: the 完成时限 value when the text states one, else the latest dated
 * phrase in the text (6月底前 then 年底前: the work is due at the end of the year), else an
 * ongoing phrase. `warn` hears about phrases that name a time but give no date.
 */
export function resolveDeadline(
  text: string,
  fieldValue: string | null,
  planYear: number | null,
  warn: (message: string) => void,
): ParsedDeadline | null {
  if (fieldValue !== null) {
    const value = fieldValue.replace(/[。；;，,]+$/, '').trim();
    const phrases = findDeadlinePhrases(value, planYear);
    const dated = latest(phrases);
    if (dated) return { text: value, date: dated.date };
    if (ONGOING_VALUE.test(value) || phrases.some((p) => p.problem === 'ongoing')) {
      return { text: value, date: null };
    }
    warn(`无法把完成时限“${value}”换算成日期`);
    return { text: value, date: null };
  }
  const phrases = findDeadlinePhrases(text, planYear);
  if (phrases.length === 0) return null;
  const dated = latest(phrases);
  if (dated) return { text: dated.text, date: dated.date };
  const ongoing = phrases.find((p) => p.problem === 'ongoing');
  if (ongoing) return { text: ongoing.text, date: null };
  const first = phrases[0];
  if (!first) return null;
  warn(
    first.problem === 'no-year'
      ? `时限“${first.text}”：文档没有写明年份，无法换算成日期`
      : `时限“${first.text}”不是有效日期`,
  );
  return { text: first.text, date: null };
}

function latest(phrases: DeadlinePhrase[]): DeadlinePhrase | null {
  let best: DeadlinePhrase | null = null;
  for (const p of phrases) {
    if (p.date !== null && (best === null || (best.date !== null && p.date > best.date))) best = p;
  }
  return best;
}
