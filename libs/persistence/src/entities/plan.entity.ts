import type { PlanStatus, PointPolicy } from '@workpoints/contracts';
import type { ScoreRules } from '@workpoints/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { PlanNodeEntity } from './plan-node.entity';
import { UserEntity } from './user.entity';
import { WorkPointEntity } from './work-point.entity';

// Also in the API's answers, so defined in the contracts.
export type { PlanStatus };

/** One office's work plan for a year (年度工作要点). */
@Entity('plans')
@Index('ix_plans_year', ['year'])
@Check('ck_plans_status', `"status" IN ('draft', 'published')`)
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', default: 'draft' })
  status!: PlanStatus;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<UserEntity>;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Request id of the publication, so a retried publish is recognised as the same one. */
  @Column({ name: 'publish_request_id', type: 'varchar', nullable: true })
  publishRequestId!: string | null;

  /** Policy fields for every point of the plan, over the defaults (points may change them). */
  @Column({ type: 'jsonb', nullable: true })
  policy!: Partial<PointPolicy> | null;

  /** The monthly ranking's rules over the defaults (`DEFAULT_SCORE_RULES` of @workpoints/domain). */
  @Column({ name: 'score_rules', type: 'jsonb', nullable: true })
  scoreRules!: Partial<ScoreRules> | null;

  /** The year's headline targets from the preamble (`Target` of @workpoints/plan-parser). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  targets!: Record<string, unknown>[];

  /** What the importer was unsure of, shown until the coordinator has checked the draft. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings!: string[];

  @OneToMany(() => PlanNodeEntity, (node) => node.plan)
  nodes?: PlanNodeEntity[];

  @OneToMany(() => WorkPointEntity, (point) => point.plan)
  points?: WorkPointEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
