import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseCommand } from './parse.command';

describe('workpoints parse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wp-parse-'));
  const plan = [
    '2026年工作要点',
    '一、强化保护',
    '1. 开展专利执法专项行动，6月底前办结案件增长20%以上。',
    '2. 推进商标品牌建设。',
  ].join('\n');
  let out: string[];
  let err: string[];

  beforeEach(() => {
    out = [];
    err = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    jest.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints the JSON contract for a GBK text file', async () => {
    const file = join(dir, 'plan.txt');
    writeFileSync(file, iconv.encode(plan, 'gbk'));
    expect(await parseCommand([file, '--json'])).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(Object.keys(json)).toEqual(['title', 'year', 'targets', 'points', 'warnings']);
    expect(json).toMatchObject({ title: '2026年工作要点', year: 2026 });
    expect(json.points[0]).toMatchObject({
      no: '1',
      label: '1.',
      chapter: '一',
      section: null,
      part: 'plan',
      deadline: { text: expect.stringContaining('6月底前'), date: '2026-06-30' },
      targets: [expect.objectContaining({ value: 20, unit: '%', comparator: '>=' })],
    });
    expect(Object.keys(json.points[0])).toEqual([
      'no',
      'label',
      'chapter',
      'section',
      'part',
      'title',
      'text',
      'subItems',
      'leadUnits',
      'coUnits',
      'mentionedUnits',
      'deadline',
      'targets',
    ]);
  });

  it('lets --year override the document and prints a readable list by default', async () => {
    const file = join(dir, 'plan-utf8.txt');
    writeFileSync(file, plan);
    expect(await parseCommand([file, '--year', '2027'])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('年度：2027');
    expect(text).toContain('1. 开展专利执法专项行动');
  });

  it('fails with a message on stderr when the file cannot be read or is not a document', async () => {
    expect(await parseCommand([join(dir, 'missing.txt'), '--json'])).toBe(1);
    expect(err.join('\n')).toContain('no such file');
    const binary = join(dir, 'image.bin');
    writeFileSync(binary, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 53) % 256)));
    expect(await parseCommand([binary])).toBe(1);
    expect(err.join('\n')).toContain('不是可读的文本');
    expect(out).toEqual([]);
  });

  it('refuses wrong arguments with the usage', async () => {
    expect(await parseCommand([])).toBe(2);
    expect(await parseCommand(['a.txt', '--year', 'next'])).toBe(2);
    expect(err.join('\n')).toContain('--year');
  });
});
