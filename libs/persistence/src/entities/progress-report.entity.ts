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

export type ProgressReportKind = 'progress' | 'completion';

/** A progress report (进展情况) or completion submission, written when the workflow accepts it. */
@Entity('progress_reports')
@Index('uq_progress_reports_point_request', ['pointId', 'requestId'], { unique: true })
@Index('ix_progress_reports_point_created', ['pointId', 'createdAt'])
@Check('ck_progress_reports_kind', `"kind" IN ('progress', 'completion')`)
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

  /** Workflow time of the transition, set by the recording activity (not the insert time). */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
