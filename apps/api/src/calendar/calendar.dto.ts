import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../common/is-calendar-date.validator';

export class CreateOverrideDto {
  @ApiProperty({
    enum: ['holiday', 'workday', 'weekends-only'],
    description: '节假日、调休工作日，或确认全年只按周末计算',
  })
  @IsIn(['holiday', 'workday', 'weekends-only'])
  kind!: 'holiday' | 'workday' | 'weekends-only';

  @ApiPropertyOptional({ description: '日期（holiday / workday）', example: '2027-10-01' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ description: '年度（weekends-only）', example: 2027 })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: '国庆节' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  note?: string;
}

export class YearParam {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}
