import JSZip from 'jszip';
import { STATUS_LABELS } from '@workpoints/domain';
import type { SummaryData, SummaryPoint } from './summary.data';
import { chineseNumber, summaryDocument, summaryTitle } from './summary.document';

/** The document's paragraphs as plain text, in order, read back from word/document.xml. */
async function paragraphs(docx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1] ?? '')).join(''),
  );
}

const point = (number: number, over: Partial<SummaryPoint> = {}): SummaryPoint => {
  const status = over.status ?? 'in_progress';
  return {
    number,
    title: `要点${number}`,
    department: '专利管理处',
    status,
    statusLabel: STATUS_LABELS[status],
    risk: 'green',
    overdue: false,
    deadline: '2024-12-31',
    deadlineText: null,
    latestReport: null,
    ...over,
  };
};

const p1 = point(1, {
  title: '开展专利侵权纠纷行政裁决试点。',
  status: 'in_progress',
  risk: 'red',
  overdue: true,
  deadline: '2024-05-31',
  deadlineText: '5月底前',
  department: '保护处',
  latestReport: { kind: 'progress', text: '已受理案件12件，\n结案8件。', date: '2024-06-20' },
});
const p2 = point(2, {
  title: '完善专利资助政策',
  status: 'completed',
  latestReport: { kind: 'completion', text: '新办法已印发 & 实施', date: '2024-04-03' },
});
const p3 = point(3, { title: '推进质押融资', risk: 'yellow', deadline: '2024-07-10' });
const p4 = point(4, { title: '建设运营服务平台', deadline: '2024-06-28', status: 'acknowledged' });
const p5 = point(5, { title: '加强宣传培训', deadline: null, deadlineText: '长期坚持' });

const data: SummaryData = {
  planId: 'plan-1',
  planTitle: '2024年市知识产权局工作要点',
  year: 2024,
  period: 'half-year',
  periodStart: '2024-01-01',
  periodEnd: '2024-06-30',
  asOf: '2024-07-05',
  office: '市知识产权局',
  scope: null,
  figures: {
    total: 5,
    completed: 1,
    inProgress: 3,
    overdue: 1,
    cancelled: 1,
    targets: { total: 6, withActual: 4, met: 3 },
  },
  chapters: [
    {
      label: '一',
      title: '强化知识产权保护',
      points: [p2],
      sections: [{ label: '（一）', title: '行政裁决', points: [p1] }],
    },
    { label: '二', title: '促进知识产权运用', points: [p3, p4], sections: [] },
    { label: '', title: '其他', points: [p5], sections: [] },
  ],
  problems: { overdue: [p1], atRisk: [p3] },
  nextFocus: [p1, p3, p5],
};

describe('summaryDocument (工作总结)', () => {
  it('writes the title, the four parts in order and the signature', async () => {
    const text = await paragraphs(await summaryDocument(data));
    expect(text[0]).toBe('2024年上半年市知识产权局工作总结');
    const headings = text.filter((t) => /^[一二三四]、/.test(t));
    expect(headings).toEqual([
      '一、总体情况',
      '二、重点工作推进情况',
      '三、存在的问题',
      '四、下半年工作重点',
    ]);
    expect(text.slice(-2)).toEqual(['市知识产权局', '2024年7月5日']);
  });

  it('states the figures as prose in the overview', async () => {
    const text = await paragraphs(await summaryDocument(data));
    const overview = text[text.indexOf('一、总体情况') + 1];
    expect(overview).toBe(
      '截至7月5日，《2024年市知识产权局工作要点》全年共部署工作要点5项，已完成1项，' +
        '正在推进3项，逾期1项；量化指标6项，已达标3项。另有1项已取消，未计入上述总数。',
    );
  });

  it('leaves the targets out of a plan without any', async () => {
    const none = { total: 0, withActual: 0, met: 0 };
    const text = await paragraphs(
      await summaryDocument({ ...data, figures: { ...data.figures, targets: none, cancelled: 0 } }),
    );
    expect(text[text.indexOf('一、总体情况') + 1]).toBe(
      '截至7月5日，《2024年市知识产权局工作要点》全年共部署工作要点5项，已完成1项，' +
        '正在推进3项，逾期1项。',
    );
  });

  it('reports chapter by chapter, each point with its latest report and date', async () => {
    const text = await paragraphs(await summaryDocument(data));
    const part = text.slice(
      text.indexOf('二、重点工作推进情况') + 1,
      text.indexOf('三、存在的问题'),
    );
    expect(part).toEqual([
      '（一）强化知识产权保护',
      '（2）完善专利资助政策。牵头单位：专利管理处。完成情况：已办结。进展：新办法已印发 & 实施（截至4月3日）。',
      '1.行政裁决',
      '（1）开展专利侵权纠纷行政裁决试点。牵头单位：保护处。完成情况：推进中（已逾期）。' +
        '进展：已受理案件12件，结案8件（截至6月20日）。',
      '（二）促进知识产权运用',
      '（3）推进质押融资。牵头单位：专利管理处。完成情况：推进中。进展：本期未报送进展情况。',
      '（4）建设运营服务平台。牵头单位：专利管理处。完成情况：已签收。进展：本期未报送进展情况。',
      '（三）其他',
      '（5）加强宣传培训。牵头单位：专利管理处。完成情况：推进中。进展：本期未报送进展情况。',
    ]);
  });

  it('lists overdue and at-risk points as problems, open points as the next half’s focus', async () => {
    const text = await paragraphs(await summaryDocument(data));
    const problems = text.slice(
      text.indexOf('三、存在的问题') + 1,
      text.indexOf('四、下半年工作重点'),
    );
    expect(problems).toEqual([
      '（一）逾期未完成的工作要点',
      '1项工作要点已过完成时限仍未办结，需督促牵头单位加快推进：',
      '（1）开展专利侵权纠纷行政裁决试点。牵头单位：保护处；完成时限：5月底前（5月31日）；当前状态：推进中，已逾期。',
      '（二）存在风险的工作要点',
      '1项工作要点临近完成时限或未按时报送进展，已亮灯预警：',
      '（3）推进质押融资。牵头单位：专利管理处；完成时限：7月10日；当前状态：推进中，黄灯。',
    ]);
    const focus = text.slice(text.indexOf('四、下半年工作重点') + 1, -3);
    expect(focus).toEqual([
      '下半年，将围绕尚未完成的3项工作要点，按照完成时限倒排工期、压实责任，确保按期保质完成：',
      '（1）开展专利侵权纠纷行政裁决试点。牵头单位：保护处；完成时限：5月底前（5月31日）（已逾期，须加快推进）。',
      '（3）推进质押融资。牵头单位：专利管理处；完成时限：7月10日。',
      '（5）加强宣传培训。牵头单位：专利管理处；完成时限：长期坚持。',
    ]);
  });

  it('says so when nothing is late and nothing is left, and signs an annual summary', async () => {
    const text = await paragraphs(
      await summaryDocument({
        ...data,
        period: 'annual',
        periodEnd: '2024-12-31',
        asOf: '2025-01-08',
        office: '办公室',
        scope: '专利管理处牵头',
        problems: { overdue: [], atRisk: [] },
        nextFocus: [],
      }),
    );
    expect(text.slice(0, 2)).toEqual(['2024年市知识产权局工作总结', '（专利管理处牵头）']);
    expect(text[text.indexOf('一、总体情况') + 1]).toMatch(/^截至2025年1月8日，/);
    expect(text[text.indexOf('三、存在的问题') + 1]).toBe(
      '各项工作要点均在完成时限内推进，暂无逾期或预警事项。',
    );
    expect(text[text.indexOf('四、下一步工作打算') + 1]).toBe(
      '全年工作要点均已完成，将认真总结经验，谋划好下一年度工作。',
    );
    expect(text.slice(-2)).toEqual(['办公室', '2025年1月8日']);
  });
});

describe('summaryTitle', () => {
  it('turns the plan title into the summary title', () => {
    const t = (planTitle: string, period: 'half-year' | 'annual' = 'half-year') =>
      summaryTitle({ planTitle, year: 2024, period });
    expect(t('2023年全省知识产权工作要点')).toBe('2023年上半年全省知识产权工作总结');
    expect(t('2023年全省知识产权工作要点', 'annual')).toBe('2023年全省知识产权工作总结');
    expect(t('2024年度重点工作')).toBe('2024年上半年工作总结');
    expect(t('市知识产权局工作计划', 'annual')).toBe('2024年市知识产权局工作总结');
    expect(t('2026年市知识产权局工作要点（演示）', 'annual')).toBe(
      '2026年市知识产权局工作总结（演示）',
    );
  });
});

describe('chineseNumber', () => {
  it('numbers headings the Chinese way', () => {
    expect([1, 9, 10, 11, 20, 25].map(chineseNumber)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十五',
    ]);
  });
});
