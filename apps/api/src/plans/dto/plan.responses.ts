import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type {
  AppliedSuggestionsView,
  DepartmentSuggestion,
  DepartmentSuggestions,
  PendingExtension,
  PlanHeadingView,
  PlanNodeKind,
  PlanNodeView,
  PlanPointView,
  PlanStatus,
  PlanSummaryView,
  PlanView,
  PointPolicy,
  PointStatus,
  PublishResult,
  RiskColour,
  ScoreRules,
  Target,
} from '@workpoints/contracts';
import {
  ApiCalendarDate,
  ApiDateTime,
  ApiId,
  ApiNullableString,
} from '../../common/openapi-properties';
import {
  PendingExtensionResponse,
  POINT_STATUS_ENUM,
  PointPolicyResponse,
  PolicyFieldsResponse,
  RISK_COLOUR_ENUM,
  ScoreRuleFieldsResponse,
  TargetResponse,
} from '../../common/shared.responses';

const PLAN_STATUS = {
  enum: ['draft', 'published'] satisfies PlanStatus[],
  enumName: 'PlanStatus',
} as const;
const PLAN_NODE_KIND = {
  enum: ['chapter', 'section'] satisfies PlanNodeKind[],
  enumName: 'PlanNodeKind',
  description: 'chapter：一、；section：（一）',
} as const;

@ApiSchema({ name: 'PlanSummary', description: '计划列表中的一项' })
export class PlanSummaryResponse implements PlanSummaryView {
  @ApiId()
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ example: 2026 })
  year!: number;

  @ApiProperty(PLAN_STATUS)
  status!: PlanStatus;

  @ApiId()
  createdById!: string;

  @ApiDateTime({ nullable: true })
  publishedAt!: string | null;

  @ApiProperty({
    type: () => PolicyFieldsResponse,
    nullable: true,
    description: '计划自己的督办规则字段',
  })
  policy!: Partial<PointPolicy> | null;

  @ApiProperty({
    type: () => ScoreRuleFieldsResponse,
    nullable: true,
    description: '计划自己的计分规则字段',
  })
  scoreRules!: Partial<ScoreRules> | null;

  @ApiProperty({ type: () => [TargetResponse], description: '全年总体目标（导入时从前言识别）' })
  targets!: Target[];

  @ApiProperty({ type: [String] })
  warnings!: string[];

  @ApiDateTime()
  createdAt!: string;

  @ApiDateTime()
  updatedAt!: string;
}

@ApiSchema({ name: 'PlanNode', description: '计划的章或节，及其下的章节和要点' })
export class PlanNodeResponse implements PlanNodeView {
  @ApiId()
  id!: string;

  @ApiProperty(PLAN_NODE_KIND)
  kind!: PlanNodeKind;

  @ApiProperty({ example: '一' })
  label!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: () => [PlanNodeResponse] })
  children!: PlanNodeView[];

  @ApiProperty({ type: [String] })
  pointIds!: string[];
}

@ApiSchema({ name: 'PlanHeading', description: '章或节（不含其下内容）' })
export class PlanHeadingResponse implements PlanHeadingView {
  @ApiId()
  id!: string;

  @ApiId()
  planId!: string;

  @ApiId({ nullable: true })
  parentId!: string | null;

  @ApiProperty(PLAN_NODE_KIND)
  kind!: PlanNodeKind;

  @ApiProperty()
  label!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  position!: number;
}

@ApiSchema({ name: 'DepartmentSuggestion' })
export class DepartmentSuggestionResponse implements DepartmentSuggestion {
  @ApiId()
  departmentId!: string;

  @ApiProperty()
  departmentName!: string;

  @ApiProperty({ example: '关键词“商标”' })
  reason!: string;
}

@ApiSchema({ name: 'DepartmentSuggestions', description: '导入时建议的牵头和配合单位' })
export class DepartmentSuggestionsResponse implements DepartmentSuggestions {
  @ApiProperty({ type: () => DepartmentSuggestionResponse, nullable: true })
  lead!: DepartmentSuggestion | null;

  @ApiProperty({ type: () => [DepartmentSuggestionResponse] })
  co!: DepartmentSuggestion[];
}

@ApiSchema({ name: 'PlanPoint', description: '计划中的要点（草稿可编辑；发布后随工作流变化）' })
export class PlanPointResponse implements PlanPointView {
  @ApiId()
  id!: string;

  @ApiId()
  planId!: string;

  @ApiId({ nullable: true, description: '所属章或节' })
  nodeId!: string | null;

  @ApiProperty()
  number!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  text!: string;

  @ApiId({ nullable: true })
  leadDepartmentId!: string | null;

  @ApiProperty({ type: [String] })
  coDepartmentIds!: string[];

  @ApiCalendarDate({ nullable: true })
  deadline!: string | null;

  @ApiId({ nullable: true })
  supervisorId!: string | null;

  @ApiProperty(POINT_STATUS_ENUM)
  status!: PointStatus;

  @ApiProperty(RISK_COLOUR_ENUM)
  risk!: RiskColour;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty()
  suspended!: boolean;

  @ApiProperty({ type: () => PolicyFieldsResponse, nullable: true })
  policy!: Partial<PointPolicy> | null;

  @ApiProperty({ type: () => PendingExtensionResponse, nullable: true })
  pendingExtension!: PendingExtension | null;

  @ApiNullableString()
  workflowId!: string | null;

  @ApiProperty()
  version!: number;

  @ApiNullableString({ description: '文中的序号写法' })
  label!: string | null;

  @ApiProperty({ type: [String], description: '一是…二是…' })
  subItems!: string[];

  @ApiProperty({ type: () => [TargetResponse] })
  targets!: Target[];

  @ApiNullableString({ description: '时限原文（如 6月底前）' })
  deadlineText!: string | null;

  @ApiProperty({ type: [String] })
  mentionedUnits!: string[];

  @ApiProperty({ type: () => DepartmentSuggestionsResponse, nullable: true })
  suggestions!: DepartmentSuggestions | null;

  @ApiProperty()
  position!: number;

  @ApiDateTime()
  createdAt!: string;

  @ApiDateTime()
  updatedAt!: string;
}

@ApiSchema({ name: 'Plan', description: '计划详情：章节树与要点' })
export class PlanResponse implements PlanView {
  @ApiId()
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  year!: number;

  @ApiProperty(PLAN_STATUS)
  status!: PlanStatus;

  @ApiDateTime({ nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ type: () => PointPolicyResponse, description: '要点未另设时适用的督办规则' })
  policy!: PointPolicy;

  @ApiProperty({ type: () => PolicyFieldsResponse, nullable: true })
  ownPolicy!: Partial<PointPolicy> | null;

  @ApiProperty({ type: () => [TargetResponse] })
  targets!: Target[];

  @ApiProperty({ type: [String] })
  warnings!: string[];

  @ApiProperty({ type: () => [PlanNodeResponse] })
  nodes!: PlanNodeView[];

  @ApiProperty({ type: () => [PlanPointResponse] })
  points!: PlanPointView[];
}

@ApiSchema({ name: 'AppliedSuggestions' })
export class AppliedSuggestionsResponse implements AppliedSuggestionsView {
  @ApiProperty({ description: '采纳了建议的要点数' })
  applied!: number;
}

@ApiSchema({ name: 'PublishResult' })
export class PublishResultResponse implements PublishResult {
  @ApiId()
  planId!: string;

  @ApiProperty({ description: '要点数' })
  points!: number;

  @ApiProperty({ description: '本次启动的工作流数' })
  started!: number;

  @ApiProperty({ description: '已在运行的工作流数' })
  alreadyRunning!: number;
}
