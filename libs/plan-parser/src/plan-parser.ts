import { CLOSERS, OPENERS, SENTENCE_END } from './chars';
import { cleanText, joinLines } from './clean-text';
import { resolveDeadline } from './deadlines';
import type {
  ParsedChapter,
  ParsedPlan,
  ParsedPoint,
  ParsePlanOptions,
  PlanPart,
  Target,
} from './plan-parser.types';
import {
  findStructure,
  scanEnumerations,
  scanLabels,
  type Copy,
  type Label,
  type PointStyle,
} from './structure';
import { extractTargets } from './targets';
import { extractResponsibility, extractUnits } from './units';

/**
 * Reads a work plan (工作要点 / 工作计划) or a half-year summary from plain text into its
 * headings and items. Pure and linear in the input; it never throws: what it cannot read
 * becomes a warning, and the worst case is an empty plan.
 */
export function parsePlan(text: string, options: ParsePlanOptions = {}): ParsedPlan {
  try {
    return parse(typeof text === 'string' ? text : String(text ?? ''), options ?? {});
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unknown error';
    return {
      title: null,
      year: optionYear(options),
      targets: [],
      chapters: [],
      points: [],
      warnings: [`解析时出错，未能读出工作要点（${message}）`],
    };
  }
}

function optionYear(options: ParsePlanOptions | undefined): number | null {
  const y = options?.year;
  return typeof y === 'number' && Number.isInteger(y) && y >= 1900 && y <= 2200 ? y : null;
}

/** Longest heading title; a longer "heading" has run into the body text of a flattened page. */
const MAX_HEADING = 40;
const CLAUSE_END = new Set(['，', ',', '：', ':', '；', ';']);

interface PointRef {
  label: Label;
  start: number;
  end: number;
}

interface Node {
  label: Label | null;
  numeral: string;
  title: string;
  /** Where the node's own text ends: at the next label. */
  contentEnd: number;
  /** The text after the heading's title. */
  introStart: number;
  children: Node[];
  points: PointRef[];
  part: PlanPart;
}

interface ItemMeta {
  no: string;
  label: string;
  chapter: string | null;
  section: string | null;
  part: PlanPart;
}

function parse(raw: string, options: ParsePlanOptions): ParsedPlan {
  const { text: s, gaps, indents } = cleanText(raw);
  const labels = scanLabels(s);
  const { copies, pointStyle } = findStructure(s, labels, indents);
  const warnings: string[] = [];
  const kept = chooseCopy(copies, s, warnings);
  warnings.push(...kept.warnings);
  const marks = kept.marks;
  const firstCopy = copies[0] ?? kept;
  const docPreamble = s.slice(0, firstCopy.marks[0]?.start ?? firstCopy.end);
  const keptPreambleEnd = marks[0]?.start ?? kept.end;
  const keptPreamble = s.slice(kept.start, keptPreambleEnd);
  const title = findTitle(docPreamble) ?? (kept === firstCopy ? null : findTitle(keptPreamble));
  const year = optionYear(options) ?? yearIn(title ?? '') ?? yearIn(docPreamble);
  const end = trimTail(s, marks[marks.length - 1]?.end ?? kept.start, kept.end);

  // the tree
  const root: Node = {
    label: null,
    numeral: '',
    title: '',
    contentEnd: keptPreambleEnd,
    introStart: kept.start,
    children: [],
    points: [],
    part: 'plan',
  };
  let chapter: Node | null = null;
  let section: Node | null = null;
  marks.forEach((m, i) => {
    const next = marks[i + 1]?.start ?? end;
    if (m.kind === 'chapter' || m.kind === 'section') {
      const node = headingNode(s, gaps, m, next);
      if (m.kind === 'chapter') {
        root.children.push(node);
        chapter = node;
        section = null;
      } else {
        (chapter ?? root).children.push(node);
        section = node;
      }
    } else {
      const holder: Node = section ?? chapter ?? root;
      holder.points.push({ label: m, start: m.end, end: next });
    }
  });

  assignParts(title, root.children);

  const points: ParsedPoint[] = [];
  const targets: Target[] = [];
  const ctx: ItemContext = { year, warnings, pointStyle };
  const add = (meta: ItemMeta, raw: string) => {
    const item = buildItem(meta, raw, ctx);
    if (item) points.push(item);
  };
  const addPoints = (
    refs: PointRef[],
    chapterNo: string | null,
    sectionNo: string | null,
    part: PlanPart,
  ) => {
    for (const p of refs) {
      add(
        {
          no: String(p.label.n),
          label: p.label.text,
          chapter: chapterNo,
          section: sectionNo,
          part,
        },
        s.slice(p.start, p.end),
      );
    }
  };
  /**
   * A heading with neither sections nor points under it. A chapter's 一是…二是… become its
   * items; otherwise the heading with its text is the item (a summary's problems, a report of
   * (一) sections only), unless it only frames the plan (指导思想, 主要目标).
   */
  const leaf = (node: Node, parentChapter: string | null, asEnumerations: boolean) => {
    const body = joinLines(s.slice(node.introStart, node.contentEnd));
    if (isFraming(node.title)) {
      if (node.part === 'plan') targets.push(...extractTargets(body));
      return;
    }
    const enums = asEnumerations ? findEnumerations(body) : [];
    if (enums.length >= 2) {
      if (node.part === 'plan')
        targets.push(...extractTargets(body.slice(0, enums[0]?.start ?? 0)));
      for (const e of enums) {
        add(
          {
            no: String(e.n),
            label: e.label,
            chapter: node.label?.kind === 'chapter' ? node.numeral : parentChapter,
            section: node.label?.kind === 'section' ? node.numeral : null,
            part: node.part,
          },
          body.slice(e.textStart, e.end),
        );
      }
      return;
    }
    const label = node.label;
    if (!label) return;
    if (label.kind === 'chapter' && body.length === 0) {
      warnings.push(`${label.text}${node.title}下没有找到工作要点`);
      return;
    }
    const whole = s.slice(label.end, node.contentEnd);
    if (whole.trim().length === 0) return;
    add(
      {
        no: String(label.n),
        label: label.text,
        chapter: parentChapter,
        section: null,
        part: node.part,
      },
      whole,
    );
  };

  if (root.children.length === 0 && root.points.length === 0) {
    // no numbering at all: items are 一是…二是… inside paragraphs
    const body = joinLines(keptPreamble);
    const enums = findEnumerations(body);
    targets.push(...extractTargets(enums.length >= 2 ? body.slice(0, enums[0]?.start ?? 0) : body));
    for (const e of enums.length >= 2 ? enums : []) {
      add(
        { no: String(e.n), label: e.label, chapter: null, section: null, part: 'plan' },
        body.slice(e.textStart, e.end),
      );
    }
  } else {
    targets.push(...extractTargets(joinLines(keptPreamble)));
    addPoints(root.points, null, null, 'plan');
    for (const top of root.children) {
      if (top.label?.kind === 'chapter') {
        const chapterNo = top.numeral;
        if (top.children.length === 0 && top.points.length === 0) {
          leaf(top, null, true);
          continue;
        }
        if (top.part === 'plan') {
          targets.push(...extractTargets(joinLines(s.slice(top.introStart, top.contentEnd))));
        }
        addPoints(top.points, chapterNo, null, top.part);
        for (const sec of top.children) {
          if (sec.points.length === 0) leaf(sec, chapterNo, false);
          else addPoints(sec.points, chapterNo, sec.numeral, sec.part);
        }
      } else if (top.points.length === 0) {
        leaf(top, null, false);
      } else {
        addPoints(top.points, null, top.numeral, top.part);
      }
    }
  }

  if (points.length === 0) {
    warnings.push('没有找到工作要点：文档中没有可识别的编号（一、（一）1. 或 一是…二是…）');
  }

  const chapters: ParsedChapter[] = root.children
    .filter((c) => c.label?.kind === 'chapter')
    .map((c) => ({
      numeral: c.numeral,
      title: c.title,
      part: c.part,
      sections: c.children
        .filter((sec) => sec.points.length > 0)
        .map((sec) => ({ numeral: sec.numeral, title: sec.title })),
    }));

  return { title, year, targets, chapters, points, warnings };
}

// ---------------------------------------------------------------------------------------------
// copies, title, year

/**
 * The copy to keep when a page holds the plan more than once: the one with the most points,
 * then the most headings, then the most line breaks (paragraphs read better than one line).
 */
function chooseCopy(copies: Copy[], s: string, warnings: string[]): Copy {
  const first = copies[0];
  if (!first) return { start: 0, end: s.length, marks: [], warnings: [] };
  if (copies.length === 1) return first;
  const score = (c: Copy): number[] => {
    let lines = 0;
    for (let i = c.start; i < c.end; i++) if (s[i] === '\n') lines++;
    const points = c.marks.filter((m) => m.kind === 'point').length;
    return [points, c.marks.length - points, lines];
  };
  const better = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++)
      if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    return false;
  };
  let best = first;
  let bestScore = score(first);
  for (const c of copies.slice(1)) {
    const sc = score(c);
    if (better(sc, bestScore)) {
      best = c;
      bestScore = sc;
    }
  }
  warnings.push(
    `同一份计划在文档中出现了${copies.length}次（例如网页先把全文压成一行、再分段重复一遍），只保留了其中一份（第${copies.indexOf(best) + 1}份，${bestScore[0] ?? 0}条）`,
  );
  return best;
}

const TITLE_WORDS = /要点|计划|规划|方案|安排|总结|打算|任务|重点工作|工作重点|意见|报告/;

/** The title line: short, no sentence punctuation, and named like a plan or a summary. */
function findTitle(region: string): string | null {
  let seen = 0;
  let from = 0;
  while (from < region.length && seen < 30) {
    let to = region.indexOf('\n', from);
    if (to === -1) to = region.length;
    const line = region.slice(from, to).trim();
    from = to + 1;
    if (line.length === 0) continue;
    seen++;
    if (line.length < 4 || line.length > 80) continue;
    const notice = /^关于印发《([^《》]{4,60})》的通知$/.exec(line);
    if (notice?.[1] && TITLE_WORDS.test(notice[1])) return notice[1];
    if (line.length > 60 || /[。，,；;：:！？!?]/.test(line)) continue;
    if (TITLE_WORDS.test(line)) return line;
  }
  return null;
}

function yearIn(text: string): number | null {
  const m = /(?<!\d)((?:19|20)\d{2})\s*年/.exec(text);
  return m?.[1] ? Number(m[1]) : null;
}

/** Signature and date lines, attachments and 此件公开 notes after the last item. */
function trimTail(s: string, lastMarkEnd: number, end: number): number {
  // the first line of the last item is never cut
  const firstBreak = s.indexOf('\n', lastMarkEnd);
  if (firstBreak === -1 || firstBreak >= end) return end;
  let e = end;
  // 附件：… after the items is the attachment list
  for (let from = firstBreak + 1; from < e;) {
    let to = s.indexOf('\n', from);
    if (to === -1 || to > e) to = e;
    if (/^附件\s*\d*\s*[:：]/.test(s.slice(from, Math.min(to, from + 12)))) {
      e = from - 1;
      break;
    }
    from = to + 1;
  }
  while (e > firstBreak) {
    const lineStart = s.lastIndexOf('\n', e - 1) + 1;
    if (lineStart <= firstBreak) break;
    const line = s.slice(lineStart, e).trim();
    if (!isSignature(line)) break;
    e = lineStart - 1;
  }
  return e;
}

function isSignature(line: string): boolean {
  if (line.length === 0) return true;
  if (line.length > 30) return false;
  if (/^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|发布|印)?$/.test(line)) return true;
  if (/^[（(]此件.{0,12}[）)]$/.test(line)) return true;
  return (
    !/[。，,；;：:！？]/.test(line) &&
    /(?:局|厅|委|办|政府|中心|院|会|室|处|部|领导小组)$/.test(line)
  );
}

// ---------------------------------------------------------------------------------------------
// headings and parts

function headingNode(s: string, gaps: Uint8Array, m: Label, next: number): Node {
  const from = m.end;
  let k = from;
  while (k < next && s[k] !== '\n' && !SENTENCE_END.has(s[k] ?? '')) k++;
  let titleEnd = k;
  let introStart = k < next ? k + 1 : k;
  if (titleEnd - from > MAX_HEADING) {
    // a flattened page: the heading runs into its body; it ends where a space was, else at
    // the first comma
    const limit = Math.min(titleEnd, from + MAX_HEADING);
    let cut = -1;
    for (let q = from + 2; q < limit && cut < 0; q++) if (gaps[q]) cut = q;
    for (let q = from + 2; q < limit && cut < 0; q++) if (CLAUSE_END.has(s[q] ?? '')) cut = q;
    if (cut < 0) cut = limit;
    titleEnd = cut;
    introStart = CLAUSE_END.has(s[cut] ?? '') ? cut + 1 : cut;
  }
  const title = s
    .slice(from, titleEnd)
    .replace(/[，,：:；;、\s]+$/, '')
    .trim();
  return {
    label: m,
    // 一、 → 一, （五） → 五; a heading numbered 1、 or （1） keeps its arabic number
    numeral: /[一二三四五六七八九十]/.test(m.text)
      ? m.text.replace(/[^一二三四五六七八九十〇零]/g, '')
      : String(m.n),
    title,
    contentEnd: next,
    introStart: Math.min(introStart, next),
    children: [],
    points: [],
    part: 'plan',
  };
}

/** Headings that frame the plan rather than hold work: their text is context and targets. */
function isFraming(title: string): boolean {
  return /^(?:指导思想|总体要求|基本原则|(?:主要|工作|总体|发展|预期|年度)目标(?:任务)?|总体思路|工作思路)$/.test(
    title.replace(/[（(].*$/, ''),
  );
}

const PROBLEMS_CUE = /问题|不足|短板|薄弱环节|差距/;
const REVIEW_CUE =
  /(?:开展|完成|落实|进展|推进|执行|基本|总体|工作)情况|总结|成效|成绩|回顾|主要做法|主要工作及/;
const PLAN_CUE = /计划|打算|下一步|下半年|明年|下阶段|下一阶段|今后|工作安排|工作思路|思路/;

/**
 * A summary (工作总结及工作计划, or a report with a problems chapter) has parts: the review of
 * past work, the problems found and the forward plan. Chapters say which by their words;
 * an unmarked chapter before the first plan or problems chapter is review, after it plan.
 * A plain plan has only 'plan' items, whatever its chapters are called.
 */
function assignParts(title: string | null, tops: Node[]): void {
  const cue = (t: string): PlanPart | null => {
    if (PROBLEMS_CUE.test(t) && !PLAN_CUE.test(t)) return 'problems';
    if (PLAN_CUE.test(t)) return 'plan';
    if (REVIEW_CUE.test(t)) return 'review';
    return null;
  };
  const cues = tops.map((t) => cue(t.title));
  const summaryTitle = title !== null && /总结|汇报|情况报告|述职/.test(title);
  const hasProblems = cues.includes('problems');
  const isSummary =
    summaryTitle || hasProblems || (cues.includes('review') && cues.includes('plan'));
  if (!isSummary) return;
  let seenPlan = false;
  tops.forEach((node, i) => {
    const c = cues[i] ?? null;
    let part: PlanPart;
    if (c === 'problems' || c === 'plan') part = c;
    else if (c === 'review') part = seenPlan ? 'plan' : 'review';
    else {
      const laterCue = cues.slice(i + 1).some((x) => x === 'problems' || x === 'plan');
      part = !seenPlan && laterCue ? 'review' : 'plan';
    }
    if (part === 'plan' || part === 'problems') seenPlan = seenPlan || part === 'plan';
    node.part = part;
    for (const sec of node.children) {
      const sc = cue(sec.title);
      sec.part = sc === 'problems' && part !== 'plan' ? 'problems' : part;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// items

interface ItemContext {
  year: number | null;
  warnings: string[];
  pointStyle: PointStyle | null;
}

function where(meta: ItemMeta): string {
  const chapter = meta.chapter ? `${meta.chapter}、` : '';
  const section = meta.section ? `（${meta.section}）` : '';
  return `${chapter}${section}${meta.label}`;
}

function buildItem(meta: ItemMeta, raw: string, ctx: ItemContext): ParsedPoint | null {
  const text = joinLines(raw).replace(/^[、，,.．:：；;\s]+/, '');
  if (text.length === 0) {
    ctx.warnings.push(`${where(meta)}没有内容，已略过`);
    return null;
  }
  const warn = (message: string) => ctx.warnings.push(`${where(meta)}：${message}`);
  const resp = extractResponsibility(text);
  const titleSource = resp.stripped.length > 0 ? resp.stripped : text;
  let title = firstSentence(titleSource);
  if (title.length === 0) title = firstSentence(text);
  // 一是…；二是… items end with a semicolon by nature; a numbered point should have a sentence
  if (!meta.label.endsWith('是') && !/[。！？!?]/.test(text)) warn('没有句号，标题取了第一行');
  const forward = meta.part === 'plan';
  const lead = resp.leadUnits;
  const co = resp.coUnits;
  const named = new Set([...lead, ...co]);
  return {
    no: meta.no,
    label: meta.label,
    chapter: meta.chapter,
    section: meta.section,
    part: meta.part,
    title,
    text,
    subItems: subItems(text, ctx.pointStyle),
    leadUnits: lead,
    coUnits: co,
    mentionedUnits: extractUnits(text).filter((u) => !named.has(u)),
    // the review and the problems describe the past: their figures are results, not targets
    deadline: forward ? resolveDeadline(text, resp.deadlineText, ctx.year, warn) : null,
    targets: forward ? extractTargets(text) : [],
  };
}

/** Up to the first 。 outside quotes and brackets (without it), or the first line. */
function firstSentence(t: string): string {
  let depth = 0;
  let end = -1;
  for (let k = 0; k < t.length; k++) {
    const c = t[k] ?? '';
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth = Math.max(0, depth - 1);
    else if (c === '\n' && depth === 0) {
      end = k;
      break;
    } else if (SENTENCE_END.has(c) && depth === 0) {
      end = k;
      break;
    }
  }
  if (end === -1) {
    // unbalanced quotes: the first full stop, wherever it is
    const stop = t.search(/[。！？!?\n]/);
    end = stop === -1 ? t.length : stop;
  }
  return t
    .slice(0, end)
    .replace(/[，,：:；;、\s]+$/, '')
    .trim();
}

interface EnumItem {
  n: number;
  label: string;
  start: number;
  textStart: number;
  end: number;
}

/**
 * 一是…二是…三是… in a text: a chain numbered from 一 without gaps (a stray 二是 is prose).
 * A new chain may start at 一是 once one has two items (a second paragraph's list).
 */
function findEnumerations(t: string): EnumItem[] {
  const found: Label[] = [];
  let expected = 1;
  for (const l of scanEnumerations(t)) {
    if (l.n === expected) {
      found.push(l);
      expected++;
    } else if (l.n === 1 && expected > 2) {
      found.push(l);
      expected = 2;
    }
  }
  if (found.length < 2) return [];
  return found.map((l, i) => {
    const next = found[i + 1];
    let end = next?.start ?? t.length;
    if (next && next.n === 1) {
      // the next list starts a new paragraph: this item ends with the paragraph before it
      let brk = next.start - 1;
      while (brk > l.end && t[brk] !== '\n') brk--;
      if (brk > l.end) end = brk;
    }
    return { n: l.n, label: l.text, start: l.start, textStart: l.end, end };
  });
}

/** Labelled lists inside an item: 一是…二是…, or a numbering other than the points' own. */
function subItems(text: string, pointStyle: PointStyle | null): string[] {
  const clean = (x: string) => x.replace(/[；;，,。\s]+$/, '').trim();
  const enums = findEnumerations(text);
  if (enums.length >= 2) return enums.map((e) => clean(text.slice(e.textStart, e.end)));
  const list: Label[] = [];
  for (const l of scanLabels(text)) {
    if (l.kind !== 'point' || l.style === pointStyle) continue;
    const style = list[0]?.style;
    if (list.length === 0 ? l.n === 1 : l.style === style && l.n === list.length + 1) list.push(l);
  }
  if (list.length < 2) return [];
  return list.map((l, i) => clean(text.slice(l.end, list[i + 1]?.start ?? text.length)));
}
