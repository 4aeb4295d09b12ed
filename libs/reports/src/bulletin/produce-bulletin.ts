import { rankDepartments, resolveScoreRules, shanghaiDate } from '@workpoints/domain';
import { BulletinEntity, PlanEntity, writePlanOutbox } from '@workpoints/persistence';
import type { DataSource } from 'typeorm';
import { bulletinDocument } from './bulletin.document';
import { loadMonthlyFacts } from './monthly-facts';

export interface ProduceBulletinInput {
  planId: string;
  /** `YYYY-MM`. */
  month: string;
  trigger: 'schedule' | 'manual';
  /** Who asked for it (on demand); null for the schedule. */
  actorId: string | null;
  /** The web app's address, for the link in the coordinators' notice. */
  publicUrl: string;
  now?: Date;
}

/** The bulletin as stored, without its document. */
export type BulletinSummary = Omit<BulletinEntity, 'document' | 'plan' | 'producedBy'>;

/**
 * Produces a plan's bulletin for a month in one transaction: the month's facts, the ranking
 * under the plan's score rules, the Word document, the row (replacing an earlier one for the
 * same month) and, when the monthly schedule produced it, a notice to the coordinators. Run
 * again, it writes the same row and no second notice.
 */
export async function produceBulletin(
  dataSource: DataSource,
  input: ProduceBulletinInput,
): Promise<BulletinSummary> {
  const now = input.now ?? new Date();
  return dataSource.transaction(async (tx) => {
    const plan = await tx.findOneBy(PlanEntity, { id: input.planId });
    if (!plan) throw new RangeError(`计划不存在：${input.planId}`);
    const facts = await loadMonthlyFacts(tx, plan.id, input.month, now);
    const rules = resolveScoreRules(plan.scoreRules);
    const ranking = rankDepartments(facts.departments, rules);
    const document = await bulletinDocument({
      planTitle: plan.title,
      month: input.month,
      asOf: facts.asOf,
      producedOn: shanghaiDate(now),
      pointsOpen: facts.pointsOpen,
      rules,
      ranking,
      completed: facts.completed,
      overdue: facts.overdue,
    });
    const row = {
      planId: plan.id,
      month: input.month,
      trigger: input.trigger,
      producedById: input.actorId,
      producedAt: now,
      rules,
      ranking,
      completed: facts.completed,
      overdue: facts.overdue,
    };
    await tx
      .createQueryBuilder()
      .insert()
      .into(BulletinEntity)
      .values({ ...row, document })
      .orUpdate(
        [
          'trigger',
          'produced_by_id',
          'produced_at',
          'rules',
          'ranking',
          'completed',
          'overdue',
          'document',
        ],
        ['plan_id', 'month'],
      )
      .execute();
    const stored = await tx.findOneByOrFail(BulletinEntity, {
      planId: plan.id,
      month: input.month,
    });
    if (input.trigger === 'schedule') {
      const [y, m] = input.month.split('-').map(Number);
      await writePlanOutbox(
        tx,
        plan,
        {
          kind: 'bulletin',
          occasion: `bulletin:${plan.id}:${input.month}`,
          subject: `${y}年${m}月`,
          link: `${input.publicUrl}/plans/${plan.id}/bulletins/${input.month}`,
          detail: `办结${facts.completed.length}项，逾期未完成${facts.overdue.length}项，参与排名单位${ranking.length}个。`,
        },
        now,
      );
    }
    return stored;
  });
}
