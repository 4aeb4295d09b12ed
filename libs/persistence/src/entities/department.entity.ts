import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { DepartmentKind } from '@workpoints/contracts';

// Also in the API's answers, so defined in the contracts.
export type { DepartmentKind };

/** One unit of the organisation. Departments form a tree through `parent`. */
@Entity('departments')
@Index('uq_departments_code', ['code'], { unique: true })
@Index('ix_departments_parent', ['parentId'])
@Check('ck_departments_kind', `"kind" IN ('bureau', 'division')`)
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Short stable code used in usernames and imports, e.g. `bgs` for 办公室. */
  @Column({ type: 'varchar' })
  code!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'varchar' })
  kind!: DepartmentKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => DepartmentEntity, (department) => department.children, {
    nullable: true,
    onDelete: 'RESTRICT',
  })
  @JoinColumn({ name: 'parent_id' })
  parent?: DepartmentEntity | null;

  @OneToMany(() => DepartmentEntity, (department) => department.parent)
  children?: DepartmentEntity[];

  /** Order among siblings, as the office lists its departments. */
  @Column({ type: 'int', default: 0 })
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
