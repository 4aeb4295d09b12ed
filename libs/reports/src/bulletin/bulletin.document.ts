import {
  SCORE_RULE_LABELS,
  chineseDate,
  type RankingRow,
  type ScoreRules,
} from '@workpoints/domain';
import type { BulletinPoint } from '@workpoints/persistence';
import type { FileChild } from 'docx';
import { body, heading, officialDocument, signature, table, title } from '../official-document';

export interface BulletinContent {
  planTitle: string;
  /** `YYYY-MM`. */
  month: string;
  /** The last day the figures cover. */
  asOf: string;
  /** The day it was produced (Asia/Shanghai), for the signature. */
  producedOn: string;
  pointsOpen: number;
  rules: ScoreRules;
  ranking: RankingRow[];
  completed: BulletinPoint[];
  overdue: BulletinPoint[];
  /** Who issues it; 办公室 unless the office says otherwise. */
  office?: string;
}

const FILL = { top: 'E2EFDA', bottom: 'FCE4D6' };

const chineseMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
};
/** The working days late this month, with what the score counted when the cap cut it. */
const overdueDays = (row: RankingRow) => {
  const days = row.overdueWorkdays.reduce((a, b) => a + b, 0);
  const counted = row.breakdown.find((l) => l.rule === 'overdueWorkday')?.count ?? days;
  return counted === days ? String(days) : `${days}（计${counted}）`;
};
const signed = (x: number) => (x > 0 ? `+${x}` : `${x}`);

/** The document's file name, e.g. `2024年3月工作要点落实情况通报.docx`. */
export function bulletinFilename(month: string): string {
  return `${chineseMonth(month)}工作要点落实情况通报.docx`;
}

/**
 * The monthly bulletin (月度通报) as the general office writes it: the month's figures in one
 * paragraph, the points completed, the points overdue with their departments and working days
 * late, the ranking with each department's score, the rules it was scored by, and what the
 * departments are asked to do.
 */
export function bulletinDocument(content: BulletinContent): Promise<Buffer> {
  const { completed, overdue, ranking } = content;
  const [, m] = content.month.split('-').map(Number);
  const onTime = completed.filter((p) => !p.late).length;
  const children: FileChild[] = [
    ...title(`关于${chineseMonth(content.month)}工作要点落实情况的通报`),
    body(
      `截至${chineseDate(content.asOf)}，《${content.planTitle}》在办工作要点${content.pointsOpen}项。` +
        `${m}月办结${completed.length}项（其中按期办结${onTime}项、逾期后办结${completed.length - onTime}项），` +
        `逾期未完成${overdue.length}项。现将有关情况通报如下。`,
    ),
    heading('一、本月办结情况'),
  ];
  if (completed.length === 0) children.push(body('本月无办结的工作要点。'));
  else
    children.push(
      table(
        [
          { header: '序号', width: 8, align: 'center' },
          { header: '工作要点', width: 50 },
          { header: '牵头单位', width: 18 },
          { header: '办结日期', width: 14, align: 'center' },
          { header: '是否按期', width: 10, align: 'center' },
        ],
        completed.map((p) => [
          String(p.number),
          p.title,
          p.departmentName,
          chineseDate(p.completedOn as string).replace(/^\d+年/, ''),
          p.late ? '逾期' : '按期',
        ]),
      ),
    );

  children.push(heading('二、逾期未完成情况'));
  if (overdue.length === 0) children.push(body('本月无逾期未完成的工作要点。'));
  else
    children.push(
      table(
        [
          { header: '序号', width: 8, align: 'center' },
          { header: '工作要点', width: 46 },
          { header: '牵头单位', width: 18 },
          { header: '完成时限', width: 16, align: 'center' },
          { header: '逾期工作日', width: 12, align: 'center' },
        ],
        overdue.map((p) => [
          String(p.number),
          p.title,
          p.departmentName,
          p.deadline ? chineseDate(p.deadline) : '—',
          p.workdaysLate === null || p.workdaysLate === undefined ? '—' : String(p.workdaysLate),
        ]),
        { fill: () => 'FFC7CE' },
      ),
    );

  children.push(heading('三、各单位得分排名'));
  if (ranking.length === 0) children.push(body('本月没有牵头在办工作要点的单位。'));
  else {
    const lastRank = Math.max(...ranking.map((r) => r.rank));
    children.push(
      table(
        [
          { header: '排名', width: 7, align: 'center' },
          { header: '单位', width: 17 },
          { header: '牵头要点', width: 9, align: 'center' },
          { header: '按时报送', width: 9, align: 'center' },
          { header: '未按时报送', width: 10, align: 'center' },
          { header: '按期办结', width: 9, align: 'center' },
          { header: '逾期后办结', width: 10, align: 'center' },
          { header: '逾期工作日', width: 10, align: 'center' },
          { header: '退回', width: 7, align: 'center' },
          { header: '得分', width: 12, align: 'center' },
        ],
        ranking.map((r) => [
          String(r.rank),
          r.name,
          String(r.pointsLed),
          String(r.onTimeReports),
          String(r.missedReports),
          String(r.completedOnTime),
          String(r.completedLate),
          overdueDays(r),
          String(r.returns),
          r.score.toFixed(1),
        ]),
        {
          fill: (row) =>
            ranking[row].rank === 1
              ? FILL.top
              : ranking[row].rank === lastRank && lastRank > 1
                ? FILL.bottom
                : undefined,
        },
      ),
    );
  }

  const rules = content.rules;
  const lines = (
    [
      'onTimeReport',
      'missedReport',
      'onTimeCompletion',
      'lateCompletion',
      'overdueWorkday',
      'return',
    ] as const
  ).map((k) => `${SCORE_RULE_LABELS[k]}每项${signed(rules[k])}分`);
  children.push(
    heading('四、计分规则'),
    body(
      `各单位以${rules.base}分为基础分：${lines.join('，')}` +
        (rules.overdueWorkdayCap > 0
          ? `（每项要点每月逾期工作日最多计${rules.overdueWorkdayCap}天）`
          : '') +
        '。得分相同的单位并列排名。',
    ),
    heading('五、工作要求'),
    body(
      overdue.length > 0
        ? '请逾期单位对照通报认真分析原因，制定整改措施，倒排工期、加快推进，并于下次进展报送时一并说明整改情况；各分管领导加强督促指导。'
        : '请各单位保持工作节奏，按时报送进展，确保各项工作要点按期完成。',
    ),
    ...signature(content.office ?? '办公室', chineseDate(content.producedOn)),
  );
  return officialDocument(
    { title: `${chineseMonth(content.month)}工作要点落实情况通报` },
    children,
  );
}
