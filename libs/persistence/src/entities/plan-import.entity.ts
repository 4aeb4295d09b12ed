import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { PlanEntity } from './plan.entity';
import { UserEntity } from './user.entity';
import type { PlanImportStatus } from '@workpoints/contracts';

// Also in the API's answers, so defined in the contracts.
export type { PlanImportStatus };

/**
 * One uploaded document (or pasted text) and what became of it. The original bytes stay with
 * the draft plan it produced; `result` keeps the whole parse, including the review and problems
 * parts of a summary, which are shown but not tracked as points.
 */
@Entity('plan_imports')
@Index('ix_plan_imports_created_by', ['createdById', 'createdAt'])
@Check('ck_plan_imports_status', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
export class PlanImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  filename!: string;

  /** What the content was read as: txt, docx, pdf, html; null until read. */
  @Column({ type: 'varchar', nullable: true })
  format!: string | null;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ type: 'varchar', default: 'queued' })
  status!: PlanImportStatus;

  /** 0–100, as the import job reports it. */
  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The parser's output (ParsedPlan from @workpoints/plan-parser). */
  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId!: string | null;

  @ManyToOne(() => PlanEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<PlanEntity> | null;

  /** The plan's year when the coordinator gave one; otherwise the parser finds it. */
  @Column({ type: 'int', nullable: true })
  year!: number | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
