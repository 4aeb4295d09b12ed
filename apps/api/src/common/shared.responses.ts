import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  POINT_STATUSES,
  RISK_COLOURS,
  ROLES,
  type Actor,
  type Comparator,
  type PendingExtension,
  type PointChanges,
  type PointParties,
  type PointPolicy,
  type PointRef,
  type Role,
  type ScoreRules,
  type Target,
} from '@workpoints/contracts';
import { ApiCalendarDate, ApiDateTime, ApiId } from './openapi-properties';

// Shapes several answers share, for the OpenAPI document. Each class implements its contracts
// type, so a field the type gains or changes fails to compile until it is described here too.

/** Enum schemas named once, so every answer refers to the same list. */
export const ROLE_ENUM = { enum: ROLES, enumName: 'Role' } as const;
export const POINT_STATUS_ENUM = { enum: POINT_STATUSES, enumName: 'PointStatus' } as const;
export const RISK_COLOUR_ENUM = { enum: RISK_COLOURS, enumName: 'RiskColour' } as const;
const CADENCES = [
  'monthly',
  'quarterly',
  'once',
  'none',
] as const satisfies readonly PointPolicy['reportCadence'][];
const NON_WORKDAY_RULES = [
  'previous',
  'next',
] as const satisfies readonly PointPolicy['nonWorkdayRule'][];
const COMPARATORS = [
  '>=',
  '>',
  '=',
  '<=',
  '<',
  '~',
  'range',
] as const satisfies readonly Comparator[];

@ApiSchema({ name: 'Actor', description: '当前用户：编号、姓名、单位与角色' })
export class ActorResponse implements Actor {
  @ApiId()
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiId({ nullable: true })
  departmentId!: string | null;

  @ApiProperty({ ...ROLE_ENUM, isArray: true })
  roles!: Role[];
}

@ApiSchema({
  name: 'PointPolicy',
  description: '督办规则：签收、报送周期、提醒与逾期提请（工作日）',
})
export class PointPolicyResponse implements PointPolicy {
  @ApiProperty({ description: '发布后几个工作日内签收' })
  acknowledgeWithinWorkdays!: number;

  @ApiProperty({ description: '提醒时刻 HH:MM（北京时间）', example: '09:00' })
  reminderTime!: string;

  @ApiProperty({ enum: CADENCES, enumName: 'ReportCadence' })
  reportCadence!: PointPolicy['reportCadence'];

  @ApiProperty({ description: '每月（季度末月）几日前报送' })
  reportDay!: number;

  @ApiCalendarDate({ nullable: true, description: '只报送一次时的日期' })
  reportOnceDate!: string | null;

  @ApiProperty({ description: '报送日前几个工作日提醒' })
  reportReminderWorkdaysBefore!: number;

  @ApiProperty({ type: [Number], description: '到期前几个工作日提醒' })
  deadlineReminderWorkdaysBefore!: number[];

  @ApiProperty({ description: '逾期后几个工作日提请分管领导' })
  escalateToSupervisorAfterWorkdays!: number;

  @ApiProperty({ description: '此后每几个工作日提请督办员' })
  escalateToCoordinatorEveryWorkdays!: number;

  @ApiProperty({ enum: NON_WORKDAY_RULES, enumName: 'NonWorkdayRule' })
  nonWorkdayRule!: PointPolicy['nonWorkdayRule'];

  @ApiProperty({ description: '到期前几个工作日起亮黄灯' })
  yellowWithinWorkdays!: number;
}

@ApiSchema({
  name: 'PointPolicyFields',
  description: '计划或要点自己设置的督办规则字段（其余沿用上一层）',
})
export class PolicyFieldsResponse implements Partial<PointPolicy> {
  @ApiPropertyOptional()
  acknowledgeWithinWorkdays?: number;

  @ApiPropertyOptional({ example: '09:00' })
  reminderTime?: string;

  @ApiPropertyOptional({ enum: CADENCES, enumName: 'ReportCadence' })
  reportCadence?: PointPolicy['reportCadence'];

  @ApiPropertyOptional()
  reportDay?: number;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  reportOnceDate?: string | null;

  @ApiPropertyOptional()
  reportReminderWorkdaysBefore?: number;

  @ApiPropertyOptional({ type: [Number] })
  deadlineReminderWorkdaysBefore?: number[];

  @ApiPropertyOptional()
  escalateToSupervisorAfterWorkdays?: number;

  @ApiPropertyOptional()
  escalateToCoordinatorEveryWorkdays?: number;

  @ApiPropertyOptional({ enum: NON_WORKDAY_RULES, enumName: 'NonWorkdayRule' })
  nonWorkdayRule?: PointPolicy['nonWorkdayRule'];

  @ApiPropertyOptional()
  yellowWithinWorkdays?: number;
}

@ApiSchema({ name: 'PendingExtension', description: '待分管领导审批的延期申请' })
export class PendingExtensionResponse implements PendingExtension {
  @ApiProperty()
  requestId!: string;

  @ApiId()
  requestedBy!: string;

  @ApiProperty()
  requestedByName!: string;

  @ApiCalendarDate({ description: '申请延至' })
  deadline!: string;

  @ApiProperty()
  reason!: string;

  @ApiDateTime()
  at!: string;
}

@ApiSchema({ name: 'PointParties', description: '牵头单位、配合单位与分管领导' })
export class PointPartiesResponse implements PointParties {
  @ApiId()
  leadDepartmentId!: string;

  @ApiProperty({ type: [String] })
  coDepartmentIds!: string[];

  @ApiId()
  supervisorId!: string;
}

@ApiSchema({ name: 'ExtensionChange' })
export class ExtensionChangeResponse {
  @ApiProperty({ enum: ['requested', 'approved', 'rejected'] })
  decision!: 'requested' | 'approved' | 'rejected';

  @ApiCalendarDate()
  deadline!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
}

@ApiSchema({ name: 'PointChanges', description: '一次操作在状态之外的改动' })
export class PointChangesResponse implements PointChanges {
  @ApiPropertyOptional({ type: String, format: 'date' })
  deadline?: string;

  @ApiPropertyOptional({ type: () => PointPartiesResponse })
  parties?: PointParties;

  @ApiPropertyOptional({ type: () => PointPolicyResponse })
  policy?: PointPolicy;

  @ApiPropertyOptional()
  suspended?: boolean;

  @ApiPropertyOptional({ type: () => ExtensionChangeResponse })
  extension?: ExtensionChangeResponse;

  @ApiPropertyOptional({ type: () => PendingExtensionResponse, nullable: true })
  pendingExtension?: PendingExtension | null;
}

@ApiSchema({ name: 'Target', description: '量化目标（目标 / 指标）' })
export class TargetResponse implements Target {
  @ApiProperty({ example: '增长20%以上' })
  text!: string;

  @ApiProperty()
  value!: number;

  @ApiPropertyOptional({ description: '区间目标的上限' })
  valueMax?: number;

  @ApiProperty({ example: '%' })
  unit!: string;

  @ApiProperty({ enum: COMPARATORS, enumName: 'Comparator' })
  comparator!: Comparator;

  @ApiPropertyOptional({ description: '力争目标' })
  aspirational?: boolean;
}

@ApiSchema({ name: 'PointRef', description: '所涉要点' })
export class PointRefResponse implements PointRef {
  @ApiId()
  id!: string;

  @ApiId()
  planId!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty()
  title!: string;
}

@ApiSchema({ name: 'ScoreRules', description: '月度排名计分规则' })
export class ScoreRulesResponse implements ScoreRules {
  @ApiProperty()
  base!: number;

  @ApiProperty()
  onTimeReport!: number;

  @ApiProperty()
  missedReport!: number;

  @ApiProperty()
  onTimeCompletion!: number;

  @ApiProperty()
  lateCompletion!: number;

  @ApiProperty()
  overdueWorkday!: number;

  @ApiProperty()
  overdueWorkdayCap!: number;

  @ApiProperty()
  return!: number;
}

@ApiSchema({ name: 'ScoreRuleFields', description: '计划自己设置的计分规则字段' })
export class ScoreRuleFieldsResponse implements Partial<ScoreRules> {
  @ApiPropertyOptional()
  base?: number;

  @ApiPropertyOptional()
  onTimeReport?: number;

  @ApiPropertyOptional()
  missedReport?: number;

  @ApiPropertyOptional()
  onTimeCompletion?: number;

  @ApiPropertyOptional()
  lateCompletion?: number;

  @ApiPropertyOptional()
  overdueWorkday?: number;

  @ApiPropertyOptional()
  overdueWorkdayCap?: number;

  @ApiPropertyOptional()
  return?: number;
}
