import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { DepartmentEntity } from './department.entity';
import { UserEntity } from './user.entity';
import { WorkPointEntity } from './work-point.entity';
import type { ProgressReportKind } from '@workpoints/contracts';

// Also in the API's answers, so defined in the contracts.
export type { ProgressReportKind };

/**
 * A progress report (进展情况), a completion submission, or a co-department's contribution
 * (配合材料), written when the workflow accepts it. A contribution is attached to the lead
 * department's next progress or completion report (`attachedToId`).
 */
@Entity('progress_reports')
@Index('uq_progress_reports_point_request', ['pointId', 'requestId'], { unique: true })
@Index('ix_progress_reports_point_created', ['pointId', 'createdAt'])
@Check('ck_progress_reports_kind', `"kind" IN ('progress', 'completion', 'contribution')`)
@Check('ck_progress_reports_percent', `"percent" BETWEEN 0 AND 100`)
export class ProgressReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'point_id', type: 'uuid' })
  pointId!: string;

  @ManyToOne(() => WorkPointEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'point_id' })
  point?: Relation<WorkPointEntity>;

  /** The reporting department (the actor's department at the time). */
  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<DepartmentEntity>;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity>;

  @Column({ type: 'varchar' })
  kind!: ProgressReportKind;

  @Column({ type: 'text' })
  text!: string;

  /** Self-assessed completion, 0–100. */
  @Column({ type: 'smallint', nullable: true })
  percent!: number | null;

  @Column({ name: 'request_id', type: 'varchar' })
  requestId!: string;

  /** For a contribution: the lead department's report it was attached to, once there is one. */
  @Column({ name: 'attached_to_id', type: 'uuid', nullable: true })
  attachedToId!: string | null;

  @ManyToOne(() => ProgressReportEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'attached_to_id' })
  attachedTo?: ProgressReportEntity | null;

  /** Workflow time of the transition, set by the recording activity (not the insert time). */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
