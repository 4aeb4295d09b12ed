import {
  BOUNDARY_BEFORE_LABEL,
  cjkToNumber,
  isAsciiLetter,
  isCjkNumeral,
  isCjkNumeralCode,
  isDigit,
  isIdeograph,
  symbolLabel,
} from './chars';

/** The families of point labels: 1. / 1． (dot), 1、 (dun), （1） (1) ⑴ (paren), ① (circle). */
export type PointStyle = 'dot' | 'dun' | 'paren' | 'circle';

/** Something that looks like a label; whether it is one is decided by `findStructure`. */
export interface Label {
  kind: 'chapter' | 'section' | 'point' | 'enum';
  n: number;
  /** Position of the label's first character and of the character after it. */
  start: number;
  end: number;
  /** As written: "一、", "（三）", "17.", "①", "二是". */
  text: string;
  style: PointStyle | null;
  lineStart: boolean;
}

/** One copy of the plan: web pages sometimes hold the same plan twice. */
export interface Copy {
  /** Where its preamble starts and where its last item ends. */
  start: number;
  end: number;
  marks: Label[];
  warnings: string[];
}

export interface Structure {
  copies: Copy[];
  pointStyle: PointStyle | null;
}

/**
 * Every label-like token in `s[from, to)`, in order, in one pass. Chinese numerals followed by
 * 、 (chapter) or 是 (enumeration), numerals in brackets (section), arabic numbers followed by
 * . ． 、 or in brackets, and the circled-digit symbols. A number directly followed by a digit
 * (11.24, 1.17亿) or directly preceded by one, a letter or 第 is not a label.
 */
export function scanLabels(s: string, from = 0, to = s.length): Label[] {
  const out: Label[] = [];
  const lineStart = (i: number) => i === 0 || s[i - 1] === '\n';
  for (let i = from; i < to; i++) {
    const code = s.charCodeAt(i);
    // most characters start no label: decide on the code before anything else
    const numeral = isCjkNumeralCode(code);
    const isOpen = code === 0x28 || code === 0xff08;
    const digit = code >= 0x30 && code <= 0x39;
    if (!numeral && !isOpen && !digit && (code < 0x2460 || code > 0x32bf)) continue;
    const c = s[i];
    const prev = s[i - 1];
    if (numeral && !isCjkNumeral(prev)) {
      let j = i;
      while (j < to && j - i < 4 && isCjkNumeral(s[j])) j++;
      const after = s[j];
      if (j - i <= 3 && prev !== '第') {
        const n = cjkToNumber(s.slice(i, j));
        // 统一、规范 is not a chapter: a chapter's numeral does not follow a word
        if (n !== null && after === '、' && !isIdeograph(prev)) {
          out.push(label('chapter', n, i, j + 1, null));
        } else if (n !== null && after === '是' && !isIdeograph(prev)) {
          out.push(label('enum', n, i, j + 1, null));
        }
      }
      i = j - 1;
      continue;
    }
    if ((c === '（' || c === '(') && prev !== '第') {
      let j = i + 1;
      const cjk = isCjkNumeral(s[j]);
      while (j < to && j - i <= 4 && (cjk ? isCjkNumeral(s[j]) : isDigit(s[j]))) j++;
      const close = s[j];
      if (j > i + 1 && (close === '）' || close === ')')) {
        const inner = s.slice(i + 1, j);
        const n = cjk ? cjkToNumber(inner) : inner.length <= 3 ? Number(inner) : null;
        if (n !== null && n > 0) {
          out.push(label(cjk ? 'section' : 'point', n, i, j + 1, cjk ? null : 'paren'));
        }
      }
      continue;
    }
    if (isDigit(c)) {
      let j = i;
      while (j < to && isDigit(s[j])) j++;
      const after = s[j];
      const okBefore =
        !isAsciiLetter(prev) && prev !== '.' && prev !== '．' && prev !== '第' && prev !== '-';
      if (
        okBefore &&
        j - i <= 5 &&
        (after === '.' || after === '．' || after === '、') &&
        !isDigit(s[j + 1])
      ) {
        const n = Number(s.slice(i, j));
        if (n > 0) out.push(label('point', n, i, j + 1, after === '、' ? 'dun' : 'dot'));
      }
      i = j - 1;
      continue;
    }
    const symbol = symbolLabel(c);
    if (symbol) out.push(label('point', symbol.n, i, i + 1, symbol.style));
  }
  return out;

  function label(
    kind: Label['kind'],
    n: number,
    start: number,
    end: number,
    style: PointStyle | null,
  ): Label {
    return { kind, n, start, end, text: s.slice(start, end), style, lineStart: lineStart(start) };
  }
}

/**
 * Only the 一是 / 二是 labels of `s` (what `scanLabels` finds of kind 'enum'), found from each
 * 是: the item lists inside a point or a paragraph, without scanning for everything else.
 */
export function scanEnumerations(s: string): Label[] {
  const out: Label[] = [];
  for (let k = s.indexOf('是'); k !== -1; k = s.indexOf('是', k + 1)) {
    let i = k;
    while (i > 0 && k - i < 3 && isCjkNumeral(s[i - 1])) i--;
    const prev = s[i - 1];
    if (i === k || isCjkNumeral(prev) || prev === '第' || isIdeograph(prev)) continue;
    const n = cjkToNumber(s.slice(i, k));
    if (n === null) continue;
    out.push({
      kind: 'enum',
      n,
      start: i,
      end: k + 1,
      text: s.slice(i, k + 1),
      style: null,
      lineStart: i === 0 || prev === '\n',
    });
  }
  return out;
}

const TITLE_WINDOW = 40;

/** The first words after a label, for recognising the same heading in a second copy. */
function titleWindow(s: string, l: Label): string {
  let k = l.end;
  const limit = Math.min(s.length, l.end + TITLE_WINDOW);
  while (k < limit && s[k] !== '\n' && s[k] !== '。') k++;
  return s.slice(l.end, k);
}

function sameTitle(a: string | null, b: string): boolean {
  if (a === null || a.length < 4 || b.length < 4) return false;
  return a.startsWith(b) || b.startsWith(a);
}

interface State {
  chapterN: number;
  sectionN: number;
  pointN: number;
  pointsSinceHeading: number;
  last: Label | null;
  firstChapter: string | null;
  firstSection: string | null;
  firstPoint: string | null;
}

const freshState = (): State => ({
  chapterN: 0,
  sectionN: 0,
  pointN: 0,
  pointsSinceHeading: 0,
  last: null,
  firstChapter: null,
  firstSection: null,
  firstPoint: null,
});

/**
 * Decides which labels are the plan's structure. A label is accepted when it continues the
 * numbering of its level (chapter 二 after 一, point 7 after 6, or 1 again right after a new
 * heading), so a number inside a sentence is not a heading. Chapters need a line start or a
 * sentence end before them; a section or the first point of a heading may follow the heading
 * directly, which is how flattened text reads ("…专项行动(一)实施…4.强化…"). A chapter, section
 * or first point that comes back with the same words as the first one starts a second copy of
 * the plan.
 */
export function findStructure(
  s: string,
  candidates: Label[],
  indents: Map<number, number> = new Map(),
): Structure {
  const strong = (l: Label) => l.lineStart || BOUNDARY_BEFORE_LABEL.has(s[l.start - 1] ?? '');
  const chapterLabels = candidates.some((l) => l.kind === 'chapter' && l.n === 1 && strong(l));
  const labels =
    promoteNested(candidates, indents, chapterLabels) ??
    promoteHeadings(s, candidates, chapterLabels);
  const hasChapters = labels.some((l) => l.kind === 'chapter' && l.n === 1 && strong(l));
  const hasSections = labels.some((l) => l.kind === 'section' && l.n === 1);
  const hasHeadings = hasChapters || hasSections;

  const copies: Copy[] = [];
  let copy: Copy = { start: 0, end: s.length, marks: [], warnings: [] };
  let st = freshState();
  let pointStyle: PointStyle | null = null;
  // Position of the last line break or sentence end before the label being judged.
  let breakPos = -1;
  let scanned = 0;

  const accept = (l: Label) => {
    copy.marks.push(l);
    st.last = l;
  };
  const newCopy = (l: Label) => {
    copies.push(copy);
    copy = { start: l.start, end: s.length, marks: [], warnings: [] };
    const { firstChapter, firstSection, firstPoint } = st;
    st = { ...freshState(), firstChapter, firstSection, firstPoint };
  };

  for (const l of labels) {
    if (l.kind === 'enum') continue;
    for (; scanned < l.start; scanned++) {
      const ch = s[scanned];
      if (ch === '\n' || ch === '。' || ch === '！' || ch === '？') breakPos = scanned;
    }
    const afterHeading = st.last !== null && st.last.kind !== 'point' && breakPos < st.last.end;
    const isStrong = strong(l);
    const where = () => describe(st);

    if (l.kind === 'chapter') {
      if (!isStrong) continue;
      if (l.n === st.chapterN + 1) {
        // accepted below
      } else if (l.n === 1 && st.chapterN >= 1 && sameTitle(st.firstChapter, titleWindow(s, l))) {
        newCopy(l);
      } else if (l.lineStart && l.n > st.chapterN + 1 && l.n <= st.chapterN + 3) {
        copy.warnings.push(`章节编号不连续：${numeral(st.chapterN)}、之后是${l.text}`);
      } else continue;
      accept(l);
      st.chapterN = l.n;
      st.sectionN = 0;
      st.pointsSinceHeading = 0;
      st.firstChapter ??= titleWindow(s, l);
      continue;
    }

    if (l.kind === 'section') {
      if (hasChapters && st.chapterN === 0) continue; // a bracketed numeral in the preamble
      if (l.n === st.sectionN + 1) {
        // "（二）" inside a sentence is a reference, not a heading
        if (!isStrong && !afterHeading) continue;
      } else if (
        l.n === 1 &&
        !hasChapters &&
        st.sectionN >= 1 &&
        isStrong &&
        sameTitle(st.firstSection, titleWindow(s, l))
      ) {
        newCopy(l);
      } else if (l.lineStart && l.n > st.sectionN + 1 && l.n <= st.sectionN + 3) {
        copy.warnings.push(`${where()}小节编号不连续：（${numeral(st.sectionN)}）之后是${l.text}`);
      } else continue;
      accept(l);
      st.sectionN = l.n;
      st.pointsSinceHeading = 0;
      if (!hasChapters) st.firstSection ??= titleWindow(s, l);
      continue;
    }

    // a point
    if (hasHeadings && st.chapterN === 0 && st.sectionN === 0) continue; // preamble
    if (pointStyle === null) {
      if (l.n === 1 && (isStrong || afterHeading)) {
        // the first point fixes the style of the plan's points
      } else if (l.lineStart && l.n <= 3) {
        copy.warnings.push(`${where()}编号从${l.text}开始，前面的编号缺失`);
      } else continue;
      pointStyle = l.style;
    } else if (l.style !== pointStyle) {
      continue; // a list of another style inside a point: its sub-items
    } else if (l.n === st.pointN + 1 && (st.pointsSinceHeading > 0 || isStrong || afterHeading)) {
      // the next number
    } else if (l.n === 1 && st.pointsSinceHeading === 0 && (isStrong || afterHeading)) {
      // numbering restarts under a new heading
    } else if (
      l.n === 1 &&
      !hasHeadings &&
      isStrong &&
      sameTitle(st.firstPoint, titleWindow(s, l))
    ) {
      newCopy(l);
    } else if (isStrong && l.n > st.pointN + 1 && l.n <= st.pointN + 3) {
      copy.warnings.push(`${where()}编号不连续：${st.pointN}之后是${l.text}`);
    } else if (l.lineStart && l.n === st.pointN && st.pointN > 0) {
      copy.warnings.push(`${where()}编号重复：${l.text}出现了两次`);
    } else continue;
    accept(l);
    st.pointN = l.n;
    st.pointsSinceHeading += 1;
    st.firstPoint ??= titleWindow(s, l);
  }
  copies.push(copy);
  const nonEmpty = copies.filter((c) => c.marks.length > 0);
  if (nonEmpty.length <= 1) return { copies: [copies[0] ?? copy], pointStyle };
  separateCopies(s, nonEmpty);
  return { copies: nonEmpty, pointStyle };
}

/**
 * Word's multi-level lists, written out as "1." at every level and told apart by indentation:
 * the less indented numbers of a style are headings over the more indented ones (chapters
 * when the document has no 一、 chapters, then sections), the most indented are the points.
 */
function promoteNested(
  labels: Label[],
  indents: Map<number, number>,
  hasChapters: boolean,
): Label[] | null {
  if (indents.size === 0) return null;
  const hasSections = labels.some((l) => l.kind === 'section' && l.n === 1);
  const free: ('chapter' | 'section')[] = [];
  if (!hasChapters) free.push('chapter');
  if (!hasSections) free.push('section');
  if (free.length === 0) return null;
  const byStyle = new Map<PointStyle, Map<number, Label[]>>();
  for (const l of labels) {
    if (l.kind !== 'point' || !l.lineStart || l.style === null) continue;
    const indent = indents.get(l.start) ?? 0;
    const groups = byStyle.get(l.style) ?? new Map<number, Label[]>();
    byStyle.set(l.style, groups);
    const group = groups.get(indent);
    if (group) group.push(l);
    else groups.set(indent, [l]);
  }
  for (const [style, groups] of byStyle) {
    const levels = [...groups.entries()]
      .filter(([, ls]) => ls.length >= 2)
      .sort((a, b) => a[0] - b[0]);
    const outer = levels[0];
    const inner = levels[levels.length - 1];
    if (levels.length < 2 || !outer || !inner) continue;
    // nested: the outer numbers come first, and the inner ones sit between them
    const [, outerLabels] = outer;
    const [, innerLabels] = inner;
    if ((innerLabels[0]?.start ?? 0) < (outerLabels[0]?.start ?? 0)) continue;
    // one list indented unevenly (1, 2, 3, 4 alternating indents) is not nested
    const merged = [...outerLabels, ...innerLabels].sort((a, b) => a.start - b.start);
    if (merged.every((l, i) => l.n === i + 1)) continue;
    const kindOf = new Map<number, 'chapter' | 'section'>();
    levels.slice(0, -1).forEach(([indent], i) => {
      const kind = free[i];
      if (kind) kindOf.set(indent, kind);
    });
    return labels.map((l) => {
      if (l.kind !== 'point' || l.style !== style || !l.lineStart) return l;
      const kind = kindOf.get(indents.get(l.start) ?? 0);
      return kind ? { ...l, kind, style: null } : l;
    });
  }
  return null;
}

/** Longest line that may be a heading rather than a point. */
const HEADING_LINE = 40;

/**
 * Arabic numbers used as headings: "1、第一部分重点任务" on a line of its own, with "1." or
 * "（1）" points under it. When one style of numbers only ever labels short lines without a
 * sentence, and another style numbers lines between them, the first is a heading level: the
 * chapters when the document has no 一、 chapters, else the sections.
 */
function promoteHeadings(s: string, labels: Label[], hasChapters: boolean): Label[] {
  const hasSections = labels.some((l) => l.kind === 'section' && l.n === 1);
  if (hasChapters && hasSections) return labels;
  const lineStarts = new Map<PointStyle, Label[]>();
  for (const l of labels) {
    if (l.kind !== 'point' || !l.lineStart || l.style === null) continue;
    const list = lineStarts.get(l.style);
    if (list) list.push(l);
    else lineStarts.set(l.style, [l]);
  }
  if (lineStarts.size < 2) return labels;
  const headingLike = (l: Label) => {
    let k = l.end;
    while (k < s.length && s[k] !== '\n' && k - l.end <= HEADING_LINE) {
      if ('。！？；;'.includes(s[k] ?? '')) return false;
      k++;
    }
    return k - l.end <= HEADING_LINE;
  };
  for (const [style, list] of lineStarts) {
    const first = list[0];
    if (!first || list.length < 2 || list.filter(headingLike).length < list.length * 0.8) continue;
    const others = [...lineStarts].filter(([other]) => other !== style).flatMap(([, ls]) => ls);
    if (others.filter((o) => o.start > first.start && !headingLike(o)).length < 2) continue;
    const kind = hasChapters ? 'section' : 'chapter';
    return labels.flatMap((l) => {
      if (l.kind !== 'point' || l.style !== style) return [l];
      return l.lineStart ? [{ ...l, kind, style: null }] : [];
    });
  }
  return labels;
}

/**
 * Where one copy ends and the next begins. The second copy's preamble (the cover letter, the
 * title, the general requirements) sits between the last item of the first copy and the second
 * copy's first heading; it is found by matching the first copy's preamble backwards from that
 * heading, ignoring line breaks and spaces.
 */
const MAX_PREAMBLE_MATCH = 5000;

function separateCopies(s: string, copies: Copy[]): void {
  const first = copies[0];
  const firstMark = first?.marks[0];
  if (!first || !firstMark) return;
  first.start = 0;
  const preamble = s.slice(0, firstMark.start);
  for (let k = 1; k < copies.length; k++) {
    const prev = copies[k - 1];
    const cur = copies[k];
    const lastMark = prev?.marks[prev.marks.length - 1];
    const curFirst = cur?.marks[0];
    if (!prev || !cur || !lastMark || !curFirst) continue;
    // a cover letter is short: comparing more would only cost time on odd inputs
    const stop = Math.max(0, preamble.length - MAX_PREAMBLE_MATCH);
    let i = preamble.length - 1;
    let j = curFirst.start - 1;
    let cut = curFirst.start;
    let matched = 0;
    while (i >= stop && j >= lastMark.end) {
      const a = preamble[i];
      const b = s[j];
      if (a === ' ' || a === '\n') {
        i--;
        continue;
      }
      if (b === ' ' || b === '\n') {
        j--;
        continue;
      }
      if (a !== b) break;
      matched += 1;
      cut = j;
      i--;
      j--;
    }
    if (matched < 6) cut = curFirst.start;
    prev.end = cut;
    cur.start = cut;
  }
}

function numeral(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n <= 0) return '〇';
  if (n < 10) return d[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (d[tens] ?? '')}十${d[ones] ?? ''}`;
}

function describe(st: State): string {
  if (st.chapterN === 0 && st.sectionN === 0) return '';
  const chapter = st.chapterN > 0 ? `${numeral(st.chapterN)}、` : '';
  const section = st.sectionN > 0 ? `（${numeral(st.sectionN)}）` : '';
  return `${chapter}${section}下`;
}
