import type { SignInMethod } from '@workpoints/contracts';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A signed-in session: one sign-in on one device, and the family of its rotating refresh
 * tokens. Access tokens name it (`sid`), so ending it here ends them at once. Its timeouts
 * (idle, absolute) come from the security settings when it is checked.
 */
@Entity('sessions')
@Index('ix_sessions_user', ['userId', 'revokedAt'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'varchar' })
  method!: SignInMethod;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Last refresh or request (recorded at most once a minute). */
  @Column({ name: 'last_used_at', type: 'timestamptz' })
  lastUsedAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** Why it ended: signed-out, sign-out-everywhere, deactivated, password-reset, reuse, idle, … */
  @Column({ name: 'revoked_reason', type: 'varchar', nullable: true })
  revokedReason!: string | null;

  @Column({ type: 'varchar', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;
}
