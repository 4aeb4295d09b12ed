import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { POINT_STATUSES, type PointStatus } from '@workpoints/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';

/** Every action carries a request id: the same id twice is one action (a double click). */
export class ActionDto {
  @ApiProperty({
    description: '请求编号（幂等键），同一编号重复提交只生效一次',
    example: 'c0a8e3c2-1f1e-4c55-9a4c-0d5c8f1f2b11',
  })
  @IsString()
  @Length(1, 100)
  requestId!: string;
}

export class ReportProgressDto extends ActionDto {
  @ApiProperty({ description: '进展情况' })
  @IsString()
  @Length(1, 20000)
  text!: string;

  @ApiPropertyOptional({ description: '完成百分比 0–100' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;
}

export class SubmitCompletionDto extends ActionDto {
  @ApiProperty({ description: '办结情况说明' })
  @IsString()
  @Length(1, 20000)
  text!: string;
}

export class ApproveDto extends ActionDto {
  @ApiPropertyOptional({ description: '审核意见' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

export class ReturnDto extends ActionDto {
  @ApiProperty({ description: '退回意见（必填）' })
  @IsString()
  @Length(1, 2000)
  comment!: string;
}

export class ListPointsQuery extends PaginationQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ description: '牵头或配合单位' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: POINT_STATUSES })
  @IsOptional()
  @IsIn(POINT_STATUSES)
  status?: PointStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  supervisorId?: string;

  @ApiPropertyOptional({ description: '页大小' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  override limit = 100;
}
