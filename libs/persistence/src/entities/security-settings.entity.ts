import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The admins' security settings (安全设置): one row (id 1), absent until first changed — the
 * defaults (`DEFAULT_SECURITY_SETTINGS` in libs/domain) apply until then.
 */
@Entity('security_settings')
@Check('ck_security_settings_single', '"id" = 1')
export class SecuritySettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id!: number;

  @Column({ name: 'idle_timeout_minutes', type: 'integer' })
  idleTimeoutMinutes!: number;

  @Column({ name: 'absolute_timeout_hours', type: 'integer' })
  absoluteTimeoutHours!: number;

  @Column({ name: 'lockout_threshold', type: 'integer' })
  lockoutThreshold!: number;

  @Column({ name: 'lockout_minutes', type: 'integer' })
  lockoutMinutes!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById!: string | null;

  @Column({ name: 'updated_by_name', type: 'varchar', nullable: true })
  updatedByName!: string | null;
}
