import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { PointPolicy } from '@workpoints/contracts';
import { AssignPointDto, PointDraftDto } from './create-plan.dto';

const POLICY_FIELDS = '督办规则字段（签收时限、报送周期、提醒、逾期提请等），与已有的合并';

export class TargetDto {
  @ApiProperty({ example: '增长20%以上' })
  @IsString()
  @Length(1, 200)
  text!: string;

  @ApiProperty({ example: 20 })
  @IsNumber()
  value!: number;

  @ApiPropertyOptional({ description: '区间上限' })
  @IsOptional()
  @IsNumber()
  valueMax?: number;

  @ApiProperty({ example: '%' })
  @IsString()
  @Length(0, 20)
  unit!: string;

  @ApiProperty({ enum: ['>=', '>', '=', '<=', '<', '~', 'range'] })
  @IsIn(['>=', '>', '=', '<=', '<', '~', 'range'])
  comparator!: '>=' | '>' | '=' | '<=' | '<' | '~' | 'range';
}

/** Everything a coordinator may fix in a draft point, besides its assignment. */
export class EditPointDto extends AssignPointDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional({ description: '新序号：要点移到该位置，其余顺延' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  number?: number;

  @ApiPropertyOptional({
    description: '移到的章或节；null 表示不属于任何章节',
    type: String,
    format: 'uuid',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  nodeId?: string | null;

  @ApiPropertyOptional({ description: '时限原文，如“6月底前”', type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 100)
  deadlineText?: string | null;

  @ApiPropertyOptional({ type: [TargetDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets?: TargetDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  subItems?: string[];

  @ApiPropertyOptional({
    description: `本要点的${POLICY_FIELDS}；null 清除本要点的设置，沿用计划的规则`,
    type: 'object',
    additionalProperties: true,
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsObject()
  policy?: Partial<PointPolicy> | null;
}

/** What the coordinator may change on the draft plan itself. */
export class EditPlanDto {
  @ApiPropertyOptional({
    description: `全计划的${POLICY_FIELDS}；null 清除，沿用默认规则`,
    type: 'object',
    additionalProperties: true,
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsObject()
  policy?: Partial<PointPolicy> | null;
}

/** A new point: the same fields and rules as a point in the plan JSON, plus where it goes. */
export class AddPointDto extends PickType(PointDraftDto, ['title', 'text', 'number'] as const) {
  @ApiPropertyOptional({ description: '所属章或节' })
  @IsOptional()
  @IsUUID()
  nodeId?: string;
}

export class MergePointDto {
  @ApiProperty({ description: '并入本要点的另一个要点' })
  @IsUUID()
  pointId!: string;
}

export class SplitPointDto {
  @ApiProperty({ description: '从第几句开始拆出新要点（按“。”计，从 1 起）', example: 2 })
  @IsInt()
  @Min(2)
  @Max(1000)
  atSentence!: number;
}

export class RenameNodeDto {
  @ApiProperty({ example: '强化知识产权保护' })
  @IsString()
  @Length(1, 500)
  title!: string;
}
