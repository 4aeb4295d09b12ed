import type { ReportExportProgress } from '@workpoints/contracts';

/** A finished report file, as the API streams it and an export job returns it. */
export interface ReportFile {
  /** The name people see (Chinese, from the plan's title); sent as `filename*=UTF-8''…`. */
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * Told where a report's production is, for a background export's progress. Awaited: a slow
 * listener (Redis) holds the build back rather than fall behind it.
 */
export type ReportProgressListener = (progress: ReportExportProgress) => Promise<void> | void;

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
