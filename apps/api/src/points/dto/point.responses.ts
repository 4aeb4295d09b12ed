import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  NOTICE_KINDS,
  PLAN_EVENTS,
  POINT_ACTIONS,
  SYSTEM_EVENTS,
  type AttachmentRef,
  type AuditEventName,
  type NoticeKind,
  type NoticeRecipient,
  type NoticeView,
  type PendingExtension,
  type PointAction,
  type PointChanges,
  type PointDetail,
  type PointPage,
  type PointPolicy,
  type PointStateView,
  type PointStatus,
  type PointSummary,
  type PointTargetView,
  type ProgressReportKind,
  type ReportDue,
  type ReportView,
  type RiskColour,
  type SignOffDecision,
  type SignOffLevel,
  type SignOffView,
  type TimelineEntry,
  type TodoView,
} from '@workpoints/contracts';
import { RECIPIENT_LABELS } from '@workpoints/domain';
import { AttachmentRefResponse } from '../../attachments/attachment.responses';
import {
  ApiCalendarDate,
  ApiDateTime,
  ApiId,
  ApiNullableString,
} from '../../common/openapi-properties';
import {
  PendingExtensionResponse,
  POINT_STATUS_ENUM,
  PointChangesResponse,
  PointPolicyResponse,
  RISK_COLOUR_ENUM,
  TargetResponse,
} from '../../common/shared.responses';

const NOTICE_RECIPIENTS = Object.keys(RECIPIENT_LABELS) as NoticeRecipient[];

@ApiSchema({ name: 'PointSummary', description: '列表中的要点；statusLabel、riskLabel 为中文' })
export class PointSummaryResponse implements PointSummary {
  @ApiId()
  id!: string;

  @ApiId()
  planId!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty()
  title!: string;

  @ApiId({ nullable: true })
  leadDepartmentId!: string | null;

  @ApiProperty({ type: [String] })
  coDepartmentIds!: string[];

  @ApiCalendarDate({ nullable: true })
  deadline!: string | null;

  @ApiCalendarDate({
    nullable: true,
    description: 'The deadline moved to a working day, as the workflow chases it; null for a draft',
  })
  effectiveDeadline!: string | null;

  @ApiId({ nullable: true })
  supervisorId!: string | null;

  @ApiProperty(POINT_STATUS_ENUM)
  status!: PointStatus;

  @ApiProperty({ example: '推进中' })
  statusLabel!: string;

  @ApiProperty(RISK_COLOUR_ENUM)
  risk!: RiskColour;

  @ApiProperty({ example: '绿灯' })
  riskLabel!: string;

  @ApiProperty()
  overdue!: boolean;

  @ApiNullableString()
  workflowId!: string | null;
}

@ApiSchema({ name: 'PointPage', description: '一页要点与总数' })
export class PointPageResponse implements PointPage {
  @ApiProperty()
  total!: number;

  @ApiProperty({ type: () => [PointSummaryResponse] })
  items!: PointSummary[];
}

@ApiSchema({ name: 'TimelineActor' })
export class TimelineActorResponse {
  @ApiId()
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;
}

@ApiSchema({ name: 'TimelineEntry', description: '时间线的一条：谁、何时、做了什么、改了什么' })
export class TimelineEntryResponse implements TimelineEntry {
  @ApiProperty({
    enum: [...POINT_ACTIONS, ...SYSTEM_EVENTS, ...PLAN_EVENTS],
    enumName: 'AuditEventName',
  })
  event!: AuditEventName;

  @ApiProperty({ example: '签收' })
  label!: string;

  @ApiProperty({ type: () => TimelineActorResponse, nullable: true })
  actor!: TimelineActorResponse | null;

  @ApiProperty({ ...POINT_STATUS_ENUM, nullable: true })
  from!: PointStatus | null;

  @ApiProperty({ ...POINT_STATUS_ENUM, nullable: true })
  to!: PointStatus | null;

  @ApiNullableString()
  comment!: string | null;

  @ApiProperty({ type: () => PointChangesResponse, nullable: true })
  changes!: PointChanges | null;

  @ApiDateTime()
  at!: string;
}

@ApiSchema({ name: 'Notice', description: '工作流发出的提醒、催办或督办（每个接收方一条）' })
export class NoticeResponse implements NoticeView {
  @ApiProperty({ enum: NOTICE_KINDS, enumName: 'NoticeKind' })
  kind!: NoticeKind;

  @ApiProperty({ example: '到期提醒' })
  label!: string;

  @ApiCalendarDate({ description: '事由日期' })
  dueDate!: string;

  @ApiCalendarDate({ description: '发送日期' })
  noticeDate!: string;

  @ApiProperty({ enum: NOTICE_RECIPIENTS, enumName: 'NoticeRecipient' })
  recipient!: NoticeRecipient;

  @ApiProperty({ example: '牵头单位' })
  recipientLabel!: string;

  @ApiId({ nullable: true })
  departmentId!: string | null;

  @ApiId({ nullable: true })
  userId!: string | null;

  @ApiDateTime({ nullable: true })
  deliveredAt!: string | null;
}

@ApiSchema({ name: 'Report', description: '进展、办结申请或配合材料，及随附的附件' })
export class ReportResponse implements ReportView {
  @ApiId()
  id!: string;

  @ApiId()
  pointId!: string;

  @ApiId()
  departmentId!: string;

  @ApiId()
  authorId!: string;

  @ApiProperty({
    enum: ['progress', 'completion', 'contribution'] satisfies ProgressReportKind[],
    enumName: 'ProgressReportKind',
  })
  kind!: ProgressReportKind;

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: Number, nullable: true, description: '完成百分比 0–100' })
  percent!: number | null;

  @ApiProperty()
  requestId!: string;

  @ApiId({ nullable: true, description: '配合材料：随牵头单位的哪次报送' })
  attachedToId!: string | null;

  @ApiDateTime()
  createdAt!: string;

  @ApiProperty({ type: () => [AttachmentRefResponse] })
  attachments!: AttachmentRef[];
}

@ApiSchema({ name: 'SignOff', description: '审核记录' })
export class SignOffResponse implements SignOffView {
  @ApiId()
  id!: string;

  @ApiId()
  pointId!: string;

  @ApiProperty({ enum: ['head', 'supervisor'] satisfies SignOffLevel[], enumName: 'SignOffLevel' })
  level!: SignOffLevel;

  @ApiProperty({
    enum: ['approved', 'returned'] satisfies SignOffDecision[],
    enumName: 'SignOffDecision',
  })
  decision!: SignOffDecision;

  @ApiId()
  actorId!: string;

  @ApiNullableString()
  comment!: string | null;

  @ApiProperty()
  requestId!: string;

  @ApiDateTime()
  createdAt!: string;
}

@ApiSchema({ name: 'TargetActualValue' })
export class TargetActualValueResponse {
  @ApiProperty()
  value!: number;

  @ApiDateTime()
  recordedAt!: string;
}

@ApiSchema({ name: 'PointTarget', description: '要点的量化目标及最新实际值' })
export class PointTargetResponse extends TargetResponse implements PointTargetView {
  @ApiProperty({ description: '报送实际值时所指的目标序号（从 0 起）' })
  index!: number;

  @ApiProperty({ type: () => TargetActualValueResponse, nullable: true })
  actual!: TargetActualValueResponse | null;
}

@ApiSchema({ name: 'PointDetail', description: '要点详情与时间线' })
export class PointDetailResponse extends PointSummaryResponse implements PointDetail {
  @ApiProperty()
  text!: string;

  @ApiProperty()
  suspended!: boolean;

  @ApiProperty({ type: () => PendingExtensionResponse, nullable: true })
  pendingExtension!: PendingExtension | null;

  @ApiId({
    nullable: true,
    description: '提交待审核办结申请的人：职责分离，此人不能审核本申请',
  })
  submittedById!: string | null;

  @ApiProperty({ type: () => PointPolicyResponse })
  policy!: PointPolicy;

  @ApiProperty({ type: () => [TimelineEntryResponse] })
  timeline!: TimelineEntry[];

  @ApiProperty({ type: () => [ReportResponse] })
  reports!: ReportView[];

  @ApiProperty({ type: () => [SignOffResponse] })
  signOffs!: SignOffView[];

  @ApiProperty({ type: () => [NoticeResponse] })
  notices!: NoticeView[];

  @ApiProperty({ type: () => [PointTargetResponse] })
  targets!: PointTargetView[];
}

@ApiSchema({ name: 'PointState', description: '工作流中的实时状态：每项操作的应答' })
export class PointStateResponse implements PointStateView {
  @ApiId()
  pointId!: string;

  @ApiId()
  planId!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty(POINT_STATUS_ENUM)
  status!: PointStatus;

  @ApiProperty()
  statusLabel!: string;

  @ApiProperty(RISK_COLOUR_ENUM)
  risk!: RiskColour;

  @ApiProperty()
  riskLabel!: string;

  @ApiProperty()
  overdue!: boolean;

  @ApiCalendarDate()
  deadline!: string;

  @ApiCalendarDate({ description: '按非工作日规则调整后的时限' })
  effectiveDeadline!: string;

  @ApiNullableString({ description: '最近一次退回的意见' })
  returnComment!: string | null;

  @ApiProperty()
  version!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...POINT_ACTIONS] },
    description: '已处理的请求编号及其操作',
  })
  appliedRequests!: Record<string, PointAction>;

  @ApiProperty({ type: () => PointPolicyResponse })
  policy!: PointPolicy;

  @ApiCalendarDate()
  publishedOn!: string;

  @ApiProperty()
  suspended!: boolean;

  @ApiCalendarDate({ nullable: true, description: '最近一次未按时报送的报送日' })
  reportMissedFor!: string | null;

  @ApiProperty({ type: [String], description: '最近几次报送的日期' })
  reportDays!: string[];

  @ApiProperty({ type: () => PendingExtensionResponse, nullable: true })
  pendingExtension!: PendingExtension | null;

  @ApiDateTime({ description: '此刻之前的提醒已发出或已放弃' })
  noticesThrough!: string;

  @ApiId({
    nullable: true,
    required: false,
    description: '提交待审核办结申请的人（职责分离：此人不能审核）',
  })
  submittedBy?: string | null;

  @ApiId()
  leadDepartmentId!: string;

  @ApiProperty({ type: [String] })
  coDepartmentIds!: string[];

  @ApiId()
  supervisorId!: string;
}

@ApiSchema({ name: 'ReportDue', description: '待报送的要点及报送日期' })
export class ReportDueResponse extends PointSummaryResponse implements ReportDue {
  @ApiCalendarDate()
  reportDue!: string;
}

@ApiSchema({ name: 'Todo', description: '我的待办' })
export class TodoResponse implements TodoView {
  @ApiProperty({ type: () => [PointSummaryResponse], description: '待签收' })
  toAcknowledge!: PointSummary[];

  @ApiProperty({ type: () => [ReportDueResponse], description: '待报送' })
  reportsDue!: ReportDue[];

  @ApiProperty({ type: () => [PointSummaryResponse], description: '被退回' })
  returned!: PointSummary[];

  @ApiProperty({ type: () => [PointSummaryResponse], description: '待审核' })
  approvals!: PointSummary[];

  @ApiProperty({ type: () => [PointSummaryResponse], description: '待审批延期' })
  extensions!: PointSummary[];

  @ApiProperty({ type: () => [PointSummaryResponse], description: '已逾期' })
  overdue!: PointSummary[];
}
