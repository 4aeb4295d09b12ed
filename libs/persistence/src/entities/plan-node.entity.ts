import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { PlanEntity } from './plan.entity';
import { WorkPointEntity } from './work-point.entity';
import type { PlanNodeKind } from '@workpoints/contracts';

// Also in the API's answers, so defined in the contracts.
export type { PlanNodeKind };

/** A heading of the plan's tree; the numbered work points hang under these. */
@Entity('plan_nodes')
@Index('ix_plan_nodes_plan', ['planId', 'position'])
@Index('ix_plan_nodes_parent', ['parentId'])
@Check('ck_plan_nodes_kind', `"kind" IN ('chapter', 'section')`)
export class PlanNodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => PlanEntity, (plan) => plan.nodes, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<PlanEntity>;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => PlanNodeEntity, (node) => node.children, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: PlanNodeEntity | null;

  @OneToMany(() => PlanNodeEntity, (node) => node.parent)
  children?: PlanNodeEntity[];

  @OneToMany(() => WorkPointEntity, (point) => point.node)
  points?: WorkPointEntity[];

  @Column({ type: 'varchar' })
  kind!: PlanNodeKind;

  /** The heading's own numbering as printed, e.g. '一' or '（一）'. */
  @Column({ type: 'varchar' })
  label!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Order among siblings. */
  @Column({ type: 'int' })
  position!: number;
}
