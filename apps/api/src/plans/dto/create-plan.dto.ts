import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';

/** A work point as written in the plan, optionally already assigned. */
export class PointDraftDto {
  @ApiPropertyOptional({ description: '序号；省略时按文中顺序连续编号', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  number?: number;

  @ApiProperty({ example: '完善知识产权保护体系' })
  @IsString()
  @Length(1, 500)
  title!: string;

  @ApiPropertyOptional({ description: '全文' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional({ description: '牵头单位' })
  @IsOptional()
  @IsUUID()
  leadDepartmentId?: string;

  @ApiPropertyOptional({ description: '配合单位', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  coDepartmentIds?: string[];

  @ApiPropertyOptional({ description: '完成时限 YYYY-MM-DD', example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;

  @ApiPropertyOptional({ description: '分管领导' })
  @IsOptional()
  @IsUUID()
  supervisorId?: string;
}

export class SectionDto {
  @ApiPropertyOptional({ example: '（一）' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  label?: string;

  @ApiProperty()
  @IsString()
  @Length(1, 500)
  title!: string;

  @ApiPropertyOptional({ type: [PointDraftDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => PointDraftDto)
  points?: PointDraftDto[];
}

export class ChapterDto extends SectionDto {
  @ApiPropertyOptional({ type: [SectionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SectionDto)
  sections?: SectionDto[];
}

export class CreatePlanDto {
  @ApiProperty({ example: '2026年知识产权工作要点' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ type: [ChapterDto], description: '章（一、）及其下的节（（一））与要点' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ChapterDto)
  chapters?: ChapterDto[];

  @ApiPropertyOptional({ type: [PointDraftDto], description: '不属于任何章的要点' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => PointDraftDto)
  points?: PointDraftDto[];
}

/** Assignment of a draft point: the same fields, with the same rules, as in the plan JSON. */
export class AssignPointDto extends PickType(PointDraftDto, [
  'leadDepartmentId',
  'coDepartmentIds',
  'deadline',
  'supervisorId',
] as const) {}

export class PublishPlanDto {
  @ApiPropertyOptional({ description: '请求编号（幂等键）' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  requestId?: string;
}
