import type { NotificationKind } from '@workpoints/contracts';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { NotificationEntity } from './notification.entity';
import { UserEntity } from './user.entity';
import { WorkPointEntity } from './work-point.entity';

/**
 * A message in a user's in-app inbox (站内消息), written by the inbox channel's processor. One
 * per notification (`uq_inbox_items_notification`), so a delivery retried after a crash adds
 * nothing.
 */
@Entity('inbox_items')
@Index('uq_inbox_items_notification', ['notificationId'], { unique: true })
@Index('ix_inbox_items_user_unread', ['userId', 'readAt', 'createdAt'])
export class InboxItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId!: string;

  @ManyToOne(() => NotificationEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Relation<NotificationEntity>;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** null for a notice about the whole plan (the monthly bulletin). */
  @Column({ name: 'point_id', type: 'uuid', nullable: true })
  pointId!: string | null;

  @ManyToOne(() => WorkPointEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'point_id' })
  point?: Relation<WorkPointEntity> | null;

  @Column({ type: 'varchar' })
  kind!: NotificationKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  text!: string;

  /** Link to the point in the web app. */
  @Column({ type: 'text' })
  link!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
