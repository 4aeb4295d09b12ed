import type { NotificationPreferences, Role } from '@workpoints/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DepartmentEntity } from './department.entity';

@Entity('users')
@Index('uq_users_username', ['username'], { unique: true })
@Index('ix_users_department', ['departmentId'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar' })
  displayName!: string;

  /** argon2id hash. Never loaded unless asked for with `addSelect('user.passwordHash')`. */
  @Column({ name: 'password_hash', type: 'varchar', select: false })
  passwordHash!: string;

  /** null for accounts outside the organisation tree (none today; kept for service accounts). */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: Role[];

  /** false: deactivated by an admin; every session ends and none can be opened. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /**
   * A new or reset account: the password was set by an admin, so the person must choose their
   * own before doing anything else.
   */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  /** Failed password sign-ins since the last success or lock-out. */
  @Column({ name: 'failed_sign_ins', type: 'integer', default: 0 })
  failedSignIns!: number;

  /** Lock-outs in a row since the last successful sign-in (each one lasts twice as long). */
  @Column({ type: 'integer', default: 0 })
  lockouts!: number;

  /** Locked after repeated failed sign-ins until this instant. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  /** Where email notifications go; none without it. */
  @Column({ type: 'varchar', nullable: true })
  email!: string | null;

  /** How the user wants to be told; null for the defaults. */
  @Column({ name: 'notification_preferences', type: 'jsonb', nullable: true })
  notificationPreferences!: Partial<NotificationPreferences> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
