import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CalendarOverrideKind } from '@workpoints/contracts';

// Also in the API's answers, so defined in the contracts.
export type { CalendarOverrideKind };

/**
 * An admin's correction to the working-day calendar, for a year the holiday package does not
 * know yet (the State Council publishes each year's schedule in late autumn) or a local
 * arrangement: one day as a holiday or a working day, or a whole year confirmed as
 * weekends-only.
 */
@Entity('calendar_overrides')
@Index('uq_calendar_overrides_date', ['date'], { unique: true, where: '"date" IS NOT NULL' })
@Index('uq_calendar_overrides_weekends_only', ['year'], {
  unique: true,
  where: `"kind" = 'weekends-only'`,
})
@Check(
  'ck_calendar_overrides_kind',
  `("kind" IN ('holiday', 'workday') AND "date" IS NOT NULL) OR ("kind" = 'weekends-only' AND "date" IS NULL)`,
)
export class CalendarOverrideEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  kind!: CalendarOverrideKind;

  /** The day, `YYYY-MM-DD`, for holiday and workday overrides. */
  @Column({ type: 'date', nullable: true })
  date!: string | null;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
