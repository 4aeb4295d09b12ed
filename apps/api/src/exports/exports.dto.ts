import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  REPORT_KINDS,
  SUMMARY_PERIODS,
  type ReportKind,
  type SummaryPeriod,
} from '@workpoints/contracts';
import { IsIn, ValidateIf } from 'class-validator';
import { DashboardQuery } from '../dashboard/dashboard.dto';

/** A background export: which file, and the dashboard's filters (a summary takes fewer). */
export class CreateExportDto extends OmitType(DashboardQuery, ['dueWithinWorkdays'] as const) {
  @ApiProperty({
    enum: REPORT_KINDS,
    description: 'ledger 督办台账（Excel），summary 工作总结（Word）',
  })
  @IsIn(REPORT_KINDS, { message: 'kind 应为 ledger（督办台账）或 summary（工作总结）' })
  kind!: ReportKind;

  @ApiPropertyOptional({
    enum: SUMMARY_PERIODS,
    description: '工作总结必填：half-year 上半年（1—6月），annual 全年',
  })
  @ValidateIf((o: CreateExportDto) => o.kind === 'summary' || o.period !== undefined)
  @IsIn(SUMMARY_PERIODS, { message: 'period 应为 half-year（上半年）或 annual（全年）' })
  period?: SummaryPeriod;
}
