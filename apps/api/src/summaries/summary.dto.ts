import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUMMARY_PERIODS, type SummaryPeriod } from '@workpoints/reports';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** Which summary, and the dashboard's narrowing filters that make sense for one. */
export class SummaryQuery {
  @ApiProperty({ enum: SUMMARY_PERIODS, description: 'half-year 上半年（1—6月），annual 全年' })
  @IsIn(SUMMARY_PERIODS, { message: 'period 应为 half-year（上半年）或 annual（全年）' })
  period!: SummaryPeriod;

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
}
