import type { BulletinPoint } from '@workpoints/contracts';
import type { RankingRow, ScoreRules } from '@workpoints/domain';
import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { PlanEntity } from './plan.entity';
import { UserEntity } from './user.entity';

// Also in the API's answers, so defined in the contracts.
export type { BulletinPoint };

/**
 * The monthly ranking and bulletin (一月一排名、一月一通报) of a plan: the figures as they were
 * when it was produced and the Word document. One per plan and month; producing it again (on
 * demand) replaces it with the current figures.
 */
@Entity('bulletins')
@Unique('uq_bulletins_plan_month', ['planId', 'month'])
@Check('ck_bulletins_trigger', `"trigger" IN ('schedule', 'manual')`)
export class BulletinEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => PlanEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<PlanEntity>;

  /** The month reported on, `YYYY-MM`. */
  @Column({ type: 'varchar' })
  month!: string;

  /** The monthly schedule, or a person on demand. */
  @Column({ type: 'varchar' })
  trigger!: 'schedule' | 'manual';

  @Column({ name: 'produced_by_id', type: 'uuid', nullable: true })
  producedById!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'produced_by_id' })
  producedBy?: UserEntity | null;

  @Column({ name: 'produced_at', type: 'timestamptz' })
  producedAt!: Date;

  /** The rules the scores were computed with. */
  @Column({ type: 'jsonb' })
  rules!: ScoreRules;

  @Column({ type: 'jsonb' })
  ranking!: RankingRow[];

  @Column({ type: 'jsonb' })
  completed!: BulletinPoint[];

  @Column({ type: 'jsonb' })
  overdue!: BulletinPoint[];

  /** The .docx file. */
  @Column({ type: 'bytea', select: false })
  document!: Buffer;
}
