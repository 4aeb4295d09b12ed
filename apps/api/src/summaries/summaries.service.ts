import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type Actor } from '@workpoints/contracts';
import { loadSummary, summaryDocument, summaryTitle } from '@workpoints/reports';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { scopedFilters } from '../dashboard/dashboard.service';
import type { SummaryQuery } from './summary.dto';

/**
 * The half-year or annual summary (工作总结) as a Word draft the coordinator downloads and
 * edits; a department head gets their own department's, as on the dashboard.
 */
@Injectable()
export class SummariesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async document(
    planId: string,
    actor: Actor,
    query: SummaryQuery,
  ): Promise<{ filename: string; content: Buffer }> {
    const { period, ...narrowing } = query;
    const { chapterId, departmentId, supervisorId } = scopedFilters(actor, narrowing);
    const data = await loadSummary(this.dataSource, planId, {
      period,
      filters: { chapterId, departmentId, supervisorId },
    });
    if (!data) throw new DomainException(ErrorCode.NotFound, `计划不存在：${planId}`);
    return { filename: `${summaryTitle(data)}.docx`, content: await summaryDocument(data) };
  }
}
