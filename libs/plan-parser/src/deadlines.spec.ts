import { findDeadlinePhrases, resolveDeadline } from './deadlines';

const noWarnings = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

describe('deadline phrases', () => {
  it.each([
    ['6月底前完成', '6月底前', '2024-06-30'],
    ['年底前全面完成', '年底前', '2024-12-31'],
    ['上半年实现', '上半年', '2024-06-30'],
    ['力争上半年正式运营', '上半年', '2024-06-30'],
    ['下半年启动', '下半年', '2024-12-31'],
    ['第三季度组织申报', '第三季度', '2024-09-30'],
    ['一季度末完成', '一季度末', '2024-03-31'],
    ['前三季度完成', '前三季度', '2024-09-30'],
    ['12月31日前建成', '12月31日前', '2024-12-31'],
    ['6月30日完成', '6月30日', '2024-06-30'],
    ['9月中旬召开', '9月中旬', '2024-09-20'],
    ['3月上旬部署', '3月上旬', '2024-03-10'],
    ['2月底前', '2月底前', '2024-02-29'],
    ['全年培育10家', '全年', '2024-12-31'],
    ['年内建成', '年内', '2024-12-31'],
    ['2025年3月底前完成', '2025年3月底前', '2025-03-31'],
  ])('%s → %s → %s', (text, phrase, date) => {
    expect(resolveDeadline(text, null, 2024, noWarnings)).toEqual({ text: phrase, date });
  });

  it('gives ongoing work no date', () => {
    expect(resolveDeadline('长期坚持人才服务专员制度', null, 2024, noWarnings)).toEqual({
      text: '长期坚持',
      date: null,
    });
  });

  it('skips as-of dates and recurring times', () => {
    expect(findDeadlinePhrases('截止6月底，全市查处案件32起；截至5月底累计授权', 2019)).toEqual([]);
    expect(findDeadlinePhrases('每季度形成分析报告，每年底通报', 2019)).toEqual([]);
    expect(findDeadlinePhrases('5月组织召开会议', 2019)).toEqual([]);
  });

  it('takes the latest of several phrases: the work is due when all of it is', () => {
    expect(resolveDeadline('6月底前完成方案，年底前全面完成', null, 2024, noWarnings)).toEqual({
      text: '年底前',
      date: '2024-12-31',
    });
  });

  it('prefers an explicit 完成时限 value to phrases in the text', () => {
    expect(resolveDeadline('年底前全面完成', '第二季度', 2023, noWarnings)).toEqual({
      text: '第二季度',
      date: '2023-06-30',
    });
    expect(resolveDeadline('', '2024年9月30日前。', 2023, noWarnings)).toEqual({
      text: '2024年9月30日前',
      date: '2024-09-30',
    });
    expect(resolveDeadline('', '长期坚持', 2023, noWarnings)).toEqual({
      text: '长期坚持',
      date: null,
    });
    expect(resolveDeadline('', '每季度', 2023, noWarnings)).toEqual({ text: '每季度', date: null });
  });

  it('warns about a time it cannot turn into a date', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(resolveDeadline('', '按进度推进', 2024, warn)).toEqual({
      text: '按进度推进',
      date: null,
    });
    expect(resolveDeadline('6月底前完成', null, null, warn)).toEqual({
      text: '6月底前',
      date: null,
    });
    expect(resolveDeadline('2月30日前完成', null, 2023, warn)).toEqual({
      text: '2月30日前',
      date: null,
    });
    expect(warnings).toHaveLength(3);
    expect(warnings[1]).toContain('年份');
  });

  it('finds nothing in a text without a time', () => {
    expect(resolveDeadline('加强统筹协调', null, 2024, noWarnings)).toBeNull();
  });
});
