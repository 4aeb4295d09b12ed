import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  type ValueTransformer,
} from 'typeorm';
import { ProgressReportEntity } from './progress-report.entity';
import { WorkPointEntity } from './work-point.entity';

/**
 * `numeric` keeps a reported figure exactly as typed (no binary rounding in the table); pg hands
 * it back as a string, which the read side wants as a number like every other figure.
 */
const numericAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * An actual value (实际值) of one of a point's quantitative targets, reported with a progress
 * report or a completion and written with it by the recording activity. `targetIndex` points
 * into the point's `targets` (only ever appended to after publication, so an index keeps naming
 * the same target); one value per target per report.
 */
@Entity('target_actuals')
@Index('uq_target_actuals_report_target', ['reportId', 'targetIndex'], { unique: true })
@Index('ix_target_actuals_point_target_reported', ['pointId', 'targetIndex', 'reportedAt'])
@Check('ck_target_actuals_target_index', `"target_index" >= 0`)
export class TargetActualEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'point_id', type: 'uuid' })
  pointId!: string;

  @ManyToOne(() => WorkPointEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'point_id' })
  point?: Relation<WorkPointEntity>;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => ProgressReportEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<ProgressReportEntity>;

  @Column({ name: 'target_index', type: 'int' })
  targetIndex!: number;

  @Column({ type: 'numeric', transformer: numericAsNumber })
  value!: number;

  /** Workflow time of the report (not the insert time). */
  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;
}
