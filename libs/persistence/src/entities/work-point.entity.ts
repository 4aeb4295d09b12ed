import type { PendingExtension, PointPolicy, PointStatus, RiskColour } from '@workpoints/contracts';
import type { DepartmentSuggestions } from '@workpoints/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { DepartmentEntity } from './department.entity';
import { PlanNodeEntity } from './plan-node.entity';
import { PlanEntity } from './plan.entity';
import { UserEntity } from './user.entity';

/**
 * The read model of one numbered work point (要点). Before publication the coordinator edits
 * it directly; after, only the point's workflow changes its lifecycle columns (status, risk,
 * overdue, version) through the recording activity.
 */
@Entity('work_points')
@Unique('uq_work_points_plan_number', ['planId', 'number'])
@Index('ix_work_points_plan_status', ['planId', 'status'])
@Index('ix_work_points_lead_department', ['leadDepartmentId'])
@Index('ix_work_points_supervisor', ['supervisorId'])
@Index('ix_work_points_node', ['nodeId'])
@Check('ck_work_points_risk', `"risk" IN ('green', 'yellow', 'red')`)
export class WorkPointEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => PlanEntity, (plan) => plan.points, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<PlanEntity>;

  /** The chapter or section the point sits under; null for a plan without headings. */
  @Column({ name: 'node_id', type: 'uuid', nullable: true })
  nodeId!: string | null;

  @ManyToOne(() => PlanNodeEntity, (node) => node.points, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'node_id' })
  node?: PlanNodeEntity | null;

  /** The point's number in the plan, as printed (1, 2, 3 … across the whole plan). */
  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  text!: string;

  @Column({ name: 'lead_department_id', type: 'uuid', nullable: true })
  leadDepartmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_department_id' })
  leadDepartment?: DepartmentEntity | null;

  @ManyToMany(() => DepartmentEntity)
  @JoinTable({
    name: 'work_point_co_departments',
    joinColumn: { name: 'point_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'department_id', referencedColumnName: 'id' },
  })
  coDepartments?: DepartmentEntity[];

  /** Calendar date in Asia/Shanghai, `YYYY-MM-DD`; due at the end of that working day. */
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  /**
   * The deadline the workflow chases by: `deadline` moved to a working day by the policy's
   * rule, written by the recording activity (the assigned date until the workflow sends it).
   * "Deadline passed" is judged on it by the API as by the workflow.
   */
  @Column({ name: 'effective_deadline', type: 'date', nullable: true })
  effectiveDeadline!: string | null;

  /**
   * Who submitted the completion waiting for sign-off; cleared by a return. That person may
   * not approve it (separation of duties), which the API checks before the workflow does.
   */
  @Column({ name: 'submitted_by_id', type: 'uuid', nullable: true })
  submittedById!: string | null;

  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true })
  supervisorId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id' })
  supervisor?: UserEntity | null;

  @Column({ type: 'varchar', default: 'draft' })
  status!: PointStatus;

  @Column({ type: 'varchar', default: 'green' })
  risk!: RiskColour;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  /** Suspended (暂停) by the coordinator: the workflow sends nothing until resumed. */
  @Column({ type: 'boolean', default: false })
  suspended!: boolean;

  /**
   * The point's own policy fields over the plan's (a draft), or the whole policy the workflow
   * runs by (once published; kept current when the coordinator changes it).
   */
  @Column({ type: 'jsonb', nullable: true })
  policy!: Partial<PointPolicy> | null;

  /** The extension (延期) waiting for the supervisor, as the workflow holds it. */
  @Column({ name: 'pending_extension', type: 'jsonb', nullable: true })
  pendingExtension!: PendingExtension | null;

  /** `plan-{planId}-point-{no}` once published; null while the plan is a draft. */
  @Column({ name: 'workflow_id', type: 'varchar', nullable: true })
  @Index('uq_work_points_workflow_id', { unique: true })
  workflowId!: string | null;

  /**
   * The highest transition version recorded. The recording activity updates the row only
   * when the incoming version is higher, so a late or retried activity cannot roll it back.
   */
  @Column({ type: 'int', default: 0 })
  version!: number;

  /** The number as the document wrote it ("17.", "一是", "（2）"), for imported points. */
  @Column({ type: 'varchar', nullable: true })
  label!: string | null;

  /** 一是…二是… items inside the point. */
  @Column({ name: 'sub_items', type: 'jsonb', default: () => "'[]'" })
  subItems!: string[];

  /** Quantitative targets (目标 / 指标): `Target` of @workpoints/plan-parser. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  targets!: Record<string, unknown>[];

  /** The deadline as the document phrased it (6月底前, 上半年); `deadline` is its resolved date. */
  @Column({ name: 'deadline_text', type: 'varchar', nullable: true })
  deadlineText!: string | null;

  /** Units the text names (会同省农业厅 → 省农业厅). */
  @Column({ name: 'mentioned_units', type: 'jsonb', default: () => "'[]'" })
  mentionedUnits!: string[];

  /** Suggested lead and co-departments from the import, each with its reason. */
  @Column({ type: 'jsonb', nullable: true })
  suggestions!: DepartmentSuggestions | null;

  /** Order under its node, as printed. */
  @Column({ type: 'int' })
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
