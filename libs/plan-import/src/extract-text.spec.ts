import { cjkTextPdf } from '@workpoints/testing';
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import iconv from 'iconv-lite';
import { extractText } from './extract-text';
import { ImportError } from './import.error';

const PLAN = [
  '2026年工作要点',
  '一、强化知识产权保护',
  '1. 完善专利侵权纠纷行政裁决机制。',
  '2. 开展商标专用权保护专项行动。',
];

async function importError(p: Promise<unknown>): Promise<ImportError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('extractText', () => {
  it('reads UTF-8 text, with or without a byte-order mark', async () => {
    const plain = await extractText(Buffer.from(PLAN.join('\n')), 'plan.txt');
    expect(plain).toMatchObject({ format: 'txt', encoding: 'utf-8', text: PLAN.join('\n') });
    const bom = await extractText(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('一、总体要求')]),
    );
    expect(bom.text).toBe('一、总体要求');
  });

  it('reads GBK / GB18030 text that Windows tools write', async () => {
    const result = await extractText(iconv.encode(PLAN.join('\r\n'), 'gbk'), 'plan.txt');
    expect(result.encoding).toBe('gb18030');
    expect(result.text).toBe(PLAN.join('\r\n'));
  });

  it('reads a saved web page in its declared charset', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="gbk"><title>工作要点</title></head><body>
      <div class="nav"><a href="/login">登录</a></div>
      <h1>2026年工作要点</h1><p>一、强化知识产权保护</p><p>1. 完善专利侵权纠纷行政裁决机制。</p>
      <script>var x = 1;</script></body></html>`;
    const result = await extractText(iconv.encode(html, 'gbk'), 'page.html');
    expect(result.format).toBe('html');
    expect(result.text).toContain('2026年工作要点');
    expect(result.text).toContain('1. 完善专利侵权纠纷行政裁决机制。');
    expect(result.text).not.toContain('var x');
  });

  it('reads Word automatic numbering, which is not in the document text, as numbered lines', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'points',
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: '%1.',
                alignment: AlignmentType.START,
              },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('2026年工作要点')] }),
            new Paragraph({ children: [new TextRun('一、强化知识产权保护')] }),
            new Paragraph({
              text: '完善专利侵权纠纷行政裁决机制。',
              numbering: { reference: 'points', level: 0 },
            }),
            new Paragraph({
              text: '开展商标专用权保护专项行动。',
              numbering: { reference: 'points', level: 0 },
            }),
          ],
        },
      ],
    });
    const result = await extractText(await Packer.toBuffer(doc), 'plan.docx');
    expect(result.format).toBe('docx');
    const lines = result.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines).toEqual(
      expect.arrayContaining([
        '1. 完善专利侵权纠纷行政裁决机制。',
        '2. 开展商标专用权保护专项行动。',
      ]),
    );
  });

  it('writes responsibility tables in .docx as prose the parser reads', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const row = (...cells: string[]) => new TableRow({ children: cells.map(cell) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('一、重点任务'),
            new Table({
              rows: [
                row('序号', '工作任务', '牵头单位', '配合单位', '完成时限'),
                row('1', '完善专利侵权纠纷行政裁决机制', '保护处', '条法处、专利管理处', '6月底前'),
                row('2', '开展商标品牌培育行动', '商标品牌处', '', '年底前'),
              ],
            }),
          ],
        },
      ],
    });
    const { text } = await extractText(await Packer.toBuffer(doc), 'plan.docx');
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines).toContain(
      '1.完善专利侵权纠纷行政裁决机制。 牵头单位：保护处。 配合单位：条法处、专利管理处。 完成时限：6月底前。',
    );
    expect(lines).toContain('2.开展商标品牌培育行动。 牵头单位：商标品牌处。 完成时限：年底前。');
  });

  it('reads the text layer of a PDF', async () => {
    const result = await extractText(cjkTextPdf(PLAN), 'plan.pdf');
    expect(result.format).toBe('pdf');
    expect(result.text.split('\n')).toEqual(PLAN);
  });

  it('refuses what is not a document, saying what to do', async () => {
    expect((await importError(extractText(Buffer.alloc(0), 'a.txt'))).code).toBe('EMPTY');
    const binary = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256));
    const notText = await importError(extractText(binary, 'a.bin'));
    expect(notText.code).toBe('NOT_TEXT');
    expect(notText.message).toContain('.docx');
    const oldWord = await importError(
      extractText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'a.doc'),
    );
    expect(oldWord.code).toBe('UNSUPPORTED_FORMAT');
    const brokenZip = await importError(extractText(Buffer.from('PK\u0003\u0004broken'), 'a.docx'));
    expect(brokenZip.code).toBe('UNREADABLE');
    const brokenPdf = await importError(extractText(Buffer.from('%PDF-1.4 nothing else'), 'a.pdf'));
    expect(brokenPdf.code).toBe('UNREADABLE');
  });
});
