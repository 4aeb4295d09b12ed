import { extractResponsibility, extractUnits, isUnitName } from './units';

describe('units named in a text', () => {
  it('finds partners of 会同 and 联合, with an abbreviation in brackets', () => {
    expect(extractUnits('并会同省农业厅等部门从生产、质量、品牌等各环节提升')).toEqual([
      '省农业厅',
    ]);
    expect(extractUnits('联合世界知识产权组织(WIPO)开展PCT专利申请')).toEqual([
      '世界知识产权组织(WIPO)',
    ]);
    expect(extractUnits('联合区县局和律师事务所开展执法宣传')).toEqual(['区县局', '律师事务所']);
  });

  it('reads names with their place and office, and without the verb before them', () => {
    expect(extractUnits('在市知识产权局、市财政局、银监局XX分局共同印发')).toEqual([
      '市知识产权局',
      '市财政局',
      '银监局XX分局',
    ]);
    expect(extractUnits('持续推进省知识产权发展中心、武汉知识产权保护中心等重要节点')).toEqual([
      '省知识产权发展中心',
      '武汉知识产权保护中心',
    ]);
    expect(extractUnits('国家知识产权局办公室发文')).toEqual(['国家知识产权局办公室']);
    expect(extractUnits('人力资源和社会保障局')).toEqual(['人力资源和社会保障局']);
    expect(extractUnits('联合省计量院建设区域计量测试中心')).toEqual([
      '省计量院',
      '区域计量测试中心',
    ]);
  });

  it('does not take ordinary words that end like units', () => {
    expect(
      extractUnits(
        '构建大保护格局，优化专利布局，举办培训，依法查处案件，协调相关部门，聚焦中心工作，建设法治政府，口袋公园2处，我局将',
      ),
    ).toEqual([]);
  });

  it('skips names inside document titles', () => {
    expect(extractUnits('印发《XX市知识产权局行政执法信息公示制度》')).toEqual([]);
  });

  it('knows a whole unit name from a clause', () => {
    expect(isUnitName('商标品牌处')).toBe(true);
    expect(isUnitName('办公室')).toBe(true);
    expect(isUnitName('向社会发布由XX市知识产权局')).toBe(false);
  });
});

describe('explicit responsibility', () => {
  it('reads 牵头单位、配合单位、完成时限 fields and removes them from the title text', () => {
    const r = extractResponsibility(
      '完善行政裁决机制。 牵头单位：保护处。 配合单位：条法处、专利管理处。 完成时限：6月底前。',
    );
    expect(r).toEqual({
      leadUnits: ['保护处'],
      coUnits: ['条法处', '专利管理处'],
      deadlineText: '6月底前',
      stripped: '完善行政裁决机制。',
    });
  });

  it('reads 责任单位 and fields separated by semicolons', () => {
    const r = extractResponsibility(
      '新增网点8个。责任单位：公共服务处；完成时限：2024年9月30日前。',
    );
    expect(r.leadUnits).toEqual(['公共服务处']);
    expect(r.deadlineText).toBe('2024年9月30日前');
    expect(r.stripped).toBe('新增网点8个。');
  });

  it('reads （X牵头，Y、Z配合）', () => {
    const r = extractResponsibility(
      '力争新增省级重点实验室5家以上（市科技局牵头，市财政局、市发展改革委配合）。',
    );
    expect(r.leadUnits).toEqual(['市科技局']);
    expect(r.coUnits).toEqual(['市财政局', '市发展改革委']);
    expect(r.stripped).toBe('力争新增省级重点实验室5家以上。');
  });

  it('reads a closing "X负责" clause but not responsible comrades or a led drafting', () => {
    expect(extractResponsibility('推进质押融资。运用促进处负责。').leadUnits).toEqual([
      '运用促进处',
    ]);
    expect(extractResponsibility('邀请市、区县知识产权局负责同志座谈。').leadUnits).toEqual([]);
    expect(
      extractResponsibility('向社会发布由XX市知识产权局牵头,市工商局等9个部门共同参与编写的白皮书')
        .leadUnits,
    ).toEqual([]);
    expect(extractResponsibility('开展评审（由专家负责）。').leadUnits).toEqual([]);
  });
});
