import type { RobotChannel } from '@workpoints/contracts';
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

/** A department's group robot (企业微信 / 钉钉 / 飞书 webhook) that its notices also go to. */
@Entity('department_robots')
@Index('uq_department_robots_channel', ['departmentId', 'channel'], { unique: true })
@Check('ck_department_robots_channel', `"channel" IN ('wecom', 'dingtalk', 'feishu')`)
export class DepartmentRobotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<DepartmentEntity>;

  @Column({ type: 'varchar' })
  channel!: RobotChannel;

  @Column({ name: 'webhook_url', type: 'text' })
  webhookUrl!: string;

  /** DingTalk and Feishu signing secret (加签), if the robot has one. */
  @Column({ type: 'text', nullable: true, select: false })
  secret!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
