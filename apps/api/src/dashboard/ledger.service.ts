import { Injectable } from '@nestjs/common';
import type { Actor, ExportAccepted } from '@workpoints/contracts';
import type { ReportFile } from '@workpoints/reports';
import { ExportsService } from '../exports/exports.service';
import type { DashboardQuery } from './dashboard.dto';

/**
 * The supervision ledger (督办台账) under the dashboard's filters and remit. The workbook is built
 * by `@workpoints/reports` (`ledgerFile`), here for a small selection and by the jobs app in the
 * background for one past EXPORT_INLINE_LIMIT points.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly exports: ExportsService) {}

  workbook(
    planId: string,
    actor: Actor,
    query: DashboardQuery,
  ): Promise<ReportFile | ExportAccepted> {
    return this.exports.download({ kind: 'ledger', planId, filters: query }, actor);
  }
}
