import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type {
  BulletinPoint,
  BulletinView,
  DepartmentMonthFacts,
  RankingRow,
  ScoreLine,
  ScoreRules,
  ScoreRulesView,
  ScoredRule,
} from '@workpoints/contracts';
import { ApiCalendarDate, ApiDateTime, ApiId } from '../common/openapi-properties';
import { ScoreRuleFieldsResponse, ScoreRulesResponse } from '../common/shared.responses';

const SCORED_RULES = [
  'onTimeReport',
  'missedReport',
  'onTimeCompletion',
  'lateCompletion',
  'overdueWorkday',
  'return',
] as const satisfies readonly ScoredRule[];

@ApiSchema({ name: 'ScoreLine', description: '得分的一项' })
export class ScoreLineResponse implements ScoreLine {
  @ApiProperty({ enum: SCORED_RULES, enumName: 'ScoredRule' })
  rule!: ScoredRule;

  @ApiProperty()
  label!: string;

  @ApiProperty()
  count!: number;

  @ApiProperty()
  points!: number;
}

@ApiSchema({ name: 'RankingRow', description: '一个单位当月的得分与名次' })
export class RankingRowResponse implements RankingRow, DepartmentMonthFacts {
  @ApiId()
  departmentId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  pointsLed!: number;

  @ApiProperty()
  onTimeReports!: number;

  @ApiProperty()
  missedReports!: number;

  @ApiProperty()
  completedOnTime!: number;

  @ApiProperty()
  completedLate!: number;

  @ApiProperty({ type: [Number], description: '每项逾期要点当月的逾期工作日' })
  overdueWorkdays!: number[];

  @ApiProperty()
  returns!: number;

  @ApiProperty()
  score!: number;

  @ApiProperty()
  rank!: number;

  @ApiProperty({ type: () => [ScoreLineResponse] })
  breakdown!: ScoreLine[];
}

@ApiSchema({ name: 'BulletinPoint', description: '通报列出的要点（本月办结或月末逾期）' })
export class BulletinPointResponse implements BulletinPoint {
  @ApiId()
  pointId!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  departmentName!: string;

  @ApiCalendarDate({ nullable: true })
  deadline!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', description: '办结日' })
  completedOn?: string;

  @ApiPropertyOptional({ description: '逾期后办结' })
  late?: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '月末逾期工作日' })
  workdaysLate?: number | null;
}

@ApiSchema({ name: 'Bulletin', description: '月度通报与排名' })
export class BulletinResponse implements BulletinView {
  @ApiId()
  id!: string;

  @ApiId()
  planId!: string;

  @ApiProperty({ example: '2026-03' })
  month!: string;

  @ApiProperty({ enum: ['schedule', 'manual'] })
  trigger!: 'schedule' | 'manual';

  @ApiId({ nullable: true })
  producedById!: string | null;

  @ApiDateTime()
  producedAt!: string;

  @ApiProperty({ type: () => ScoreRulesResponse })
  rules!: ScoreRules;

  @ApiProperty({ type: () => [RankingRowResponse] })
  ranking!: RankingRow[];

  @ApiProperty({ type: () => [BulletinPointResponse] })
  completed!: BulletinPoint[];

  @ApiProperty({ type: () => [BulletinPointResponse] })
  overdue!: BulletinPoint[];
}

@ApiSchema({ name: 'ScoreRuleLabels', description: '计分规则的中文名' })
export class ScoreRuleLabelsResponse implements Record<keyof ScoreRules, string> {
  @ApiProperty()
  base!: string;

  @ApiProperty()
  onTimeReport!: string;

  @ApiProperty()
  missedReport!: string;

  @ApiProperty()
  onTimeCompletion!: string;

  @ApiProperty()
  lateCompletion!: string;

  @ApiProperty()
  overdueWorkday!: string;

  @ApiProperty()
  overdueWorkdayCap!: string;

  @ApiProperty()
  return!: string;
}

@ApiSchema({
  name: 'ScoreRulesSettings',
  description: '计分规则：适用的、默认的、中文名与计划自己设置的',
})
export class ScoreRulesSettingsResponse implements ScoreRulesView {
  @ApiProperty({ type: () => ScoreRulesResponse })
  rules!: ScoreRules;

  @ApiProperty({ type: () => ScoreRulesResponse })
  defaults!: ScoreRules;

  @ApiProperty({ type: () => ScoreRuleLabelsResponse })
  labels!: Record<keyof ScoreRules, string>;

  @ApiProperty({ type: () => ScoreRuleFieldsResponse })
  own!: Partial<ScoreRules>;
}
