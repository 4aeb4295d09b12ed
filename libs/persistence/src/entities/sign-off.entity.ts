import type { SignOffDecision, SignOffLevel } from '@workpoints/contracts';
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
import { UserEntity } from './user.entity';
import { WorkPointEntity } from './work-point.entity';

// Also in the API's answers, so defined in the contracts.
export type { SignOffDecision };

/** One step of the sign-off chain (审核 / 办结): approved, or returned (退回) with a comment. */
@Entity('sign_offs')
@Index('uq_sign_offs_point_request', ['pointId', 'requestId'], { unique: true })
@Index('ix_sign_offs_point_created', ['pointId', 'createdAt'])
@Check('ck_sign_offs_level', `"level" IN ('head', 'supervisor')`)
@Check('ck_sign_offs_decision', `"decision" IN ('approved', 'returned')`)
export class SignOffEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'point_id', type: 'uuid' })
  pointId!: string;

  @ManyToOne(() => WorkPointEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'point_id' })
  point?: Relation<WorkPointEntity>;

  @Column({ type: 'varchar' })
  level!: SignOffLevel;

  @Column({ type: 'varchar' })
  decision!: SignOffDecision;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'request_id', type: 'varchar' })
  requestId!: string;

  /** Workflow time of the transition, set by the recording activity. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
