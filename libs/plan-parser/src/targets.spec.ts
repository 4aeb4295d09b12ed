import { extractTargets } from './targets';

describe('extractTargets', () => {
  it.each([
    ['万人发明专利拥有量突破22件', { text: '突破22件', value: 22, unit: '件', comparator: '>' }],
    ['合法使用人数量超过2000家', { text: '超过2000家', value: 2000, unit: '家', comparator: '>' }],
    ['许可次数增长20%以上', { text: '增长20%以上', value: 20, unit: '%', comparator: '>=' }],
    ['质押融资超100亿元', { text: '超100亿元', value: 100, unit: '亿元', comparator: '>' }],
    ['拥有量达到12件', { text: '达到12件', value: 12, unit: '件', comparator: '>=' }],
    [
      '有效商标注册量突破100万件',
      { text: '突破100万件', value: 100, unit: '万件', comparator: '>' },
    ],
    ['结案率不低于95%', { text: '不低于95%', value: 95, unit: '%', comparator: '>=' }],
    ['举办活动不少于20场次', { text: '不少于20场次', value: 20, unit: '场次', comparator: '>=' }],
    ['投诉量不超过30件', { text: '不超过30件', value: 30, unit: '件', comparator: '<=' }],
    ['不良率低于2%', { text: '低于2%', value: 2, unit: '%', comparator: '<' }],
    [
      '培育20个左右高价值专利组合',
      { text: '培育20个左右', value: 20, unit: '个', comparator: '~' },
    ],
    ['培育50家以上密集型企业', { text: '培育50家以上', value: 50, unit: '家', comparator: '>=' }],
    ['误差控制在5%以内', { text: '控制在5%以内', value: 5, unit: '%', comparator: '<=' }],
    ['确定20家省级龙头企业', { text: '确定20家', value: 20, unit: '家', comparator: '=' }],
    ['政府出资5000万元', { text: '出资5000万元', value: 5000, unit: '万元', comparator: '=' }],
    ['覆盖率提高到85%', { text: '提高到85%', value: 85, unit: '%', comparator: '>=' }],
    ['发放材料2300余份', { text: '2300余份', value: 2300, unit: '份', comparator: '>' }],
    ['强度达到2.8%', { text: '达到2.8%', value: 2.8, unit: '%', comparator: '>=' }],
    ['增长 12 个百分点', { text: '增长12个百分点', value: 12, unit: '个百分点', comparator: '=' }],
    ['交易额达1,200万元', { text: '达1,200万元', value: 1200, unit: '万元', comparator: '>=' }],
  ])('reads %s', (text, expected) => {
    expect(extractTargets(text.replace(/ /g, ''))).toEqual([expected]);
  });

  it('reads ranges written with a dash or 至, with the upper bound', () => {
    expect(extractTargets('培育10-15家新型研发机构')).toEqual([
      { text: '培育10-15家', value: 10, valueMax: 15, unit: '家', comparator: 'range' },
    ]);
    expect(extractTargets('入库企业10至15家')).toEqual([
      { text: '10至15家', value: 10, valueMax: 15, unit: '家', comparator: 'range' },
    ]);
    expect(extractTargets('增速保持在6%-8%')).toEqual([
      { text: '保持在6%-8%', value: 6, valueMax: 8, unit: '%', comparator: 'range' },
    ]);
  });

  it('marks targets of a 力争 sentence as aspirational, and only those', () => {
    expect(extractTargets('力争新增省级重点实验室5家以上。全年举办培训不少于3期。')).toEqual([
      { text: '5家以上', value: 5, unit: '家', comparator: '>=', aspirational: true },
      { text: '不少于3期', value: 3, unit: '期', comparator: '>=' },
    ]);
    expect(extractTargets('力争3个所达到标准')).toEqual([
      { text: '力争3个', value: 3, unit: '个', comparator: '>=', aspirational: true },
    ]);
  });

  it('does not take facts, dates, ordinals or titles for targets', () => {
    expect(
      extractTargets(
        '2019年累计授权529件，列全省第5位；落实人才新政23条；制定《2023-2025年推进措施》；获得贷款1.17亿元；5月组织召开；426宣传周',
      ),
    ).toEqual([]);
  });
});
