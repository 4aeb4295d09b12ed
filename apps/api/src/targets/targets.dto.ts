import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPARATORS } from '@workpoints/domain';
import type { Comparator } from '@workpoints/plan-parser';
import {
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  ValidateIf,
} from 'class-validator';

/** A quantitative target (目标 / 指标) the coordinator adds to a point by hand. */
export class AddTargetDto {
  @ApiPropertyOptional({
    description: '请求编号（幂等键）：同一编号重复提交只添加一次',
    example: 'target-1',
  })
  @IsOptional()
  @IsString({ message: '请求编号应为文字' })
  @Length(1, 100, { message: '请求编号应为 1 到 100 个字符' })
  requestId?: string;

  @ApiProperty({ description: '目标原文', example: '专利侵权纠纷行政裁决结案不少于30件' })
  @IsString({ message: '目标原文应为文字' })
  @Length(1, 200, { message: '目标原文不能为空，且不超过 200 字' })
  text!: string;

  @ApiProperty({ description: '目标值（区间目标为下限）', example: 30 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '目标值应为数字' })
  value!: number;

  @ApiPropertyOptional({ description: '区间上限，仅当比较方式为 range 时给出', example: 40 })
  @ValidateIf((o: AddTargetDto) => o.valueMax !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '区间上限应为数字' })
  valueMax?: number;

  @ApiProperty({ description: '单位，如 件、家、%、亿元（可为空串）', example: '件' })
  @IsString({ message: '单位应为文字' })
  @Length(0, 20, { message: '单位不超过 20 个字符' })
  unit!: string;

  @ApiProperty({
    description:
      '比较方式：>= 不低于，> 超过，= 达到（完成该数量，超过也算达标），<= 不超过，< 低于，~ 约（±5%），range 区间（含两端）',
    enum: COMPARATORS,
  })
  @IsIn(COMPARATORS, { message: `比较方式应为 ${COMPARATORS.join('、')} 之一` })
  comparator!: Comparator;

  @ApiPropertyOptional({ description: '力争目标（预期性）' })
  @IsOptional()
  @IsBoolean({ message: 'aspirational 应为 true 或 false' })
  aspirational?: boolean;
}
