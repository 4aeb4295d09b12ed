import { RISK_LABELS, chineseDate } from '@workpoints/domain';
import type { FileChild } from 'docx';
import {
  body,
  heading,
  officialDocument,
  signature,
  subheading,
  title,
} from '../official-document';
import type { SummaryData, SummaryPoint } from './summary.data';

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 25 → 二十五: heading numbers up to 99. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/** `2024-06-20` → 6月20日 within the plan's year; 2025年1月8日 outside it. */
export function dayInYear(date: string, year: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return y === year ? `${m}月${d}日` : chineseDate(date);
}

/** Text ready to be followed by our own punctuation: one paragraph, no closing mark. */
function sentence(text: string): string {
  return text
    .replace(/\s*\n\s*/g, '')
    .trim()
    .replace(/[。；;，,.、：:\s]+$/u, '');
}

/**
 * The summary's title from the plan's: 2024年全省知识产权工作要点 → 2024年上半年全省知识产权工作总结
 * (annual: 2024年全省知识产权工作总结). The plan's year is used when its title has none.
 */
export function summaryTitle(data: Pick<SummaryData, 'planTitle' | 'year' | 'period'>): string {
  let subject = data.planTitle.trim();
  let year = data.year;
  const leading = /^(\d{4})\s*年度?/.exec(subject);
  if (leading) {
    year = Number(leading[1]);
    subject = subject.slice(leading[0].length);
  }
  // A bracketed note after the title (（演示）, （试行）) stays at the end.
  const note = /[（(][^（）()]*[）)]$/u.exec(subject)?.[0] ?? '';
  subject = subject
    .slice(0, subject.length - note.length)
    .replace(/(工作要点|工作计划|重点工作|要点|计划|安排)$/u, '')
    .replace(/工作$/u, '')
    .trim();
  return `${year}年${data.period === 'half-year' ? '上半年' : ''}${subject}工作总结${note}`;
}

/** 6月底前（6月28日）, 6月28日, or the phrase alone for undated work. */
function deadlineText(p: SummaryPoint, year: number): string {
  if (!p.deadline) return p.deadlineText ?? '未设定';
  const date = dayInYear(p.deadline, year);
  return p.deadlineText && p.deadlineText !== date ? `${p.deadlineText}（${date}）` : date;
}

interface ProblemGroup {
  title: string;
  intro: string;
  points: SummaryPoint[];
  /** What is said of each point after its deadline. */
  note: (p: SummaryPoint) => string;
}

const department = (p: SummaryPoint) => p.department ?? '未指定';

/** （3）开展专利执法专项行动。牵头单位：保护处。完成情况：推进中。进展：…（截至6月20日）。 */
export function progressParagraph(p: SummaryPoint, year: number): string {
  const progress = p.latestReport
    ? `${sentence(p.latestReport.text)}（截至${dayInYear(p.latestReport.date, year)}）`
    : '本期未报送进展情况';
  return (
    `（${p.number}）${sentence(p.title)}。牵头单位：${department(p)}。` +
    `完成情况：${p.statusLabel}${p.overdue && p.status !== 'completed' ? '（已逾期）' : ''}。` +
    `进展：${progress}。`
  );
}

/** The overview's figures as prose (一、总体情况). */
export function overviewText(data: SummaryData): string {
  const f = data.figures;
  const targets =
    f.targets.total > 0 ? `；量化指标${f.targets.total}项，已达标${f.targets.met}项` : '';
  const cancelled = f.cancelled > 0 ? `另有${f.cancelled}项已取消，未计入上述总数。` : '';
  return (
    `截至${dayInYear(data.asOf, data.year)}，《${data.planTitle}》全年共部署工作要点${f.total}项，` +
    `已完成${f.completed}项，正在推进${f.inProgress}项，逾期${f.overdue}项${targets}。${cancelled}`
  );
}

/**
 * The half-year or annual summary (工作总结) as a Word draft in the office's shape, for the
 * coordinator to edit: 一、总体情况 (the figures), 二、重点工作推进情况 (chapter by chapter, a
 * paragraph per point from its latest report), 三、存在的问题 (overdue and at-risk points),
 * 四、下半年工作重点 / 下一步工作打算 (open points by deadline), then the office and the date.
 */
export function summaryDocument(data: SummaryData): Promise<Buffer> {
  const { year } = data;
  const documentTitle = summaryTitle(data);
  const children: FileChild[] = [
    ...title(documentTitle, data.scope ? `（${data.scope}）` : undefined),
    heading('一、总体情况'),
    body(overviewText(data)),
    heading('二、重点工作推进情况'),
  ];
  if (data.chapters.length === 0) children.push(body('本期无已部署的工作要点。'));
  data.chapters.forEach((chapter, i) => {
    children.push(subheading(`（${chineseNumber(i + 1)}）${chapter.title}`));
    for (const p of chapter.points) children.push(body(progressParagraph(p, year)));
    chapter.sections.forEach((section, j) => {
      children.push(body('', `${j + 1}.${section.title}`));
      for (const p of section.points) children.push(body(progressParagraph(p, year)));
    });
  });

  children.push(heading('三、存在的问题'));
  const { overdue, atRisk } = data.problems;
  const problemGroups: ProblemGroup[] = [
    {
      title: '逾期未完成的工作要点',
      intro: `${overdue.length}项工作要点已过完成时限仍未办结，需督促牵头单位加快推进：`,
      points: overdue,
      note: (p) => `当前状态：${p.statusLabel}，已逾期`,
    },
    {
      title: '存在风险的工作要点',
      intro: `${atRisk.length}项工作要点临近完成时限或未按时报送进展，已亮灯预警：`,
      points: atRisk,
      note: (p) => `当前状态：${p.statusLabel}，${RISK_LABELS[p.risk]}`,
    },
  ];
  const groups = problemGroups.filter((g) => g.points.length > 0);
  if (groups.length === 0)
    children.push(body('各项工作要点均在完成时限内推进，暂无逾期或预警事项。'));
  groups.forEach((g, i) => {
    children.push(subheading(`（${chineseNumber(i + 1)}）${g.title}`), body(g.intro));
    for (const p of g.points)
      children.push(
        body(
          `（${p.number}）${sentence(p.title)}。牵头单位：${department(p)}；` +
            `完成时限：${deadlineText(p, year)}；${g.note(p)}。`,
        ),
      );
  });

  const halfYear = data.period === 'half-year';
  children.push(heading(halfYear ? '四、下半年工作重点' : '四、下一步工作打算'));
  if (data.nextFocus.length === 0)
    children.push(
      body(
        halfYear
          ? '下半年到期的工作要点均已完成，将继续巩固工作成效。'
          : '全年工作要点均已完成，将认真总结经验，谋划好下一年度工作。',
      ),
    );
  else {
    children.push(
      body(
        `${halfYear ? '下半年' : '下一步'}，将围绕尚未完成的${data.nextFocus.length}项工作要点，` +
          '按照完成时限倒排工期、压实责任，确保按期保质完成：',
      ),
    );
    for (const p of data.nextFocus)
      children.push(
        body(
          `（${p.number}）${sentence(p.title)}。牵头单位：${department(p)}；` +
            `完成时限：${deadlineText(p, year)}${p.overdue ? '（已逾期，须加快推进）' : ''}。`,
        ),
      );
  }

  children.push(body(''), ...signature(data.office, chineseDate(data.asOf)));
  return officialDocument({ title: documentTitle }, children);
}
