import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { POINT_STATUSES, type PointPolicy, type PointStatus } from '@workpoints/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';
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

/** An actual value (实际值) of one of the point's quantitative targets. */
export class TargetActualDto {
  @ApiProperty({ description: '目标序号：该要点 targets 中的位置，从 0 起', example: 0 })
  @IsInt({ message: '目标序号应为整数' })
  @Min(0, { message: '目标序号应从 0 起' })
  target!: number;

  @ApiProperty({ description: '截至本次报送的实际值（与目标同一单位）', example: 18 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '实际值应为数字' })
  value!: number;
}

/** Actuals of the point's targets, at most one per target (checked against them by the service). */
const Actuals = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: '量化目标的实际值，每项目标至多一个',
      type: [TargetActualDto],
    }),
    IsOptional(),
    IsArray({ message: '实际值应为列表' }),
    ArrayMaxSize(50, { message: '实际值最多 50 项' }),
    ValidateNested({ each: true }),
    Type(() => TargetActualDto),
  );

/** Attachments uploaded beforehand (POST /api/points/{pointId}/attachments), sent with this report. */
const AttachmentIds = () =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        '随本次报送提交的附件编号：先上传（POST /api/points/{pointId}/attachments），只能是本人为该要点上传、尚未随其他报送提交的附件',
      type: [String],
    }),
    IsOptional(),
    IsArray({ message: '附件应为附件编号列表' }),
    ArrayMaxSize(20, { message: '附件最多 20 个' }),
    IsUUID('all', { each: true, message: '附件编号应为 UUID' }),
  );

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

  @Actuals()
  actuals?: TargetActualDto[];

  @AttachmentIds()
  attachmentIds?: string[];
}

export class SubmitCompletionDto extends ActionDto {
  @ApiProperty({ description: '办结情况说明' })
  @IsString()
  @Length(1, 20000)
  text!: string;

  @Actuals()
  actuals?: TargetActualDto[];

  @AttachmentIds()
  attachmentIds?: string[];
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

export class ContributeDto extends ActionDto {
  @ApiProperty({ description: '配合材料（附在牵头单位下一次报送的进展中）' })
  @IsString()
  @Length(1, 20000)
  text!: string;
}

export class RequestExtensionDto extends ActionDto {
  @ApiProperty({ description: '申请延期至 YYYY-MM-DD（应晚于当前时限）', example: '2027-09-30' })
  @IsCalendarDate()
  deadline!: string;

  @ApiProperty({ description: '延期理由' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

/** The supervisor's decision: approve (to the date asked for, or another) or refuse with a reason. */
export class DecideExtensionDto extends ActionDto {
  @ApiProperty({ description: 'true 同意延期，false 不同意' })
  @IsBoolean()
  approve!: boolean;

  @ApiPropertyOptional({
    description: '同意时的新时限 YYYY-MM-DD；省略则按申请的日期',
    example: '2027-09-30',
  })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;

  // Required when refusing: that is the decision's own rule (decideExtensionProblems).
  @ApiPropertyOptional({ description: '审批意见；不同意时必填' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

/** Suspend (暂停) or cancel (取消): the coordinator says why. */
export class SteerDto extends ActionDto {
  @ApiProperty({ description: '理由（必填）' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class ResumeDto extends ActionDto {
  @ApiPropertyOptional({ description: '说明' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ReassignDto extends ActionDto {
  @ApiProperty({ description: '新的牵头单位' })
  @IsUUID('all', { message: '牵头单位编号应为 UUID' })
  leadDepartmentId!: string;

  @ApiProperty({ description: '新的配合单位（可为空列表）', type: [String] })
  @IsArray()
  @ArrayMaxSize(50, { message: '配合单位最多 50 个' })
  @IsUUID('all', { each: true, message: '配合单位编号应为 UUID' })
  coDepartmentIds!: string[];

  @ApiProperty({ description: '分管领导' })
  @IsUUID('all', { message: '分管领导编号应为 UUID' })
  supervisorId!: string;

  @ApiPropertyOptional({ description: '调整理由' })
  @IsOptional()
  @IsString({ message: '调整理由应为文字' })
  @Length(1, 2000, { message: '调整理由不能为空串，且不超过 2000 字' })
  reason?: string;
}

export class ChangeDeadlineDto extends ActionDto {
  @ApiProperty({ description: '新的完成时限 YYYY-MM-DD', example: '2027-10-31' })
  @IsCalendarDate()
  deadline!: string;

  @ApiProperty({ description: '调整理由（必填）' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class ChangePolicyDto extends ActionDto {
  @ApiProperty({
    description:
      '要修改的督办规则字段（其余不变），如 {"reportCadence":"quarterly","reportDay":20}',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  policy!: Partial<PointPolicy>;

  @ApiPropertyOptional({ description: '调整理由' })
  @IsOptional()
  @IsString({ message: '调整理由应为文字' })
  @Length(1, 2000, { message: '调整理由不能为空串，且不超过 2000 字' })
  reason?: string;
}

export class ListPointsQuery extends PaginationQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ description: '按编号（如 7、第7项）或文字查找', example: '专利' })
  @IsOptional()
  @IsString({ message: '查找的内容应为文字' })
  @Length(1, 100, { message: '查找的内容不超过 100 字' })
  q?: string;

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
