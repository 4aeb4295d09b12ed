import type { SecurityEventKind } from '@workpoints/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One security event: a sign-in, a refusal, an account, role, department or rule change — who,
 * when, from where. Append-only; no foreign keys, so the record outlives what it names.
 */
@Entity('security_events')
@Index('ix_security_events_at', ['at'])
@Index('ix_security_events_kind_at', ['kind', 'at'])
@Index('ix_security_events_actor_at', ['actorId', 'at'])
@Index('ix_security_events_subject_at', ['subjectUserId', 'at'])
export class SecurityEventEntity {
  /** bigint identity; pg returns int8 as a string, which keeps every value exact. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'varchar' })
  kind!: SecurityEventKind;

  /** Who acted; null when nobody signed in (a failed sign-in, a request without a token). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The actor's display name at the time. */
  @Column({ name: 'actor_name', type: 'varchar', nullable: true })
  actorName!: string | null;

  /** The user name given at a sign-in, known or not. */
  @Column({ type: 'varchar', nullable: true })
  username!: string | null;

  /** The account acted on (created, changed, reset, locked), if any. */
  @Column({ name: 'subject_user_id', type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  /** The client's address as the API sees it (behind a proxy: as the proxy reports it). */
  @Column({ type: 'varchar', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'varchar', nullable: true })
  method!: string | null;

  /** The route's path without its query string (a query may carry a ticket). */
  @Column({ type: 'text', nullable: true })
  path!: string | null;

  /** The HTTP status of a refusal. */
  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  /** The error code of a refusal (`NOT_IN_REMIT`, `OUT_OF_TURN`, …). */
  @Column({ type: 'varchar', nullable: true })
  code!: string | null;

  /** The rule that refused, or what happened, in words a person can act on. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** What changed (before / after of an account), never a password or a token. */
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
