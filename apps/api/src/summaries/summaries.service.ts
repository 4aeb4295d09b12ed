import { Injectable } from '@nestjs/common';
import type { Actor, ExportAccepted } from '@workpoints/contracts';
import type { ReportFile } from '@workpoints/reports';
import { ExportsService } from '../exports/exports.service';
import type { SummaryQuery } from './summary.dto';

/**
 * The half-year or annual summary (工作总结) as a Word draft the coordinator downloads and
 * edits; a supervisor or head gets their remit's, as on the dashboard. Built by
 * `@workpoints/reports` (`summaryFile`), in the background past EXPORT_INLINE_LIMIT points.
 */
@Injectable()
export class SummariesService {
  constructor(private readonly exports: ExportsService) {}

  document(
    planId: string,
    actor: Actor,
    query: SummaryQuery,
  ): Promise<ReportFile | ExportAccepted> {
    const { period, ...narrowing } = query;
    return this.exports.download({ kind: 'summary', planId, period, filters: narrowing }, actor);
  }
}
