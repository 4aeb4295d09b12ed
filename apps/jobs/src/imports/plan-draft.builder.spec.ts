import type { ParsedPlan, ParsedPoint } from '@workpoints/plan-parser';
import { buildPlanDraft } from './plan-draft.builder';

const point = (over: Partial<ParsedPoint>): ParsedPoint => ({
  no: '1',
  label: '1.',
  chapter: null,
  section: null,
  part: 'plan',
  title: '要点',
  text: '要点。',
  subItems: [],
  leadUnits: [],
  coUnits: [],
  mentionedUnits: [],
  deadline: null,
  targets: [],
  ...over,
});

const parsed: ParsedPlan = {
  title: null,
  year: null,
  targets: [],
  warnings: ['第3项没有句号'],
  chapters: [
    {
      numeral: '一',
      title: '上半年工作',
      part: 'review',
      sections: [{ numeral: '一', title: '保护' }],
    },
    { numeral: '二', title: '存在的问题', part: 'problems', sections: [] },
    { numeral: '三', title: '下半年工作计划', part: 'plan', sections: [] },
  ],
  points: [
    point({
      no: '1',
      label: '1.',
      chapter: '一',
      section: '一',
      part: 'review',
      title: '开展了执法',
    }),
    point({ no: '1', label: '一是', chapter: '二', part: 'problems', title: '力量不足' }),
    point({
      no: '1',
      label: '一是',
      chapter: '三',
      part: 'plan',
      title: '加强商标执法',
      text: '加强商标执法。',
      deadline: { text: '年底前', date: '2019-12-31' },
    }),
    point({
      no: '2',
      label: '二是',
      chapter: '三',
      part: 'plan',
      title: '推进转化',
      text: '推进转化。',
      deadline: { text: '第五季度', date: null },
    }),
  ],
};

describe('buildPlanDraft', () => {
  const draft = buildPlanDraft(parsed, {
    filename: '半年总结.pdf',
    fallbackYear: 2019,
    departments: [{ id: 'sb', name: '商标品牌处' }],
    rules: [{ keyword: '商标', departmentId: 'sb' }],
  });

  it('tracks only the forward plan, and counts every part', () => {
    expect(draft.parts).toEqual({ plan: 2, review: 1, problems: 1 });
    expect(draft.points.map((p) => [p.number, p.label, p.title])).toEqual([
      [1, '一是', '加强商标执法'],
      [2, '二是', '推进转化'],
    ]);
  });

  it('keeps only the headings that hold tracked points', () => {
    expect(draft.nodes).toEqual([
      {
        key: 'c:三',
        parentKey: null,
        kind: 'chapter',
        label: '三',
        title: '下半年工作计划',
        position: 2,
      },
    ]);
    expect(draft.points.every((p) => p.nodeKey === 'c:三')).toBe(true);
  });

  it('names the plan after the file and falls back to the given year when the document has neither', () => {
    expect(draft).toMatchObject({ title: '半年总结', year: 2019, warnings: ['第3项没有句号'] });
  });

  it('keeps resolved deadlines and the phrase, and suggests departments with reasons', () => {
    expect(draft.points[0]).toMatchObject({ deadline: '2019-12-31', deadlineText: '年底前' });
    expect(draft.points[1]).toMatchObject({ deadline: null, deadlineText: '第五季度' });
    expect(draft.points[0]?.suggestions.lead).toEqual({
      departmentId: 'sb',
      departmentName: '商标品牌处',
      reason: '关键词“商标”',
    });
  });
});
