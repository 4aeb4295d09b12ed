import { suggestDepartments } from './department-suggestions';

const departments = [
  { id: 'bhc', name: '保护处' },
  { id: 'sbppc', name: '商标品牌处' },
  { id: 'zlglc', name: '专利管理处' },
  { id: 'tfc', name: '条法处' },
];
const rules = [
  { keyword: '商标', departmentId: 'sbppc' },
  { keyword: '专利', departmentId: 'zlglc' },
  { keyword: '执法', departmentId: 'bhc' },
];
const point = (text: string, extra: Partial<Parameters<typeof suggestDepartments>[0]> = {}) => ({
  text,
  leadUnits: [],
  coUnits: [],
  mentionedUnits: [],
  ...extra,
});

describe('suggestDepartments', () => {
  it('takes what the text states first, saying so', () => {
    const s = suggestDepartments(
      point('开展专利执法。', { leadUnits: ['保护处'], coUnits: ['条法处', '专利管理处'] }),
      departments,
      rules,
    );
    expect(s.lead).toEqual({
      departmentId: 'bhc',
      departmentName: '保护处',
      reason: '文中写明牵头单位“保护处”',
    });
    expect(s.co.map((c) => [c.departmentId, c.reason])).toEqual([
      ['tfc', '文中写明配合单位“条法处”'],
      ['zlglc', '文中写明配合单位“专利管理处”'],
    ]);
  });

  it('falls back to keyword rules, the most mentioned subject leading', () => {
    const s = suggestDepartments(
      point('加强商标品牌建设，推进商标注册便利化，配合专利工作。'),
      departments,
      rules,
    );
    expect(s.lead).toMatchObject({ departmentId: 'sbppc', reason: '关键词“商标”' });
    expect(s.co).toEqual([
      { departmentId: 'zlglc', departmentName: '专利管理处', reason: '关键词“专利”' },
    ]);
  });

  it('matches units named with a prefix to the organisation’s departments', () => {
    const s = suggestDepartments(
      point('由市局保护处负责。', { mentionedUnits: ['市局保护处'] }),
      departments,
      [],
    );
    expect(s.lead).toMatchObject({ departmentId: 'bhc', reason: '文中提到“市局保护处”' });
  });

  it('suggests nothing when nothing fits', () => {
    expect(
      suggestDepartments(point('加强党建。', { mentionedUnits: ['省农业厅'] }), departments, rules),
    ).toEqual({
      lead: null,
      co: [],
    });
  });
});
