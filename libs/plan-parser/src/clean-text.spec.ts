import { cleanText, isNoiseLine, joinLines } from './clean-text';

describe('cleanText', () => {
  it('drops web-page noise lines and keeps the plan', () => {
    const page = [
      '登录 注册 退出',
      '首页 | 新闻中心 | 政务公开',
      '栏目：计划总结 发布时间：2024-02-20 加入收藏',
      '2024年工作要点',
      '一、加强监管',
      '1.开展专项检查。',
      '|',
      '相关附件：',
      'https://example.gov.cn/a/1.pdf',
      '工作要点.docx',
      '扫一扫在手机打开当前页',
      '版权所有：某某区人民政府 网站标识码：123 某ICP备12345678号',
    ].join('\n');
    expect(cleanText(page).text).toBe('2024年工作要点\n一、加强监管\n1.开展专项检查。');
  });

  it('never drops a line that starts with a label, however noisy its words', () => {
    expect(isNoiseLine('1.推广扫一扫二维码追溯。')).toBe(false);
    expect(isNoiseLine('（二）规范网站版权所有标识')).toBe(false);
    expect(isNoiseLine('扫描二维码查看原文')).toBe(true);
    expect(isNoiseLine('- 3 -')).toBe(true);
    expect(isNoiseLine('第 3 页 共 12 页')).toBe(true);
  });

  it('keeps plan sentences that merely mention web words', () => {
    expect(isNoiseLine('推广商品二维码追溯体系建设。')).toBe(false);
    expect(isNoiseLine('明确信息发布时间节点和责任。')).toBe(false);
  });

  it('removes a trailing 相关附件 widget and stray | separators inside lines', () => {
    expect(cleanText('32.提高保障能力。相关附件:').text).toBe('32.提高保障能力。');
    expect(cleanText('16.规范内部管理。 |').text).toBe('16.规范内部管理。');
  });

  it('closes up the spaces PDF extraction puts inside Chinese text, keeping Latin words apart', () => {
    const { text } = cleanText(
      '分管市领 导发表文章，联 合 XX 仲裁委员会 2019 年 7 月 4 日 World Intellectual Property Organization',
    );
    expect(text).toBe(
      '分管市领导发表文章，联合XX仲裁委员会2019年7月4日World Intellectual Property Organization',
    );
  });

  it('reads digits spaced one by one as one number', () => {
    expect(cleanText('市 场 监 管 局 2 0 2 4 年 工 作 要 点').text).toBe(
      '市场监管局2024年工作要点',
    );
    expect(cleanText('增长 10 15 家').text).toBe('增长10 15家');
  });

  it('records where spaces were closed up, so a flattened heading can still end there', () => {
    const { text, gaps } = cleanText('三、下半年工作打算 下半年，我局将');
    expect(text).toBe('三、下半年工作打算下半年，我局将');
    expect(gaps[text.indexOf('下半年，')]).toBe(1);
    expect(gaps[1]).toBe(0);
  });

  it('normalises line ends, invisible characters, odd spaces and full-width digits', () => {
    expect(cleanText('\uFEFF一、总体\u200B要求\r\n１．加强\u3000领导。\r').text).toBe(
      '一、总体要求\n1．加强领导。',
    );
  });
});

describe('joinLines', () => {
  it('joins lines wrapped mid-sentence and keeps paragraph breaks after a sentence', () => {
    expect(joinLines('主导制修订国家标准和\n行业标准10项以上。\n第二段。')).toBe(
      '主导制修订国家标准和行业标准10项以上。\n第二段。',
    );
  });
});
