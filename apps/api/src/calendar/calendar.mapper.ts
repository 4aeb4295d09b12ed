import type { CalendarOverrideView } from '@workpoints/contracts';
import type { CalendarOverrideEntity } from '@workpoints/persistence';
import { iso } from '../common/wire';

export function toCalendarOverrideView(o: CalendarOverrideEntity): CalendarOverrideView {
  return {
    id: o.id,
    kind: o.kind,
    date: o.date,
    year: o.year,
    note: o.note,
    createdById: o.createdById,
    createdAt: iso(o.createdAt),
  };
}
