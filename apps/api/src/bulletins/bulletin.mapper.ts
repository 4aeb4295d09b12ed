import type { BulletinView } from '@workpoints/contracts';
import type { BulletinSummary } from '@workpoints/reports';
import { iso } from '../common/wire';

/** A bulletin's figures as they were produced (its Word document is downloaded on its own). */
export function toBulletinView(b: BulletinSummary): BulletinView {
  return {
    id: b.id,
    planId: b.planId,
    month: b.month,
    trigger: b.trigger,
    producedById: b.producedById,
    producedAt: iso(b.producedAt),
    rules: b.rules,
    ranking: b.ranking,
    completed: b.completed,
    overdue: b.overdue,
  };
}
