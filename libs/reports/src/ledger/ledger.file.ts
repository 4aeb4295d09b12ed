import { REPORT_EXPORT_STAGES } from '@workpoints/contracts';
import type { DataSource } from 'typeorm';
import type { PointFilters } from '../point-filter';
import { XLSX_CONTENT_TYPE, type ReportFile } from '../report-file';
import { loadLedger } from './ledger.data';
import { ledgerWorkbook, type LedgerWorkbookOptions } from './ledger.workbook';

/** The ledger's file name: 2027年知识产权工作要点-督办台账.xlsx. */
export const ledgerFilename = (planTitle: string): string => `${planTitle}-督办台账.xlsx`;

/**
 * The supervision ledger (督办台账) of a plan under the filters, as a file: what the API streams
 * for a small selection and the jobs app builds in the background for a large one. Progress
 * starts at 读取要点 (0 %); null when the plan does not exist.
 */
export async function ledgerFile(
  dataSource: DataSource,
  planId: string,
  filters: PointFilters = {},
  options: LedgerWorkbookOptions = {},
): Promise<ReportFile | null> {
  await options.onProgress?.({ percent: 0, stage: REPORT_EXPORT_STAGES.reading });
  const data = await loadLedger(dataSource, planId, filters);
  if (!data) return null;
  return {
    filename: ledgerFilename(data.planTitle),
    contentType: XLSX_CONTENT_TYPE,
    content: await ledgerWorkbook(data, options),
  };
}
