import type { SummaryPeriod } from '@workpoints/contracts';
import type { DataSource } from 'typeorm';
import { ledgerFile } from './ledger';
import { pickPointFilters, type PointFilters } from './point-filter';
import type { ReportFile, ReportProgressListener } from './report-file';
import { summaryFile, summaryFilters } from './summary';

/**
 * A report file of a plan, for points already narrowed to whoever asked: what the API builds
 * inline and what an export job (`ReportExportJob`) carries to the jobs app.
 */
export type ReportRequest = { planId: string; filters: PointFilters } & (
  { kind: 'ledger' } | { kind: 'summary'; period: SummaryPeriod }
);

/**
 * The request with only the filters its file takes, and none left empty: a summary drops
 * status and colour (see `SummaryFilters`), so counting and building select the same points.
 */
export function normaliseReportRequest<R extends ReportRequest>(request: R): R {
  return {
    ...request,
    filters:
      request.kind === 'summary'
        ? summaryFilters(request.filters)
        : pickPointFilters(request.filters),
  };
}

/** Builds the requested file; null when the plan does not exist. */
export function buildReport(
  dataSource: DataSource,
  request: ReportRequest,
  onProgress?: ReportProgressListener,
): Promise<ReportFile | null> {
  const { planId, filters } = normaliseReportRequest(request);
  const listener = onProgress ? { onProgress } : {};
  switch (request.kind) {
    case 'ledger':
      return ledgerFile(dataSource, planId, filters, listener);
    case 'summary':
      return summaryFile(dataSource, planId, { period: request.period, filters, ...listener });
  }
}
