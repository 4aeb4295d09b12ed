import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional } from 'class-validator';

/** The monthly score rules to change; what is left out keeps its value. */
export class ScoreRulesDto {
  @ApiPropertyOptional({ description: '基础分（默认 100）' })
  @IsOptional()
  @IsNumber({}, { message: '基础分必须是数字' })
  base?: number;

  @ApiPropertyOptional({ description: '每项按时报送进展的要点加分（默认 +1）' })
  @IsOptional()
  @IsNumber({}, { message: '按时报送进展的分值必须是数字' })
  onTimeReport?: number;

  @ApiPropertyOptional({ description: '每次未按时报送进展扣分（默认 −2）' })
  @IsOptional()
  @IsNumber({}, { message: '未按时报送进展的分值必须是数字' })
  missedReport?: number;

  @ApiPropertyOptional({ description: '每项按期办结加分（默认 +3）' })
  @IsOptional()
  @IsNumber({}, { message: '按期办结的分值必须是数字' })
  onTimeCompletion?: number;

  @ApiPropertyOptional({ description: '每项逾期后办结加分（默认 +1）' })
  @IsOptional()
  @IsNumber({}, { message: '逾期后办结的分值必须是数字' })
  lateCompletion?: number;

  @ApiPropertyOptional({ description: '每个逾期工作日扣分（默认 −0.5）' })
  @IsOptional()
  @IsNumber({}, { message: '逾期工作日的分值必须是数字' })
  overdueWorkday?: number;

  @ApiPropertyOptional({ description: '每项要点每月逾期工作日计分上限（默认 10，0 为不设上限）' })
  @IsOptional()
  @IsNumber({}, { message: '逾期工作日计分上限必须是数字' })
  overdueWorkdayCap?: number;

  @ApiPropertyOptional({ description: '每次被退回扣分（默认 −1）' })
  @IsOptional()
  @IsNumber({}, { message: '被退回的分值必须是数字' })
  return?: number;
}
