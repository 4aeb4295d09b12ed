import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { DepartmentEntity } from './department.entity';
import { UserEntity } from './user.entity';
import { WorkPointEntity } from './work-point.entity';

/**
 * A file (附件) a department uploaded for a point: evidence for a progress report (进展报送) or
 * a completion (办结材料 / 佐证). It is uploaded first, then sent with a report, which sets
 * `requestId` to the report's request id; the report's row in `progress_reports` has the same
 * (point_id, request_id). Until then, or while the report it was sent with was never recorded
 * (refused by the workflow), it may go with another report.
 */
@Entity('attachments')
@Index('ix_attachments_point_request', ['pointId', 'requestId'])
@Check('ck_attachments_size', `"size" > 0`)
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'point_id', type: 'uuid' })
  pointId!: string;

  @ManyToOne(() => WorkPointEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'point_id' })
  point?: Relation<WorkPointEntity>;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedById!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by' })
  uploadedBy?: Relation<UserEntity>;

  /** The uploader's department at the time; null for an account outside the organisation tree. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<DepartmentEntity> | null;

  /** The name the file had on the uploader's computer (UTF-8; Chinese names as they were). */
  @Column({ type: 'varchar' })
  filename!: string;

  @Column({ name: 'content_type', type: 'varchar' })
  contentType!: string;

  /** Bytes. */
  @Column({ type: 'int' })
  size!: number;

  /** Hex SHA-256 of the content. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** Never loaded unless asked for (`addSelect('a.content')`): lists must not carry the files. */
  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  /** The request id of the report or completion it was sent with; null until then. */
  @Column({ name: 'request_id', type: 'varchar', nullable: true })
  requestId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
