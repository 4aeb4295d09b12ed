import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@workpoints/config';
import {
  ErrorCode,
  JobName,
  QueueName,
  REPORT_EXPORT_STAGES,
  enqueue,
  isJobNamed,
  reportExportJobId,
  type Actor,
  type ExportAccepted,
  type ExportState,
  type ExportView,
  type ReportExportJob,
  type ReportExportProgress,
  type ReportExportResult,
} from '@workpoints/contracts';
import {
  buildReport,
  countPoints,
  normaliseReportRequest,
  type ReportFile,
  type ReportRequest,
} from '@workpoints/reports';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { scopedFilters, visiblePlan } from '../access/scope';
import { DomainException } from '../common/domain.exception';

/** Where exports are read (the API's global prefix included): statusUrl and downloadUrl. */
export const EXPORTS_PATH = '/api/exports';

/**
 * A finished export keeps its file in Redis (the job's return value) for an hour, a failed one
 * its error for a day, for whoever asks why. BullMQ drops older ones as later exports finish.
 */
export const EXPORT_KEEP_COMPLETED_SECONDS = 60 * 60;
export const EXPORT_KEEP_FAILED_SECONDS = 24 * 60 * 60;

const JOB_OPTIONS: JobsOptions = {
  // A second attempt for a database hiccup; a plan that is gone fails at once (unrecoverable).
  attempts: 2,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: EXPORT_KEEP_COMPLETED_SECONDS },
  removeOnFail: { age: EXPORT_KEEP_FAILED_SECONDS },
};

type ExportJob = Job<ReportExportJob, ReportExportResult | undefined>;

/**
 * Report files (the ledger, the summary) either built inside the request — a small selection —
 * or queued on the reports queue for the jobs app, which reports progress and keeps the file
 * with the finished job. An export is its requester's: anyone else but an admin is told it does
 * not exist. Remit is settled here: a draft's reports are the office's, and the filters are
 * narrowed to the requester's remit, which the job keeps.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  /**
   * The file itself when the selection is within EXPORT_INLINE_LIMIT points, else a background
   * export of the same file (the caller answers 202).
   */
  async download(request: ReportRequest, actor: Actor): Promise<ReportFile | ExportAccepted> {
    await visiblePlan(this.dataSource, request.planId, actor);
    const normal = normaliseReportRequest({
      ...request,
      filters: scopedFilters(actor, request.filters),
    });
    const selected = await countPoints(this.dataSource, normal.planId, normal.filters);
    const limit = this.config.exports.inlineLimit;
    if (selected > limit)
      return this.start(
        normal,
        actor,
        `所选要点共${selected}项，超过直接下载上限${limit}项，已转为后台导出：` +
          '请按 statusUrl 查询进度，完成后从其中的 downloadUrl 下载文件',
      );
    const file = await buildReport(this.dataSource, normal);
    if (!file) throw new DomainException(ErrorCode.NotFound, `计划不存在：${normal.planId}`);
    return file;
  }

  /** Queues a background export of the file for the actor, within their remit. */
  async start(request: ReportRequest, actor: Actor, message?: string): Promise<ExportAccepted> {
    await visiblePlan(this.dataSource, request.planId, actor);
    const normal = normaliseReportRequest({
      ...request,
      filters: scopedFilters(actor, request.filters),
    });
    const id = randomUUID();
    const data: ReportExportJob = {
      ...normal,
      exportId: id,
      userId: actor.userId,
      requestedAt: new Date().toISOString(),
    };
    try {
      await enqueue(this.queue, JobName.ExportReport, data, JOB_OPTIONS);
    } catch (error) {
      // Unlike an import, nothing is stored before the queue: without Redis there is no export.
      this.logger.warn(`export ${id} not queued: ${(error as Error).message}`);
      throw new ServiceUnavailableException('后台导出队列暂不可用，请稍后再试');
    }
    return {
      id,
      kind: normal.kind,
      state: 'waiting',
      statusUrl: `${EXPORTS_PATH}/${id}`,
      message:
        message ?? '已开始后台导出：请按 statusUrl 查询进度，完成后从其中的 downloadUrl 下载文件',
    };
  }

  async status(id: string, actor: Actor): Promise<ExportView> {
    const { job, state } = await this.jobAndState(id, actor);
    const progress = readProgress(job.progress);
    const view: ExportView = {
      id,
      kind: job.data.kind,
      planId: job.data.planId,
      state,
      progress: state === 'completed' ? 100 : progress.percent,
      stage: state === 'completed' ? REPORT_EXPORT_STAGES.done : progress.stage,
      requestedAt: job.data.requestedAt,
    };
    if (job.finishedOn) view.finishedAt = new Date(job.finishedOn).toISOString();
    if (state === 'completed' && job.returnvalue) {
      view.filename = job.returnvalue.filename;
      view.bytes = job.returnvalue.bytes;
      view.downloadUrl = `${EXPORTS_PATH}/${id}/file`;
    }
    if (state === 'failed') view.error = job.failedReason || '导出失败';
    return view;
  }

  /** The finished file; 409 with the reason while it is not ready or when the export failed. */
  async file(id: string, actor: Actor): Promise<ReportFile> {
    const { job, state } = await this.jobAndState(id, actor);
    switch (state) {
      case 'completed': {
        const result = job.returnvalue;
        if (!result) throw new DomainException(ErrorCode.NotFound, `导出文件已不存在：${id}`);
        return {
          filename: result.filename,
          contentType: result.contentType,
          content: Buffer.from(result.base64, 'base64'),
        };
      }
      case 'failed':
        throw new DomainException(
          ErrorCode.OutOfTurn,
          `导出失败，没有可下载的文件：${job.failedReason || '原因不明'}。请重新导出`,
        );
      case 'waiting':
      case 'active': {
        const progress = readProgress(job.progress);
        throw new DomainException(
          ErrorCode.OutOfTurn,
          `导出尚未完成（${progress.stage}，${progress.percent}%），请稍后再下载：` +
            `${EXPORTS_PATH}/${id}`,
        );
      }
    }
  }

  /** The export's job, if it exists and the actor may see it: the requester or an admin. */
  /**
   * The job and its state, consistent with each other: the job is a snapshot, and an export
   * that finishes between reading it and reading the state would otherwise count as completed
   * without its file (or failed without its reason). Then the job is read once more.
   */
  private async jobAndState(
    id: string,
    actor: Actor,
  ): Promise<{ job: ExportJob; state: ExportState }> {
    const job = await this.job(id, actor);
    const state = exportState(await job.getState());
    const settled = state === 'completed' || state === 'failed';
    if (settled && !job.finishedOn) return { job: await this.job(id, actor), state };
    return { job, state };
  }

  private async job(id: string, actor: Actor): Promise<ExportJob> {
    // The whole job is read, its file (return value) included: exports are few and short-lived.
    const found: Job | undefined = await this.queue.getJob(reportExportJobId(id));
    const job = found && isJobNamed(found, JobName.ExportReport) ? found : undefined;
    const mine = job && (job.data.userId === actor.userId || actor.roles.includes('admin'));
    // Someone else's export is as good as absent: its existence is nobody else's business.
    if (!job || !mine) throw new DomainException(ErrorCode.NotFound, `导出不存在或已过期：${id}`);
    return job;
  }
}

/** BullMQ's states as an export's: delayed (a retry's backoff) and the like are still waiting. */
function exportState(state: string): ExportState {
  switch (state) {
    case 'active':
    case 'completed':
    case 'failed':
      return state;
    default:
      return 'waiting';
  }
}

function readProgress(progress: unknown): ReportExportProgress {
  const p = progress as Partial<ReportExportProgress> | null;
  return typeof p === 'object' && p !== null && typeof p.percent === 'number' && p.stage
    ? { percent: p.percent, stage: p.stage }
    : { percent: 0, stage: REPORT_EXPORT_STAGES.queued };
}
