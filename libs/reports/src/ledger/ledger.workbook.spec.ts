import type { ReportExportProgress } from '@workpoints/contracts';
import ExcelJS from 'exceljs';
import type { LedgerData, LedgerPoint } from './ledger.data';
import { ledgerWorkbook } from './ledger.workbook';

const point = (number: number, over: Partial<LedgerPoint> = {}): LedgerPoint => ({
  number,
  title: `要点${number}`,
  lead: '专利管理处',
  co: null,
  deadline: '2024-06-30',
  deadlineText: null,
  status: 'in_progress',
  risk: 'green',
  supervisor: null,
  report: null,
  reportedOn: null,
  chapterId: 'c1',
  sectionId: null,
  ...over,
});

/** 25 points: 20 in the chapter (10 of them in its section), 5 under no heading. */
const data: LedgerData = {
  planId: 'plan',
  planTitle: '2024年工作要点',
  nodes: [
    { id: 'c1', parentId: null, label: '一', title: '强化保护' },
    { id: 's1', parentId: 'c1', label: '（一）', title: '行政裁决' },
  ],
  points: Array.from({ length: 25 }, (_, i) =>
    point(i + 1, i >= 20 ? { chapterId: null } : i >= 10 ? { sectionId: 's1' } : {}),
  ),
};

/** The first cells of the rows after the header: numbers for points, text for headings. */
async function firstCells(content: Buffer): Promise<unknown[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const sheet = book.getWorksheet('督办台账');
  if (!sheet) throw new Error('no 督办台账 sheet');
  return Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(1).value);
}

describe('ledgerWorkbook', () => {
  it('reports progress every N point rows, then the writing', async () => {
    const seen: ReportExportProgress[] = [];
    const content = await ledgerWorkbook(data, {
      progressEvery: 10,
      onProgress: (p) => {
        seen.push(p);
      },
    });
    expect(seen).toEqual([
      { percent: 10, stage: '生成表格' },
      { percent: 40, stage: '生成表格' },
      { percent: 70, stage: '生成表格' },
      { percent: 90, stage: '写入文件' },
    ]);
    expect(await firstCells(content)).toEqual([
      '一、强化保护',
      ...Array.from({ length: 10 }, (_, i) => i + 1),
      '（一）行政裁决',
      ...Array.from({ length: 10 }, (_, i) => i + 11),
      '其他',
      21,
      22,
      23,
      24,
      25,
    ]);
  });

  it('builds an empty ledger without a listener', async () => {
    const content = await ledgerWorkbook({ ...data, points: [] });
    expect(await firstCells(content)).toEqual([]);
  });
});
