import { REPORT_EXPORT_STAGES } from '@workpoints/contracts';
import type { DataSource } from 'typeorm';
import { DOCX_CONTENT_TYPE, type ReportFile, type ReportProgressListener } from '../report-file';
import { loadSummary, type LoadSummaryOptions } from './summary.data';
import { summaryDocument, summaryTitle } from './summary.document';

/**
 * The half-year or annual summary (工作总结) of a plan as a Word file named after its title:
 * what the API streams for a small selection and the jobs app builds in the background for a
 * large one. Progress: 读取要点 (0 %), then 生成文档 (40 %). Null when the plan does not exist.
 */
export async function summaryFile(
  dataSource: DataSource,
  planId: string,
  options: LoadSummaryOptions & { onProgress?: ReportProgressListener },
): Promise<ReportFile | null> {
  const { onProgress, ...load } = options;
  await onProgress?.({ percent: 0, stage: REPORT_EXPORT_STAGES.reading });
  const data = await loadSummary(dataSource, planId, load);
  if (!data) return null;
  await onProgress?.({ percent: 40, stage: REPORT_EXPORT_STAGES.document });
  return {
    filename: `${summaryTitle(data)}.docx`,
    contentType: DOCX_CONTENT_TYPE,
    content: await summaryDocument(data),
  };
}
