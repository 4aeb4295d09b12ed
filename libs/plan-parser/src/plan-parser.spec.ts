import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from './plan-parser';
import type { ParsedPlan, ParsedPoint } from './plan-parser.types';
import { scanLabels } from './structure';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** [no, chapter, section] of every point: the shape of the tree. */
const shape = (plan: ParsedPlan) => plan.points.map((p) => [p.no, p.chapter, p.section]);
const point = (plan: ParsedPlan, label: string): ParsedPoint => {
  const found = plan.points.find((p) => p.label === label);
  if (!found) throw new Error(`no point ${label}`);
  return found;
};
const byNo = (plan: ParsedPlan, no: string): ParsedPoint => {
  const found = plan.points.find((p) => p.no === no);
  if (!found) throw new Error(`no point ${no}`);
  return found;
};

const DOT_SHAPE = [
  ['1', '一', null],
  ['2', '一', null],
  ['3', '二', '一'],
  ['4', '二', '一'],
  ['5', '二', '二'],
  ['6', '二', '二'],
  ['7', '三', null],
  ['8', '三', null],
  ['9', '三', null],
];

describe('parsePlan: a plan numbered 1. 2. 3. across chapters and sections', () => {
  const plan = parsePlan(fixture('plan-dot-continuous.txt'));

  it('reads the title, the year and the headline targets of the preamble', () => {
    expect(plan.title).toBe('2024年全市科技创新工作要点');
    expect(plan.year).toBe(2024);
    expect(plan.targets).toEqual([
      { text: '突破1500家', value: 1500, unit: '家', comparator: '>' },
      { text: '超50亿元', value: 50, unit: '亿元', comparator: '>' },
      { text: '达到2.8%', value: 2.8, unit: '%', comparator: '>=' },
      { text: '不少于30个', value: 30, unit: '个', comparator: '>=' },
      { text: '增长15%以上', value: 15, unit: '%', comparator: '>=' },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('reads chapters, sections and points', () => {
    expect(plan.chapters).toEqual([
      { numeral: '一', title: '强化科技创新平台建设', part: 'plan', sections: [] },
      {
        numeral: '二',
        title: '提升企业创新能力',
        part: 'plan',
        sections: [
          { numeral: '一', title: '壮大创新主体' },
          { numeral: '二', title: '促进成果转化' },
        ],
      },
      { numeral: '三', title: '优化创新生态', part: 'plan', sections: [] },
    ]);
    expect(shape(plan)).toEqual(DOT_SHAPE);
    expect(plan.points.map((p) => p.label)).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
      '6.',
      '7.',
      '8.',
      '9.',
    ]);
    expect(plan.points.every((p) => p.part === 'plan')).toBe(true);
  });

  it('gives each point its first sentence as title and its whole text', () => {
    const p1 = byNo(plan, '1');
    expect(p1.title).toBe('推进重点实验室建设');
    expect(p1.text).toBe(
      '推进重点实验室建设。围绕主导产业布局一批市级重点实验室，力争新增省级重点实验室5家以上（市科技局牵头，市财政局、市发展改革委配合）。6月底前完成年度认定工作。',
    );
  });

  it('reads lead and co-departments from （X牵头，Y、Z配合）', () => {
    const p1 = byNo(plan, '1');
    expect(p1.leadUnits).toEqual(['市科技局']);
    expect(p1.coUnits).toEqual(['市财政局', '市发展改革委']);
    expect(p1.mentionedUnits).toEqual([]);
  });

  it('reads targets in points, ranges and 力争 included', () => {
    expect(byNo(plan, '1').targets).toEqual([
      { text: '5家以上', value: 5, unit: '家', comparator: '>=', aspirational: true },
    ]);
    expect(byNo(plan, '2').targets).toEqual([
      { text: '培育10-15家', value: 10, valueMax: 15, unit: '家', comparator: 'range' },
    ]);
    expect(byNo(plan, '3').targets).toEqual([
      { text: '10至15家', value: 10, valueMax: 15, unit: '家', comparator: 'range' },
    ]);
    expect(byNo(plan, '4').targets).toEqual([
      { text: '不低于50%', value: 50, unit: '%', comparator: '>=' },
    ]);
    expect(byNo(plan, '6').targets).toEqual([
      { text: '增长20%左右', value: 20, unit: '%', comparator: '~' },
    ]);
    expect(byNo(plan, '7').targets).toEqual([
      { text: '20个左右', value: 20, unit: '个', comparator: '~' },
    ]);
  });

  it('resolves deadline phrases in the plan year', () => {
    expect(plan.points.map((p) => p.deadline)).toEqual([
      { text: '6月底前', date: '2024-06-30' },
      { text: '全年', date: '2024-12-31' },
      { text: '第三季度', date: '2024-09-30' },
      null,
      { text: '12月31日前', date: '2024-12-31' },
      null,
      { text: '长期坚持', date: null },
      { text: '年底前', date: '2024-12-31' },
      { text: '2024年9月30日前', date: '2024-09-30' },
    ]);
    expect(byNo(plan, '9').title).toBe('加强科技监督和诚信建设');
  });

  it('keeps 一是… inside a point as its sub-items', () => {
    expect(byNo(plan, '4').subItems).toEqual(['开展政策宣讲', '组织专家上门服务', '建立问题清单']);
    expect(plan.points).toHaveLength(9);
  });

  it('names units the text mentions (会同, 联合)', () => {
    expect(byNo(plan, '2').mentionedUnits).toEqual(['市教育局']);
    expect(byNo(plan, '5').mentionedUnits).toEqual(['省技术市场中心']);
  });
});

describe('parsePlan: every label style of points', () => {
  const source = fixture('plan-dot-continuous.txt');
  const restyle = (label: (n: number) => string) =>
    source.replace(/^(\d+)\./gm, (_m, n: string) => label(Number(n)));

  it.each([
    ['1．', (n: number) => `${n}．`],
    ['1、', (n: number) => `${n}、`],
    ['（1）', (n: number) => `（${n}）`],
    ['(1)', (n: number) => `(${n})`],
    ['①', (n: number) => String.fromCharCode(0x245f + n)],
  ])('reads points labelled %s', (_style, label) => {
    const plan = parsePlan(restyle(label));
    expect(shape(plan)).toEqual(DOT_SHAPE);
    expect(plan.points.map((p) => p.label)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map(label));
    expect(byNo(plan, '4').subItems).toHaveLength(3);
    expect(byNo(plan, '1').title).toBe('推进重点实验室建设');
  });
});

describe('parsePlan: numbering that restarts in every chapter', () => {
  const plan = parsePlan(fixture('plan-dun-restart.txt'));

  it('reads 1、 points numbered again from 1 under each chapter', () => {
    expect(plan.title).toBe('县市场监督管理局2023年工作计划');
    expect(plan.year).toBe(2023);
    expect(shape(plan)).toEqual([
      ['1', '一', null],
      ['2', '一', null],
      ['1', '二', null],
      ['2', '二', null],
      ['3', '二', null],
      ['1', '三', null],
      ['2', '三', null],
    ]);
    expect(plan.points[0]?.label).toBe('1、');
    expect(plan.warnings).toEqual([]);
  });

  it('reads deadlines and targets of each point', () => {
    expect(plan.points.map((p) => p.deadline?.date ?? null)).toEqual([
      '2023-06-30',
      '2023-12-31',
      null,
      '2023-06-30',
      null,
      null,
      null,
    ]);
    expect(plan.points[2]?.targets).toEqual([
      { text: '不少于800批次', value: 800, unit: '批次', comparator: '>=' },
    ]);
    expect(plan.points[6]?.targets).toEqual([
      { text: '力争3个', value: 3, unit: '个', comparator: '>=', aspirational: true },
    ]);
  });
});

describe('parsePlan: points labelled （1） with ① sub-items', () => {
  const plan = parsePlan(fixture('plan-paren-points.txt'));

  it('reads the points and keeps ①②③ as sub-items of theirs', () => {
    expect(shape(plan)).toEqual([
      ['1', '一', null],
      ['2', '一', null],
      ['3', '二', null],
      ['4', '二', null],
    ]);
    expect(point(plan, '（2）').subItems).toEqual([
      '开展新教师入职培训',
      '组织骨干教师跟岗研修',
      '建立名师工作室',
    ]);
    expect(point(plan, '（3）').targets).toEqual([
      { text: '超过90%', value: 90, unit: '%', comparator: '>' },
    ]);
    expect(point(plan, '（4）').deadline).toEqual({ text: '9月底前', date: '2025-09-30' });
  });
});

describe('parsePlan: a report whose only structure is （一） sections', () => {
  const plan = parsePlan(fixture('sections-only.txt'));

  it('takes each section as an item, with its 一是… as sub-items', () => {
    expect(plan.title).toBe('2024年县农业农村局重点工作安排');
    expect(plan.chapters).toEqual([]);
    expect(plan.points.map((p) => [p.no, p.label, p.chapter, p.section, p.title])).toEqual([
      ['1', '（一）', null, null, '稳定粮食生产'],
      ['2', '（二）', null, null, '推进高标准农田建设'],
      ['3', '（三）', null, null, '发展乡村特色产业'],
      ['4', '（四）', null, null, '改善农村人居环境'],
    ]);
    expect(plan.points[1]?.subItems).toEqual([
      '抓好项目前期工作',
      '加强施工质量监管',
      '做好竣工验收',
    ]);
    expect(plan.points[2]?.leadUnits).toEqual(['县农业农村局']);
    expect(plan.points[2]?.coUnits).toEqual(['县商务局', '县市场监管局']);
    expect(plan.points[0]?.targets).toEqual([
      { text: '稳定在50万亩左右', value: 50, unit: '万亩', comparator: '~' },
      { text: '达到20万吨', value: 20, unit: '万吨', comparator: '>=' },
    ]);
    expect(plan.points[0]?.deadline).toEqual({ text: '全年', date: '2024-12-31' });
  });
});

describe('parsePlan: a document without numbers, items written 一是…二是…', () => {
  const plan = parsePlan(fixture('enumerations-only.txt'));

  it('takes each 一是 of each paragraph as an item', () => {
    expect(plan.title).toBe('街道办事处2024年民生工作打算');
    expect(plan.points.map((p) => [p.no, p.label, p.title])).toEqual([
      ['1', '一是', '完成老旧小区改造12个，惠及居民3000户以上'],
      ['2', '二是', '新增公共停车泊位500个'],
      ['3', '三是', '建设口袋公园2处，年底前全部投入使用'],
      ['1', '一是', '新建社区养老服务站3个'],
      ['2', '二是', '开展就业技能培训不少于1000人次，力争城镇新增就业达到1500人'],
    ]);
    expect(plan.points[2]?.text).toBe('建设口袋公园2处，年底前全部投入使用。');
    expect(plan.points[2]?.deadline).toEqual({ text: '年底前', date: '2024-12-31' });
    expect(plan.points[4]?.targets.map((t) => [t.text, t.aspirational ?? false])).toEqual([
      ['不少于1000人次', false],
      ['达到1500人', true],
    ]);
    expect(plan.warnings).toEqual([]);
  });
});

describe('parsePlan: a half-year summary and plan', () => {
  const source = fixture('summary.txt');

  const expectSummary = (plan: ParsedPlan) => {
    expect(plan.title).toBe('市统计局2023年上半年工作总结和下半年工作计划');
    expect(plan.year).toBe(2023);
    expect(plan.chapters.map((c) => [c.numeral, c.title, c.part])).toEqual([
      ['一', '上半年工作开展情况', 'review'],
      ['二', '存在的问题和不足', 'problems'],
      ['三', '下半年工作计划', 'plan'],
    ]);
    expect(plan.points.map((p) => [p.part, p.chapter, p.section, p.label])).toEqual([
      ['review', '一', '一', '1.'],
      ['review', '一', '一', '2.'],
      ['review', '一', '二', '1.'],
      ['review', '一', '二', '2.'],
      ['review', '一', '二', '3.'],
      ['problems', '二', null, '（一）'],
      ['problems', '二', null, '（二）'],
      ['plan', '三', null, '一是'],
      ['plan', '三', null, '二是'],
      ['plan', '三', null, '三是'],
      ['plan', '三', null, '四是'],
    ]);
    expect(plan.points[1]?.subItems).toEqual([
      '成立普查领导小组',
      '组建普查员队伍共计1200人',
      '完成普查区划分',
    ]);
    expect(plan.points[5]?.title).toBe('基层统计力量薄弱');
    expect(plan.points[7]?.deadline).toEqual({ text: '9月底前', date: '2023-09-30' });
    expect(plan.points[10]?.targets).toEqual([
      { text: '不少于50家', value: 50, unit: '家', comparator: '>=' },
    ]);
    // the forward plan's introduction holds the year's targets
    expect(plan.targets.map((t) => [t.text, t.aspirational])).toEqual([
      ['超过95分', true],
      ['不少于10篇', true],
    ]);
    // the past has no deadlines and no targets
    const past = plan.points.filter((p) => p.part !== 'plan');
    expect(past.every((p) => p.deadline === null && p.targets.length === 0)).toBe(true);
  };

  it('says which part each item came from', () => {
    expectSummary(parsePlan(source));
  });

  it('reads the same when the summary was flattened into one line with spaces (PDF)', () => {
    const [titleLine, ...body] = source.split('\n');
    expectSummary(parsePlan(`${titleLine}\n${body.join(' ')}`));
  });
});

describe('parsePlan: flattened, repeated and noisy text', () => {
  const source = fixture('plan-dot-continuous.txt');
  const paragraphs = parsePlan(source);

  it('reads a plan flattened into one line as it reads the paragraphs', () => {
    const flat = parsePlan(source.replace(/\n+/g, ''));
    expect(shape(flat)).toEqual(DOT_SHAPE);
    expect(flat.points.map((p) => p.title)).toEqual(paragraphs.points.map((p) => p.title));
    expect(flat.points.map((p) => p.text)).toEqual(paragraphs.points.map((p) => p.text));
    expect(flat.chapters).toEqual(paragraphs.chapters);
    expect(flat.targets).toEqual(paragraphs.targets);
  });

  it('keeps one copy of a plan that a web page holds twice', () => {
    const page = [
      '登录 注册 退出',
      '2024年全市科技创新工作要点',
      '栏目：通知公告 发布时间：2024-02-01',
      `${source.replace(/\n+/g, '')}相关附件:`,
      '',
      source,
      '相关附件：',
      '扫描二维码查看原文',
    ].join('\n');
    const plan = parsePlan(page);
    expect(shape(plan)).toEqual(DOT_SHAPE);
    expect(plan.points.map((p) => p.text)).toEqual(paragraphs.points.map((p) => p.text));
    expect(plan.targets).toEqual(paragraphs.targets);
    expect(plan.title).toBe('2024年全市科技创新工作要点');
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toContain('出现了2次');
  });

  it('keeps one copy of a repeated list without headings', () => {
    const list = ['1.建立工作台账。', '2.开展专项督查。', '3.通报工作进展。'].join('\n');
    const plan = parsePlan(`${list}\n${list}`);
    expect(plan.points.map((p) => p.title)).toEqual([
      '建立工作台账',
      '开展专项督查',
      '通报工作进展',
    ]);
    expect(plan.warnings[0]).toContain('出现了2次');
  });

  it('removes web-page noise around the plan', () => {
    const plan = parsePlan(fixture('web-page.txt'));
    expect(plan.title).toBe('2024年全区文化旅游工作要点');
    expect(plan.points.map((p) => p.title)).toEqual([
      '推进基层综合性文化服务中心建设，年底前实现村级全覆盖',
      '举办群众文化活动不少于100场次',
      '打造精品旅游线路5条，全年接待游客增长10%以上',
    ]);
    expect(plan.points[2]?.text).toBe('打造精品旅游线路5条，全年接待游客增长10%以上。');
    const all = JSON.stringify(plan);
    for (const noise of [
      '登录',
      '发布时间',
      '浏览次数',
      '相关附件',
      '扫一扫',
      '版权所有',
      'ICP',
      '.pdf',
      '上一篇',
      '|',
    ]) {
      expect(all).not.toContain(noise);
    }
  });

  it('closes up the spaces of PDF text and joins its wrapped lines', () => {
    const plan = parsePlan(fixture('pdf-extracted.txt'));
    expect(plan.title).toBe('市场监管局2024年工作要点');
    expect(plan.year).toBe(2024);
    expect(plan.targets).toEqual([
      { text: '突破20万户', value: 20, unit: '万户', comparator: '>' },
    ]);
    expect(shape(plan)).toEqual([
      ['1', '一', null],
      ['2', '一', null],
      ['3', '二', null],
    ]);
    expect(plan.chapters.map((c) => c.title)).toEqual(['强化质量基础设施建设', '加强知识产权保护']);
    const p1 = plan.points[0];
    expect(p1?.title).toBe('推进标准化工作');
    expect(p1?.text).toBe(
      '推进标准化工作。主导制修订国家标准和行业标准10项以上，市领导带队开展标准化调研。',
    );
    expect(p1?.targets).toEqual([{ text: '10项以上', value: 10, unit: '项', comparator: '>=' }]);
    expect(plan.points[1]?.mentionedUnits).toEqual(['省计量院', '区域计量测试中心']);
    expect(plan.points[2]?.text).not.toContain('页');
  });
});

describe('parsePlan: explicit responsibility', () => {
  const plan = parsePlan(fixture('responsibility.txt'));

  it('reads lead and co-departments and deadlines, and keeps them out of titles', () => {
    expect(plan.points.map((p) => [p.no, p.title, p.leadUnits, p.coUnits, p.deadline])).toEqual([
      [
        '1',
        '完善专利侵权纠纷行政裁决机制',
        ['保护处'],
        ['条法处', '专利管理处'],
        { text: '6月底前', date: '2024-06-30' },
      ],
      ['2', '开展商标品牌培育行动', ['商标品牌处'], [], { text: '年底前', date: '2024-12-31' }],
      [
        '3',
        '建设知识产权公共服务网点，新增网点8个',
        ['公共服务处'],
        [],
        { text: '2024年9月30日前', date: '2024-09-30' },
      ],
      ['4', '组织知识产权宣传周活动', ['办公室'], ['各处室'], null],
      ['5', '推进知识产权质押融资，质押融资额突破30亿元', ['运用促进处'], [], null],
      ['6', '落实知识产权保护工作考核', ['保护处'], ['办公室'], { text: '长期坚持', date: null }],
      ['7', '健全知识产权纠纷多元化解机制', ['保护处'], [], { text: '按进度推进', date: null }],
    ]);
    expect(plan.points[0]?.text).toContain('牵头单位：保护处。');
    expect(plan.warnings).toEqual(['一、7.：无法把完成时限“按进度推进”换算成日期']);
  });
});

describe('parsePlan: headings numbered with arabic numbers', () => {
  it('takes short 1、 lines over 1. points for the chapters', () => {
    const plan = parsePlan(
      [
        '2026年工作要点',
        '1、强化保护',
        '1.完善行政裁决机制。',
        '2.开展专项行动。',
        '2、促进运用',
        '3.推进质押融资。',
      ].join('\n'),
    );
    expect(plan.chapters.map((c) => [c.numeral, c.title])).toEqual([
      ['1', '强化保护'],
      ['2', '促进运用'],
    ]);
    expect(shape(plan)).toEqual([
      ['1', '1', null],
      ['2', '1', null],
      ['3', '2', null],
    ]);
  });

  it('takes them for the sections when the chapters are 一、', () => {
    const plan = parsePlan(
      [
        '一、重点任务',
        '1.强化保护',
        '（1）完善行政裁决机制。',
        '（2）开展专项行动。',
        '2.促进运用',
        '（1）推进质押融资。',
      ].join('\n'),
    );
    expect(plan.chapters).toEqual([
      {
        numeral: '一',
        title: '重点任务',
        part: 'plan',
        sections: [
          { numeral: '1', title: '强化保护' },
          { numeral: '2', title: '促进运用' },
        ],
      },
    ]);
    expect(plan.points.map((p) => [p.label, p.chapter, p.section])).toEqual([
      ['（1）', '一', '1'],
      ['（2）', '一', '1'],
      ['（1）', '一', '2'],
    ]);
  });
});

describe('parsePlan: Word multi-level lists written out as indented 1. lines', () => {
  it('takes the less indented numbers for the chapters', () => {
    const plan = parsePlan(
      [
        '2026年工作要点',
        '',
        ' 1. 强化知识产权保护',
        '    1. 完善专利侵权纠纷行政裁决机制。',
        '    2. 开展商标专用权保护专项行动。',
        ' 2. 促进知识产权运用',
        '    1. 推进专利开放许可，年底前完成。',
      ].join('\n'),
    );
    expect(plan.chapters.map((c) => [c.numeral, c.title])).toEqual([
      ['1', '强化知识产权保护'],
      ['2', '促进知识产权运用'],
    ]);
    expect(plan.points.map((p) => [p.no, p.chapter, p.title])).toEqual([
      ['1', '1', '完善专利侵权纠纷行政裁决机制'],
      ['2', '1', '开展商标专用权保护专项行动'],
      ['1', '2', '推进专利开放许可，年底前完成'],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('reads one list indented unevenly as one list', () => {
    const plan = parsePlan(
      ['一、重点任务', '1.建立台账。', '  2.开展督查。', '3.通报进展。', '  4.开展评估。'].join(
        '\n',
      ),
    );
    expect(shape(plan)).toEqual([
      ['1', '一', null],
      ['2', '一', null],
      ['3', '一', null],
      ['4', '一', null],
    ]);
  });
});

describe('parsePlan: what it is unsure of', () => {
  it('warns about gaps and repeats in the numbering', () => {
    const plan = parsePlan(
      ['一、重点任务', '1.建立台账。', '2.开展督查。', '4.通报进展。', '4.开展评估。'].join('\n'),
    );
    expect(plan.points.map((p) => p.no)).toEqual(['1', '2', '4', '4']);
    expect(plan.warnings).toEqual(['一、下编号不连续：2之后是4.', '一、下编号重复：4.出现了两次']);
  });

  it('warns about an item without a full stop and takes its first line as the title', () => {
    const plan = parsePlan('一、重点任务\n1.建立工作台账\n2.开展专项督查。');
    expect(plan.points[0]?.title).toBe('建立工作台账');
    expect(plan.warnings).toEqual(['一、1.：没有句号，标题取了第一行']);
  });

  it('warns when it finds no structure at all', () => {
    const plan = parsePlan('这是一段没有任何编号的文字。它不是工作要点。');
    expect(plan.points).toEqual([]);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toContain('没有找到工作要点');
  });

  it('cannot date a deadline when the year is unknown, unless the caller gives it', () => {
    const text = '一、重点任务\n1.6月底前完成方案。';
    const unknown = parsePlan(text);
    expect(unknown.year).toBeNull();
    expect(unknown.points[0]?.deadline).toEqual({ text: '6月底前', date: null });
    expect(unknown.warnings[0]).toContain('年份');
    const given = parsePlan(text, { year: 2026 });
    expect(given.year).toBe(2026);
    expect(given.points[0]?.deadline).toEqual({ text: '6月底前', date: '2026-06-30' });
  });

  it('prefers the caller’s year to the document’s', () => {
    expect(parsePlan(fixture('plan-dun-restart.txt'), { year: 2030 }).points[0]?.deadline).toEqual({
      text: '上半年',
      date: '2030-06-30',
    });
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, {}, '', '\u0000\uFFFF\uD800', '一、'.repeat(1000)]) {
      const plan = parsePlan(input as unknown as string);
      expect(Array.isArray(plan.points)).toBe(true);
      expect(Array.isArray(plan.warnings)).toBe(true);
    }
  });
});

describe('scanLabels', () => {
  it('does not take decimals, ordinals or 统一、 for labels', () => {
    const kinds = (t: string) => scanLabels(t).map((l) => `${l.kind}:${l.text}`);
    expect(kinds('拥有量11.24件，贷款1.17亿元，第1、2批')).toEqual([]);
    expect(kinds('统一、规范，一、总体要求')).toEqual(['chapter:一、']);
    expect(kinds('（一）加强（1）①⑵ 3．加强 4、完善')).toEqual([
      'section:（一）',
      'point:（1）',
      'point:①',
      'point:⑵',
      'point:3．',
      'point:4、',
    ]);
    expect(kinds('工作。一是加强；二是完善；统一是')).toEqual(['enum:一是', 'enum:二是']);
  });
});
