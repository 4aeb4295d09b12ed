import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@workpoints/config';
import {
  ErrorCode,
  type Actor,
  type BulletinView,
  type ScoreRulesView,
} from '@workpoints/contracts';
import {
  DEFAULT_SCORE_RULES,
  SCORE_RULE_LABELS,
  isMonth,
  resolveScoreRules,
  scoreRulesProblems,
  type ScoreRules,
} from '@workpoints/domain';
import { AuditEventEntity, BulletinEntity, PlanEntity } from '@workpoints/persistence';
import { bulletinFilename, produceBulletin } from '@workpoints/reports';
import { DataSource } from 'typeorm';
import { visiblePlan } from '../access/scope';
import { DomainException } from '../common/domain.exception';
import { toBulletinView } from './bulletin.mapper';
import type { ScoreRulesDto } from './bulletins.dto';

/** The monthly bulletins of a plan: produced on demand, listed, read and downloaded. */
@Injectable()
export class BulletinsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async produce(planId: string, month: string, actor: Actor): Promise<BulletinView> {
    const plan = await this.plan(planId, actor);
    if (plan.status !== 'published')
      throw new DomainException(ErrorCode.PlanState, '计划尚未发布，不能生成通报');
    const produced = await produceBulletin(this.dataSource, {
      planId,
      month: this.month(month),
      trigger: 'manual',
      actorId: actor.userId,
      publicUrl: this.config.notify.publicUrl,
    });
    return toBulletinView(produced);
  }

  async list(planId: string, actor: Actor): Promise<BulletinView[]> {
    await this.plan(planId, actor);
    const rows = await this.dataSource.getRepository(BulletinEntity).find({
      where: { planId },
      order: { month: 'DESC' },
    });
    return rows.map(toBulletinView);
  }

  async get(planId: string, month: string, actor: Actor): Promise<BulletinView> {
    return toBulletinView(await this.row(planId, month, actor));
  }

  private async row(planId: string, month: string, actor: Actor): Promise<BulletinEntity> {
    await this.plan(planId, actor);
    const row = await this.dataSource
      .getRepository(BulletinEntity)
      .findOneBy({ planId, month: this.month(month) });
    if (!row) throw new DomainException(ErrorCode.NotFound, `${month} 的通报尚未生成`);
    return row;
  }

  async document(
    planId: string,
    month: string,
    actor: Actor,
  ): Promise<{ filename: string; content: Buffer }> {
    const { id } = await this.row(planId, month, actor);
    const row = await this.dataSource.getRepository(BulletinEntity).findOneOrFail({
      where: { id },
      select: { id: true, document: true },
    });
    return { filename: bulletinFilename(month), content: row.document };
  }

  async rules(planId: string, actor: Actor): Promise<ScoreRulesView> {
    const plan = await this.plan(planId, actor);
    return {
      rules: resolveScoreRules(plan.scoreRules),
      defaults: { ...DEFAULT_SCORE_RULES },
      labels: { ...SCORE_RULE_LABELS },
      own: plan.scoreRules ?? {},
    };
  }

  /** Changes the plan's rules (audited); later bulletins are scored by them. */
  async changeRules(planId: string, change: ScoreRulesDto, actor: Actor): Promise<ScoreRulesView> {
    const plan = await this.plan(planId, actor);
    const fields = Object.fromEntries(
      Object.entries(change).filter(([, v]) => v !== undefined),
    ) as Partial<ScoreRules>;
    const problems = scoreRulesProblems({ ...(plan.scoreRules ?? {}), ...fields });
    if (problems.length > 0) throw new DomainException(ErrorCode.InvalidInput, problems.join('；'));
    const next = { ...(plan.scoreRules ?? {}), ...fields };
    await this.dataSource.transaction(async (tx) => {
      await tx.update(PlanEntity, { id: planId }, { scoreRules: next });
      await tx.save(AuditEventEntity, {
        planId,
        pointId: null,
        actorId: actor.userId,
        actorName: actor.displayName,
        event: 'plan_edited',
        before: { scoreRules: plan.scoreRules },
        after: { scoreRules: next },
        comment: '修改月度排名计分规则',
        requestId: null,
        at: new Date(),
      });
    });
    return this.rules(planId, actor);
  }

  /** The plan, if the actor may know of it (a draft's bulletins are the office's). */
  private plan(planId: string, actor: Actor): Promise<PlanEntity> {
    return visiblePlan(this.dataSource, planId, actor);
  }

  private month(month: string): string {
    if (!isMonth(month))
      throw new DomainException(
        ErrorCode.InvalidInput,
        `月份格式应为 YYYY-MM（如 2024-03）：${month}`,
      );
    return month;
  }
}
