import { REPORT_EXPORT_STAGES, type RiskColour } from '@workpoints/contracts';
import { STATUS_LABELS } from '@workpoints/domain';
import ExcelJS from 'exceljs';
import type { ReportProgressListener } from '../report-file';
import type { LedgerData, LedgerPoint } from './ledger.data';

/** Column headers and widths (characters) of the ledger, as offices print it. */
export const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '工作要点', width: 46 },
  { header: '牵头单位', width: 14 },
  { header: '配合单位', width: 18 },
  { header: '完成时限', width: 13 },
  { header: '最新进展', width: 46 },
  { header: '完成情况', width: 14 },
  { header: '红黄绿', width: 8 },
  { header: '分管领导', width: 10 },
] as const;

/** Cell fills of the traffic lights (ARGB). */
export const RISK_FILLS: Record<RiskColour, { argb: string; text: string }> = {
  green: { argb: 'FF00B050', text: '绿' },
  yellow: { argb: 'FFFFC000', text: '黄' },
  red: { argb: 'FFFF0000', text: '红' },
};

/** Progress is reported after this many point rows by default. */
export const LEDGER_PROGRESS_EVERY = 500;

export interface LedgerWorkbookOptions {
  /** Told of the rows written (stage 生成表格, 10–85 %) and then of the writing (写入文件, 90 %). */
  onProgress?: ReportProgressListener;
  /** Point rows between two progress reports (default `LEDGER_PROGRESS_EVERY`). */
  progressEvery?: number;
}

/**
 * The supervision ledger (督办台账) as an Excel workbook: one row per point under its chapter and
 * section rows, with the latest progress (dated), the status and the traffic light as the
 * cell's colour; frozen header, widths, A4 landscape with the header repeated on every page.
 */
/** Points of height per line of 10-point text. */
const LINE_HEIGHT = 14;

/** Character cells a text takes: Chinese characters and full-width punctuation count two. */
function cellWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffef]/u.test(ch) ? 2 : 1;
  return width;
}

/**
 * The row's height for its longest wrapped cell. Excel grows such rows when it opens the
 * file, but LibreOffice and print previews keep the stored height and cut the text, so the
 * height is written out (`values` is ExcelJS's 1-based list).
 */
function rowHeight(values: unknown[]): number {
  const lines = LEDGER_COLUMNS.map((c, i) => {
    const text = values[i + 1] === undefined || values[i + 1] === null ? '' : String(values[i + 1]);
    return Math.max(1, Math.ceil(cellWidth(text) / Math.max(1, c.width - 1)));
  });
  return Math.max(...lines) * LINE_HEIGHT + 4;
}

export async function ledgerWorkbook(
  data: LedgerData,
  options: LedgerWorkbookOptions = {},
): Promise<Buffer> {
  const { points, nodes } = data;
  const every = Math.max(1, options.progressEvery ?? LEDGER_PROGRESS_EVERY);
  const report = options.onProgress ?? (() => undefined);
  const rowsPercent = (rows: number) =>
    10 + (points.length === 0 ? 75 : Math.floor((75 * rows) / points.length));

  const book = new ExcelJS.Workbook();
  book.creator = 'workpoints';
  const sheet = book.addWorksheet('督办台账', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `${data.planTitle} 督办台账 第 &P 页，共 &N 页` },
  });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 22;
  const border = { style: 'thin' as const };
  const boxed = { top: border, left: border, bottom: border, right: border };
  header.eachCell((cell) => {
    cell.border = boxed;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });

  const groupRow = (text: string, level: 1 | 2) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, LEDGER_COLUMNS.length);
    row.font = { bold: true, size: level === 1 ? 12 : 11 };
    row.getCell(1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: level === 1 ? 'FFEDEDED' : 'FFF6F6F6' },
    };
    row.getCell(1).border = boxed;
  };
  let written = 0;
  const pointRow = async (p: LedgerPoint) => {
    const progress = p.report ? `${p.report}（${p.reportedOn}）` : '暂无进展报送';
    const row = sheet.addRow([
      p.number,
      p.title,
      p.lead ?? '',
      p.co ?? '',
      p.deadlineText ? `${p.deadlineText}（${p.deadline ?? ''}）` : (p.deadline ?? ''),
      progress,
      STATUS_LABELS[p.status],
      RISK_FILLS[p.risk].text,
      p.supervisor ?? '',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = rowHeight(row.values as unknown[]);
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = boxed));
    const light = row.getCell(8);
    light.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: RISK_FILLS[p.risk].argb },
    };
    light.alignment = { vertical: 'middle', horizontal: 'center' };
    row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
    written += 1;
    // Awaiting the listener also lets a jobs process renew its lock between batches of rows.
    if (written % every === 0)
      await report({ percent: rowsPercent(written), stage: REPORT_EXPORT_STAGES.sheet });
  };

  await report({ percent: rowsPercent(0), stage: REPORT_EXPORT_STAGES.sheet });
  // Chapters in order, each with its own points, then its sections with theirs; then the rest.
  const placed = new Set<number>();
  for (const chapter of nodes.filter((n) => n.parentId === null)) {
    const inChapter = points.filter((p) => p.chapterId === chapter.id);
    if (inChapter.length === 0) continue;
    groupRow(`${chapter.label}、${chapter.title}`.replace(/^、/, ''), 1);
    for (const p of inChapter.filter((q) => q.sectionId === null)) {
      await pointRow(p);
      placed.add(p.number);
    }
    for (const section of nodes.filter((n) => n.parentId === chapter.id)) {
      const inSection = inChapter.filter((p) => p.sectionId === section.id);
      if (inSection.length === 0) continue;
      groupRow(`${section.label}${section.title}`, 2);
      for (const p of inSection) {
        await pointRow(p);
        placed.add(p.number);
      }
    }
  }
  const rest = points.filter((p) => !placed.has(p.number));
  if (rest.length > 0 && placed.size > 0) groupRow('其他', 1);
  for (const p of rest) await pointRow(p);

  await report({ percent: 90, stage: REPORT_EXPORT_STAGES.writing });
  return Buffer.from(await book.xlsx.writeBuffer());
}
