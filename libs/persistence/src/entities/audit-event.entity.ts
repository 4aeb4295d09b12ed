import type { AuditEventName, PlanEvent, PointStatus } from '@workpoints/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// The event names are part of the answers (a point's timeline), so they live in the contracts.
export type { AuditEventName, PlanEvent };

/**
 * The append-only audit trail: who, when, what, before, after. It has no foreign keys on
 * purpose, so history survives the deletion of what it describes (e.g. a discarded draft plan).
 * The partial unique index on (point_id, request_id) is what makes a retried recording
 * activity a no-op: insert with `ON CONFLICT DO NOTHING` and stop if nothing was inserted.
 */
@Entity('audit_events')
@Index('uq_audit_events_point_request', ['pointId', 'requestId'], {
  unique: true,
  where: '"request_id" IS NOT NULL AND "point_id" IS NOT NULL',
})
@Index('ix_audit_events_point_at', ['pointId', 'at'])
@Index('ix_audit_events_plan_at', ['planId', 'at'])
export class AuditEventEntity {
  /** bigint identity; pg returns int8 as a string, which keeps every value exact. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ name: 'point_id', type: 'uuid', nullable: true })
  pointId!: string | null;

  /** null means the system (the workflow acting by itself, e.g. overdue). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The actor's display name at the time, so the trail reads right after renames. */
  @Column({ name: 'actor_name', type: 'varchar', nullable: true })
  actorName!: string | null;

  @Column({ type: 'varchar' })
  event!: AuditEventName;

  @Column({ name: 'from_status', type: 'varchar', nullable: true })
  fromStatus!: PointStatus | null;

  @Column({ name: 'to_status', type: 'varchar', nullable: true })
  toStatus!: PointStatus | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'request_id', type: 'varchar', nullable: true })
  requestId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
