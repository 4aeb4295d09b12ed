import {
  Column,
  Index,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { DepartmentEntity } from './department.entity';
import { UserEntity } from './user.entity';
import { WorkPointEntity } from './work-point.entity';

/**
 * A notice (提醒 / 催办 / 督办: a planned chase event of a point) owed to a department or a
 * person, one row per recipient, written by the recording activity in the same transaction as
 * the transition that sends it; its deliveries to people and robots are notifications
 * (`NotificationEntity`). `uq_notices_once` is the idempotency key (point, kind, due date, day
 * sent, recipient): a notice is never written twice for the same reason.
 */
@Entity('notices')
@Unique('uq_notices_once', ['pointId', 'kind', 'dueDate', 'noticeDate', 'recipientKey'])
@Index('ix_notices_point_notice_date', ['pointId', 'noticeDate'])
export class NoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'point_id', type: 'uuid' })
  pointId!: string;

  @ManyToOne(() => WorkPointEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'point_id' })
  point?: Relation<WorkPointEntity>;

  /** Why the notice is owed: a `NoticeKind` (ack-reminder, report-missed, overdue, …). */
  @Column({ type: 'varchar' })
  kind!: string;

  /** The due day the notice is about (acknowledgement, report or deadline), `YYYY-MM-DD`. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  /** The working day it is sent, Asia/Shanghai. */
  @Column({ name: 'notice_date', type: 'date' })
  noticeDate!: string;

  /** The recipient's role on the point: lead, lead-head, co, supervisor, coordinator. */
  @Column({ type: 'varchar', default: 'lead' })
  recipient!: string;

  /** `role:department or user id` (`coordinator` alone): the recipient in the unique key. */
  @Column({ name: 'recipient_key', type: 'varchar' })
  recipientKey!: string;

  /** The recipient department (lead, lead-head, co), or null for a person. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<DepartmentEntity> | null;

  /** The recipient person (the point's supervisor), or null. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity> | null;

  /** Workflow time, set by the recording activity. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
