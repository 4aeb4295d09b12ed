import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  JobName,
  QueueName,
  REPORT_EXPORT_STAGES,
  type ReportExportJob,
  type ReportExportProgress,
  type ReportExportResult,
} from '@workpoints/contracts';
import { buildReport } from '@workpoints/reports';
import { type Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobProcessor, jobOf } from '../job-processors';

/**
 * Background exports: a report file too large to build inside a request (the ledger of a plan
 * with thousands of points) is built here with the same `@workpoints/reports` functions the API
 * uses for small ones, reporting its stages with `job.updateProgress` and returning the file
 * (base64) as the job's result, which the API hands to the requester. Remit was settled by the
 * API: the job's filters are already scoped. Two at a time: each holds a whole workbook in memory.
 */
@JobProcessor(QueueName.Reports, { concurrency: 2 })
export class ReportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async process(job: Job): Promise<ReportExportResult> {
    const typed = jobOf(QueueName.Reports, job);
    switch (typed.name) {
      case JobName.ExportReport:
        return this.export(typed.data, (p) => job.updateProgress(p));
    }
  }

  async export(
    data: ReportExportJob,
    report: (progress: ReportExportProgress) => Promise<void> = async () => undefined,
  ): Promise<ReportExportResult> {
    const started = Date.now();
    let file: Awaited<ReturnType<typeof buildReport>>;
    try {
      file = await buildReport(this.dataSource, data, report);
    } catch (error) {
      // The requester reads a failed export's reason: say in Chinese what went wrong. BullMQ
      // retries it (the database may be back); the last attempt's reason is the one kept.
      throw new Error(`生成文件时出错：${(error as Error).message}`, { cause: error });
    }
    // A plan deleted after the export was asked for: no retry will bring it back.
    if (!file) throw new UnrecoverableError(`计划不存在：${data.planId}，无法导出`);
    const base64 = file.content.toString('base64');
    await report({ percent: 100, stage: REPORT_EXPORT_STAGES.done });
    this.logger.log(
      `export ${data.exportId}: ${data.kind} of plan ${data.planId}, ${file.content.length} bytes in ${Date.now() - started} ms`,
    );
    return {
      filename: file.filename,
      contentType: file.contentType,
      base64,
      bytes: file.content.length,
    };
  }
}
