import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  JobName,
  QueueName,
  enqueue,
  type Actor,
  type ImportView,
  type PlanPart,
} from '@workpoints/contracts';
import { PlanImportEntity } from '@workpoints/persistence';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { iso } from '../common/wire';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

interface ParsedItem {
  part: PlanPart;
  label: string;
  chapter: string | null;
  section: string | null;
  title: string;
}

/**
 * Uploads are stored first (with the original bytes) and queued; the jobs app parses them.
 * The row id is the job id, and the jobs app re-queues imports that wait too long, so an
 * upload accepted while Redis is away is parsed once Redis is back.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
  ) {}

  async create(
    file: { bytes: Buffer; filename: string },
    year: number | undefined,
    actor: Actor,
  ): Promise<ImportView> {
    if (file.bytes.length === 0)
      throw new DomainException(ErrorCode.InvalidInput, 'file: 文件是空的');
    if (file.bytes.length > MAX_IMPORT_BYTES)
      throw new DomainException(
        ErrorCode.InvalidInput,
        `file: 文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      );
    const repo = this.dataSource.getRepository(PlanImportEntity);
    const row = await repo.save(
      repo.create({
        filename: file.filename.slice(0, 200),
        sizeBytes: file.bytes.length,
        content: file.bytes,
        status: 'queued',
        year: year ?? null,
        createdById: actor.userId,
      }),
    );
    try {
      await enqueue(
        this.queue,
        JobName.ImportPlan,
        { importId: row.id },
        {
          attempts: 3,
          backoff: { type: 'exponential', delay: 2000 },
          removeOnComplete: 1000,
          removeOnFail: 1000,
        },
      );
    } catch (error) {
      // Stored and queued later by the jobs app's sweep; the upload itself succeeded.
      this.logger.warn(`import ${row.id} stored but not queued yet: ${(error as Error).message}`);
    }
    return this.get(row.id);
  }

  async list(): Promise<ImportView[]> {
    const rows = await this.dataSource
      .getRepository(PlanImportEntity)
      .find({ order: { createdAt: 'DESC' }, take: 100 });
    return rows.map((r) => this.view(r, false));
  }

  async get(id: string): Promise<ImportView> {
    const row = await this.dataSource.getRepository(PlanImportEntity).findOneBy({ id });
    if (!row) throw new DomainException(ErrorCode.NotFound, `导入记录不存在：${id}`);
    return this.view(row, true);
  }

  async file(id: string): Promise<{ filename: string; content: Buffer }> {
    const row = await this.dataSource
      .getRepository(PlanImportEntity)
      .createQueryBuilder('i')
      .addSelect('i.content')
      .where('i.id = :id', { id })
      .getOne();
    if (!row) throw new DomainException(ErrorCode.NotFound, `导入记录不存在：${id}`);
    return { filename: row.filename, content: row.content };
  }

  /** The import as answers show it; `detail` adds what the parser found (the list leaves it out). */
  private view(row: PlanImportEntity, detail: boolean): ImportView {
    const base: ImportView = {
      id: row.id,
      filename: row.filename,
      format: row.format,
      sizeBytes: row.sizeBytes,
      status: row.status,
      progress: row.progress,
      error: row.error,
      planId: row.planId,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    };
    if (!detail || !row.result) return base;
    const result = row.result as { warnings?: string[]; points?: ParsedItem[] };
    const items = result.points ?? [];
    const parts: Record<string, number> = { plan: 0, review: 0, problems: 0 };
    for (const item of items) parts[item.part] = (parts[item.part] ?? 0) + 1;
    return {
      ...base,
      warnings: result.warnings ?? [],
      parts,
      untracked: items
        .filter((i) => i.part !== 'plan')
        .map(({ part, label, chapter, section, title }) => ({
          part,
          label,
          chapter,
          section,
          title,
        })),
    };
  }
}
