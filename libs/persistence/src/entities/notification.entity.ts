import type {
  Channel,
  DeliveryStatus,
  NotificationContext,
  NotificationKind,
} from '@workpoints/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
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
 * One notification to one recipient on one channel: the outbox. The point's recording
 * activity writes these rows in the transaction of the transition that causes them; the
 * dispatcher moves due rows into their channel's BullMQ queue (job id = row id) and the
 * channel's processor delivers them. `uq_notifications_once` is the promise that each
 * (point, kind, occasion, recipient, channel) is sent at most once.
 */
@Entity('notifications')
@Unique('uq_notifications_once', ['pointId', 'kind', 'occasion', 'recipientKey', 'channel'])
@Index('uq_notifications_plan_once', ['kind', 'occasion', 'recipientKey', 'channel'], {
  unique: true,
  where: '"point_id" IS NULL',
})
@Index('ix_notifications_due', ['status', 'notBefore'])
@Index('ix_notifications_point', ['pointId', 'createdAt'])
@Index('ix_notifications_user', ['userId', 'createdAt'])
@Check('ck_notifications_status', `"status" IN ('pending', 'queued', 'sent', 'dead')`)
@Check('ck_notifications_channel', `"channel" IN ('inbox', 'email', 'wecom', 'dingtalk', 'feishu')`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** null for a notice about the whole plan (the monthly bulletin); its occasion names the plan. */
  @Column({ name: 'point_id', type: 'uuid', nullable: true })
  pointId!: string | null;

  @ManyToOne(() => WorkPointEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'point_id' })
  point?: Relation<WorkPointEntity> | null;

  @Column({ type: 'varchar' })
  kind!: NotificationKind;

  /**
   * What makes it this notification and not another of the same kind: the due day and the day
   * sent for a notice (`2024-05-24@2024-05-22`), the request id for an event.
   */
  @Column({ type: 'varchar' })
  occasion!: string;

  /** `user:<id>` or `department:<id>` (a department's robot). */
  @Column({ name: 'recipient_key', type: 'varchar' })
  recipientKey!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity> | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<DepartmentEntity> | null;

  @Column({ type: 'varchar' })
  channel!: Channel;

  /** What the message says: the facts the channel's template renders. */
  @Column({ type: 'jsonb' })
  context!: NotificationContext;

  /** Marked urgent by the coordinator: not held by quiet hours or digests. */
  @Column({ type: 'boolean', default: false })
  urgent!: boolean;

  /** Held for the recipient's daily digest (email). */
  @Column({ type: 'boolean', default: false })
  digest!: boolean;

  /** Not handed to its queue before this instant (quiet hours, non-working days, digest time). */
  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore!: Date;

  @Column({ type: 'varchar', default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** Workflow time of the transition that caused it. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'queued_at', type: 'timestamptz', nullable: true })
  queuedAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
