import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SECURITY_EVENT_KINDS,
  type SecurityEventKind,
  type SecuritySettings,
} from '@workpoints/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';

/** `?kind=a&kind=b` or `?kind=a,b`: a list either way. */
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class SecurityEventsFilter {
  @ApiPropertyOptional({
    enum: SECURITY_EVENT_KINDS,
    enumName: 'SecurityEventKind',
    isArray: true,
    description: '事件类别（可多选，逗号分隔）',
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(SECURITY_EVENT_KINDS, { each: true, message: 'kind 不是已知的安全事件类别' })
  kind?: SecurityEventKind[];

  @ApiPropertyOptional({ description: '用户名、操作人姓名或来源地址中包含的文字' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: '涉及此用户（操作人或被操作的账号）' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ description: '起始日期（含，北京时间）', example: '2026-03-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: '截止日期（含，北京时间）', example: '2026-03-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class SecurityEventsQuery extends SecurityEventsFilter {
  @ApiPropertyOptional({ description: '页码，从 1 开始', default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page 应为正整数' })
  @Min(1, { message: 'page 应为正整数' })
  page = 1;

  @ApiPropertyOptional({ description: '每页条数（1–200）', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize 应为 1 到 200 之间的整数' })
  @Min(1, { message: 'pageSize 应为 1 到 200 之间的整数' })
  @Max(200, { message: 'pageSize 应为 1 到 200 之间的整数' })
  pageSize = 50;
}

export class SecuritySettingsDto implements SecuritySettings {
  @ApiProperty({ description: '空闲超时（分钟）：会话这么久未使用即结束', example: 30 })
  @IsInt()
  idleTimeoutMinutes!: number;

  @ApiProperty({ description: '会话最长时间（小时）：登录这么久后无论是否使用都结束', example: 12 })
  @IsInt()
  absoluteTimeoutHours!: number;

  @ApiProperty({ description: '连续登录失败多少次锁定账号', example: 5 })
  @IsInt()
  lockoutThreshold!: number;

  @ApiProperty({ description: '首次锁定时长（分钟），连续再次锁定时加倍，最长一天', example: 15 })
  @IsInt()
  lockoutMinutes!: number;
}
