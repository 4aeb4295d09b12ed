import { InjectQueue, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, QueueName, enqueue } from '@workpoints/contracts';
import { ImportError, extractText } from '@workpoints/plan-import';
import { parsePlan } from '@workpoints/plan-parser';
import {
  AuditEventEntity,
  DepartmentEntity,
  DepartmentKeywordRuleEntity,
  PlanEntity,
  PlanImportEntity,
  PlanNodeEntity,
  WorkPointEntity,
} from '@workpoints/persistence';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { DataSource, LessThan } from 'typeorm';
import { JobProcessor, jobOf } from '../job-processors';
import { buildPlanDraft, type PlanDraft } from './plan-draft.builder';

export const SWEEP_IMPORTS_EVERY_MS = 10_000;
/** An import still queued after this long never reached Redis (or Redis lost it): queue it again. */
const STALE_QUEUED_MS = 15_000;

/**
 * Imports run here, not in the API: a 5 MB document must not block requests. The job reads
 * the stored file, extracts its text, parses it, and writes the draft plan (nodes, points,
 * suggestions) in one transaction, reporting progress on the import row as it goes.
 */
@JobProcessor(QueueName.Imports)
export class ImportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.SweepImports,
      { every: SWEEP_IMPORTS_EVERY_MS },
      { name: JobName.SweepImports },
    );
  }

  async process(job: Job): Promise<unknown> {
    const typed = jobOf(QueueName.Imports, job);
    switch (typed.name) {
      case JobName.ImportPlan:
        return this.importPlan(typed.data.importId, {
          report: (p) => job.updateProgress(p),
          lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        });
      case JobName.SweepImports:
        return this.sweep();
    }
  }

  /** Re-queues imports that have waited too long (the API's enqueue may have failed). */
  async sweep(): Promise<number> {
    const stale = await this.dataSource.getRepository(PlanImportEntity).find({
      where: { status: 'queued', createdAt: LessThan(new Date(Date.now() - STALE_QUEUED_MS)) },
      select: { id: true },
      take: 100,
    });
    for (const row of stale) await enqueue(this.queue, JobName.ImportPlan, { importId: row.id });
    return stale.length;
  }

  async importPlan(
    importId: string,
    opts: { report?: (progress: number) => Promise<void>; lastAttempt?: boolean } = {},
  ): Promise<string | null> {
    const report = opts.report ?? (async () => undefined);
    const imports = this.dataSource.getRepository(PlanImportEntity);
    const row = await imports
      .createQueryBuilder('i')
      .addSelect('i.content')
      .where('i.id = :importId', { importId })
      .getOne();
    if (!row) throw new UnrecoverableError(`import ${importId} does not exist`);
    if (row.status === 'succeeded') return row.planId; // a duplicate job: already done

    const progress = async (value: number) => {
      await imports.update({ id: importId }, { progress: value });
      await report(value);
    };
    await imports.update({ id: importId }, { status: 'running', progress: 5, error: null });
    try {
      const extracted = await extractText(row.content, row.filename);
      await imports.update({ id: importId }, { format: extracted.format });
      await progress(40);
      const parsed = parsePlan(extracted.text, row.year ? { year: row.year } : {});
      parsed.warnings.unshift(...extracted.warnings);
      await progress(70);
      const draft = buildPlanDraft(parsed, {
        filename: row.filename,
        fallbackYear: row.year ?? new Date().getFullYear(),
        departments: await this.dataSource
          .getRepository(DepartmentEntity)
          .find({ select: { id: true, name: true } }),
        rules: await this.dataSource.getRepository(DepartmentKeywordRuleEntity).find(),
      });
      if (draft.points.length === 0) {
        const why = parsed.warnings.length ? `（${parsed.warnings.slice(0, 3).join('；')}）` : '';
        throw new ImportError(
          'NOT_TEXT',
          `文件中没有找到要跟踪的工作要点${why}。请确认上传的是工作要点或工作计划，或粘贴其文字`,
        );
      }
      const planId = await this.writeDraft(
        row,
        draft,
        parsed as unknown as Record<string, unknown>,
      );
      this.logger.log(`import ${importId}: ${draft.points.length} points into plan ${planId}`);
      return planId;
    } catch (error) {
      // A document that cannot be read fails at once; anything else (the database, say) is
      // retried, and after the last attempt the import fails rather than wait for the sweep.
      const final =
        error instanceof ImportError ||
        error instanceof UnrecoverableError ||
        opts.lastAttempt === true;
      await imports.update(
        { id: importId },
        final
          ? { status: 'failed', error: (error as Error).message }
          : { status: 'queued', error: (error as Error).message },
      );
      if (final) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  }

  private writeDraft(
    row: PlanImportEntity,
    draft: PlanDraft,
    result: Record<string, unknown>,
  ): Promise<string> {
    return this.dataSource.transaction(async (tx) => {
      const plan = await tx.save(
        tx.create(PlanEntity, {
          title: draft.title,
          year: draft.year,
          status: 'draft',
          createdById: row.createdById,
          targets: draft.targets as unknown as Record<string, unknown>[],
          warnings: draft.warnings,
        }),
      );
      const nodeIds = new Map<string, string>();
      for (const node of draft.nodes) {
        const saved = await tx.save(
          tx.create(PlanNodeEntity, {
            planId: plan.id,
            parentId: node.parentKey ? (nodeIds.get(node.parentKey) ?? null) : null,
            kind: node.kind,
            label: node.label,
            title: node.title,
            position: node.position,
          }),
        );
        nodeIds.set(node.key, saved.id);
      }
      await tx.save(
        WorkPointEntity,
        draft.points.map((p, i) => ({
          planId: plan.id,
          nodeId: p.nodeKey ? (nodeIds.get(p.nodeKey) ?? null) : null,
          number: p.number,
          label: p.label,
          title: p.title,
          text: p.text,
          subItems: p.subItems,
          targets: p.targets as unknown as Record<string, unknown>[],
          deadlineText: p.deadlineText,
          deadline: p.deadline,
          mentionedUnits: p.mentionedUnits,
          suggestions: p.suggestions,
          status: 'draft' as const,
          position: i,
        })),
        { chunk: 200 },
      );
      await tx.insert(AuditEventEntity, {
        planId: plan.id,
        pointId: null,
        actorId: row.createdById,
        event: 'plan_imported',
        after: {
          importId: row.id,
          filename: row.filename,
          points: draft.points.length,
          parts: draft.parts,
        },
        at: new Date(),
      });
      await tx.save(PlanImportEntity, {
        id: row.id,
        status: 'succeeded',
        progress: 100,
        planId: plan.id,
        result,
        error: null,
      });
      return plan.id;
    });
  }
}
