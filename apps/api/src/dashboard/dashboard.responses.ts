import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type {
  ChapterFigures,
  DashboardPoint,
  DepartmentFigures,
  DueSoonPoint,
  OverduePoint,
  PlanDashboard,
  PointStatus,
  RiskColour,
  RiskCounts,
  StatusCounts,
} from '@workpoints/contracts';
import { ApiCalendarDate, ApiId, ApiNullableString } from '../common/openapi-properties';
import { POINT_STATUS_ENUM, RISK_COLOUR_ENUM } from '../common/shared.responses';

@ApiSchema({ name: 'StatusCounts', description: '各状态的要点数' })
export class StatusCountsResponse implements StatusCounts {
  @ApiProperty()
  draft!: number;

  @ApiProperty()
  assigned!: number;

  @ApiProperty()
  acknowledged!: number;

  @ApiProperty()
  in_progress!: number;

  @ApiProperty()
  submitted!: number;

  @ApiProperty()
  head_approved!: number;

  @ApiProperty()
  completed!: number;

  @ApiProperty()
  cancelled!: number;
}

@ApiSchema({ name: 'RiskCounts', description: '红黄绿灯各几项' })
export class RiskCountsResponse implements RiskCounts {
  @ApiProperty()
  green!: number;

  @ApiProperty()
  yellow!: number;

  @ApiProperty()
  red!: number;
}

@ApiSchema({ name: 'RiskLabels', description: '红黄绿灯的中文' })
export class RiskLabelsResponse implements Record<RiskColour, string> {
  @ApiProperty({ example: '绿灯' })
  green!: string;

  @ApiProperty({ example: '黄灯' })
  yellow!: string;

  @ApiProperty({ example: '红灯' })
  red!: string;
}

@ApiSchema({ name: 'ChapterFigures' })
export class ChapterFiguresResponse implements ChapterFigures {
  @ApiId({ nullable: true, description: 'null：不属于任何章' })
  chapterId!: string | null;

  @ApiProperty()
  label!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: () => RiskCountsResponse })
  byRisk!: RiskCounts;
}

@ApiSchema({ name: 'DepartmentFigures' })
export class DepartmentFiguresResponse implements DepartmentFigures {
  @ApiId({ nullable: true, description: 'null：尚未指定牵头单位' })
  departmentId!: string | null;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: '牵头的要点数' })
  led!: number;

  @ApiProperty()
  completed!: number;

  @ApiProperty({ description: '按期办结' })
  onTime!: number;

  @ApiProperty({ description: '逾期后办结' })
  completedLate!: number;

  @ApiProperty({ description: '未办结且已逾期' })
  overdue!: number;

  @ApiProperty({ description: '未按时报送进展的次数' })
  reportsMissed!: number;
}

@ApiSchema({ name: 'DashboardPoint' })
export class DashboardPointResponse implements DashboardPoint {
  @ApiId()
  id!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty()
  title!: string;

  @ApiCalendarDate()
  deadline!: string;

  @ApiProperty(POINT_STATUS_ENUM)
  status!: PointStatus;

  @ApiProperty()
  statusLabel!: string;

  @ApiProperty(RISK_COLOUR_ENUM)
  risk!: RiskColour;

  @ApiId({ nullable: true })
  departmentId!: string | null;

  @ApiNullableString()
  departmentName!: string | null;
}

@ApiSchema({ name: 'OverduePoint' })
export class OverduePointResponse extends DashboardPointResponse implements OverduePoint {
  @ApiProperty({ type: Number, nullable: true, description: '逾期工作日（日历未知的年份为 null）' })
  workdaysLate!: number | null;
}

@ApiSchema({ name: 'DueSoonPoint' })
export class DueSoonPointResponse extends DashboardPointResponse implements DueSoonPoint {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '距时限的工作日（日历未知的年份为 null）',
  })
  workdaysLeft!: number | null;
}

@ApiSchema({ name: 'PlanDashboard', description: '督办看板' })
export class PlanDashboardResponse implements PlanDashboard {
  @ApiId()
  planId!: string;

  @ApiCalendarDate({ description: '统计日（北京时间）' })
  today!: string;

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: () => StatusCountsResponse })
  byStatus!: StatusCounts;

  @ApiProperty({ type: () => RiskCountsResponse })
  byRisk!: RiskCounts;

  @ApiProperty({ type: () => RiskLabelsResponse })
  riskLabels!: Record<RiskColour, string>;

  @ApiProperty({ type: () => [ChapterFiguresResponse] })
  byChapter!: ChapterFigures[];

  @ApiProperty({ type: () => [DepartmentFiguresResponse] })
  byDepartment!: DepartmentFigures[];

  @ApiProperty({ type: () => [OverduePointResponse] })
  overdue!: OverduePoint[];

  @ApiProperty({ type: () => [DueSoonPointResponse] })
  dueSoon!: DueSoonPoint[];

  @ApiProperty()
  dueWithinWorkdays!: number;
}
