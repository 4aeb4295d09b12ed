import { isDigit } from './chars';
import type { Comparator, Target } from './plan-parser.types';

/**
 * Quantitative targets: a number with a unit, and a word that makes it a goal — a comparator
 * before it (突破, 超过, 超, 达到, 不低于, 增长 …), a bound after it (以上, 以下, 左右), a range
 * (10-15家, 10至15家) or a verb that sets a count (确定20家, 培育20个, 出资5000万元). A bare
 * number (累计授权529件, 23条, 2019年) is a fact, not a target.
 */

/** Units after a number, longest first; 万, 亿 and 千 may come before any of them (100万件). */
const UNITS = [
  '个百分点',
  '平方米',
  '千米',
  '公里',
  '美元',
  '元',
  '件',
  '家次',
  '家',
  '个',
  '项次',
  '项',
  '人次',
  '人',
  '名',
  '次',
  '所',
  '场次',
  '场',
  '期',
  '批次',
  '批',
  '篇',
  '部',
  '条',
  '户',
  '起',
  '套',
  '台',
  '座',
  '份',
  '本',
  '册',
  '类',
  '款',
  '种',
  '倍',
  '亩',
  '吨',
  '分',
  '%',
  '％',
  '‰',
];
const MAGNITUDES = ['万亿', '亿', '万', '千'];

/** Comparator words written before the number, longest first. */
const PREFIXES: [string, Comparator][] = (
  [
    ['不低于', '>='],
    ['不少于', '>='],
    ['不小于', '>='],
    ['至少', '>='],
    ['最少', '>='],
    ['达到', '>='],
    ['达', '>='],
    ['提高到', '>='],
    ['提升到', '>='],
    ['增加到', '>='],
    ['增长到', '>='],
    ['力争', '>='],
    ['降低到', '<='],
    ['下降到', '<='],
    ['减少到', '<='],
    ['控制到', '<='],
    ['稳定在', '='],
    ['突破', '>'],
    ['超过', '>'],
    ['超出', '>'],
    ['高于', '>'],
    ['多于', '>'],
    ['大于', '>'],
    ['超', '>'],
    ['不超过', '<='],
    ['不高于', '<='],
    ['不多于', '<='],
    ['不大于', '<='],
    ['控制在', '<='],
    ['低于', '<'],
    ['少于', '<'],
    ['小于', '<'],
    ['不足', '<'],
    ['不到', '<'],
    ['约', '~'],
    ['近', '~'],
    ['大约', '~'],
    ['保持在', '='],
    ['增长', '='],
    ['增加', '='],
    ['提高', '='],
    ['提升', '='],
    ['下降', '='],
    ['减少', '='],
    ['降低', '='],
    ['增幅', '='],
    ['新增', '='],
    ['确定', '='],
    ['出资', '='],
    ['培育', '='],
    ['建成', '='],
    ['新建', '='],
    ['打造', '='],
    ['引进', '='],
    ['认定', '='],
    ['遴选', '='],
    ['评选', '='],
    ['选树', '='],
    ['扶持', '='],
    ['资助', '='],
    ['支持', '='],
    ['举办', '='],
    ['培训', '='],
    ['设立', '='],
    ['创建', '='],
    ['筹集', '='],
    ['投入', '='],
    ['完成', '='],
    ['实现', '='],
    ['争取', '='],
    ['覆盖', '='],
    ['服务', '='],
  ] satisfies [string, Comparator][]
).sort((a, b) => b[0].length - a[0].length);

const BOUNDS: [string, Comparator][] = [
  ['及以上', '>='],
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
  ['左右', '~'],
  ['上下', '~'],
];

const RANGE_SEPARATORS = new Set(['-', '~', '～', '—', '–', '－', '至', '到']);
/** After a number these make it a date, an age or a duration: never a target. */
const NOT_A_QUANTITY = new Set([...'年月日号时点秒周岁届季天']);

const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/y;

function numberAt(t: string, pos: number): string | null {
  NUMBER.lastIndex = pos;
  const m = NUMBER.exec(t);
  return m ? m[0] : null;
}

function unitAt(t: string, pos: number): string | null {
  if (NOT_A_QUANTITY.has(t[pos] ?? '')) return null;
  for (const u of UNITS) if (t.startsWith(u, pos)) return u;
  for (const m of MAGNITUDES) {
    if (!t.startsWith(m, pos)) continue;
    for (const u of UNITS) if (t.startsWith(u, pos + m.length)) return m + u;
    return m;
  }
  return null;
}

function prefixBefore(t: string, pos: number): [string, Comparator] | null {
  for (const p of PREFIXES) {
    if (pos >= p[0].length && t.startsWith(p[0], pos - p[0].length)) return p;
  }
  return null;
}

/** 力争 earlier in the same sentence marks a stretch target. */
function isAspirational(t: string, pos: number): boolean {
  const from = Math.max(0, pos - 120);
  let k = pos - 1;
  while (k >= from && !'。；;！？\n'.includes(t[k] ?? '')) k--;
  return t.slice(k + 1, pos).includes('力争');
}

export function extractTargets(t: string): Target[] {
  const out: Target[] = [];
  let bookDepth = 0;
  let scanned = 0;
  for (let i = 0; i < t.length; i++) {
    if (!isDigit(t[i])) continue;
    for (; scanned < i; scanned++) {
      if (t[scanned] === '《') bookDepth++;
      else if (t[scanned] === '》' && bookDepth > 0) bookDepth--;
    }
    const prev = t[i - 1];
    const num = numberAt(t, i);
    if (num === null) continue;
    let end = i + num.length;
    const skipTo = end;
    if (
      bookDepth > 0 ||
      prev === '第' ||
      prev === '.' ||
      (prev !== undefined && /[A-Za-z]/.test(prev))
    ) {
      i = skipTo - 1;
      continue;
    }
    const value = Number(num.replace(/,/g, ''));
    // optional 余 / 多 (more than), then the unit
    let comparator: Comparator | null = null;
    let more = false;
    if (t[end] === '余' || t[end] === '多') {
      more = true;
      end++;
    }
    let unit = unitAt(t, end);
    let valueMax: number | undefined;
    if (unit === null && !more && RANGE_SEPARATORS.has(t[end] ?? '') && isDigit(t[end + 1])) {
      // 10-15家 / 10至15家: the unit comes after the second number
      const second = numberAt(t, end + 1);
      const u2 = second === null ? null : unitAt(t, end + 1 + second.length);
      if (second !== null && u2 !== null) {
        valueMax = Number(second.replace(/,/g, ''));
        unit = u2;
        end = end + 1 + second.length;
        comparator = 'range';
      }
    } else if (unit !== null && !more && RANGE_SEPARATORS.has(t[end + unit.length] ?? '')) {
      // 10%-15%
      const second = numberAt(t, end + unit.length + 1);
      if (second !== null && t.startsWith(unit, end + unit.length + 1 + second.length)) {
        valueMax = Number(second.replace(/,/g, ''));
        end = end + unit.length + 1 + second.length;
        comparator = 'range';
      }
    }
    if (unit === null) {
      i = skipTo - 1;
      continue;
    }
    end += unit.length;
    let bound: Comparator | null = null;
    for (const [word, cmp] of BOUNDS) {
      if (t.startsWith(word, end)) {
        bound = cmp;
        end += word.length;
        break;
      }
    }
    const prefix = prefixBefore(t, i);
    if (comparator === null) {
      if (bound) comparator = bound;
      else if (more) comparator = '>';
      else if (prefix) comparator = prefix[1];
    }
    if (comparator === null) {
      i = skipTo - 1;
      continue;
    }
    const start = prefix ? i - prefix[0].length : i;
    const target: Target = {
      text: t.slice(start, end),
      value,
      unit: unit === '％' ? '%' : unit,
      comparator,
    };
    if (valueMax !== undefined) target.valueMax = valueMax;
    if (isAspirational(t, i)) target.aspirational = true;
    out.push(target);
    i = end - 1;
  }
  return out;
}
