import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  POINT_STATUSES,
  RISK_COLOURS,
  type PointStatus,
  type RiskColour,
} from '@workpoints/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Filters of a plan's dashboard; every one narrows every figure. */
export class DashboardQuery {
  @ApiPropertyOptional({ description: '章（或节）' })
  @IsOptional()
  @IsUUID('all', { message: 'chapterId 应为章节编号' })
  chapterId?: string;

  @ApiPropertyOptional({ description: '牵头单位' })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId 应为单位编号' })
  departmentId?: string;

  @ApiPropertyOptional({ description: '分管领导' })
  @IsOptional()
  @IsUUID('all', { message: 'supervisorId 应为用户编号' })
  supervisorId?: string;

  @ApiPropertyOptional({ enum: POINT_STATUSES })
  @IsOptional()
  @IsIn(POINT_STATUSES, { message: `status 应为 ${POINT_STATUSES.join('、')} 之一` })
  status?: PointStatus;

  @ApiPropertyOptional({ enum: RISK_COLOURS, description: '红黄绿灯' })
  @IsOptional()
  @IsIn(RISK_COLOURS, { message: 'risk 应为 green、yellow 或 red' })
  risk?: RiskColour;

  @ApiPropertyOptional({ description: '“即将到期”的范围：今后多少个工作日内（默认 10）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'dueWithinWorkdays 应为整数' })
  @Min(1, { message: 'dueWithinWorkdays 至少为 1' })
  @Max(60, { message: 'dueWithinWorkdays 至多为 60' })
  dueWithinWorkdays?: number;
}
