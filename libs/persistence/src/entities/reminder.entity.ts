import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { DepartmentEntity } from './department.entity';
import { WorkPointEntity } from './work-point.entity';

/**
 * A reminder (提醒 / 催办) owed to a department. `uq_reminders_once` is the idempotency key
 * (point, kind, due date, recipient): a reminder is never sent twice for the same reason.
 */
@Entity('reminders')
@Unique('uq_reminders_once', ['pointId', 'kind', 'dueDate', 'departmentId'])
export class ReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'point_id', type: 'uuid' })
  pointId!: string;

  @ManyToOne(() => WorkPointEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'point_id' })
  point?: Relation<WorkPointEntity>;

  /** Why the reminder is owed, e.g. 'overdue'. */
  @Column({ type: 'varchar' })
  kind!: string;

  /** The deadline the reminder is about, `YYYY-MM-DD`. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  /** The recipient department. */
  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<DepartmentEntity>;

  /** Workflow time, set by the recording activity. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
