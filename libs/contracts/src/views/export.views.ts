import type { ReportKind } from '../report.types';
import type { IsoDateTime } from './wire';

export type ExportState = 'waiting' | 'active' | 'completed' | 'failed';

/** The answer to an export that runs in the background (202). */
export interface ExportAccepted {
  id: string;
  kind: ReportKind;
  state: 'waiting';
  /** Where to ask how it goes: GET, the requester's token. */
  statusUrl: string;
  /** What happens now, for the person who asked. */
  message: string;
}

/** How a background export goes, and where its file is once done. */
export interface ExportView {
  id: string;
  kind: ReportKind;
  planId: string;
  state: ExportState;
  /** 0–100. */
  progress: number;
  /** The step it is at (排队中, 读取要点, 生成表格, 写入文件, 已完成…). */
  stage: string;
  requestedAt: IsoDateTime;
  finishedAt?: IsoDateTime;
  /** Once completed. */
  filename?: string;
  bytes?: number;
  downloadUrl?: string;
  /** Once failed: why, in words a person can act on. */
  error?: string;
}
