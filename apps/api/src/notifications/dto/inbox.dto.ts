import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?unread=true` arrives as a string: take the two words a person would write. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class InboxQuery {
  @ApiPropertyOptional({ description: '只看未读消息', type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'unread 应为 true 或 false' })
  unread?: boolean;

  @ApiPropertyOptional({ description: '页码，从 1 开始', default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page 应为正整数' })
  @Min(1, { message: 'page 应为正整数' })
  page = 1;

  @ApiPropertyOptional({ description: '每页条数（1–100）', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize 应为 1 到 100 之间的整数' })
  @Min(1, { message: 'pageSize 应为 1 到 100 之间的整数' })
  @Max(100, { message: 'pageSize 应为 1 到 100 之间的整数' })
  pageSize = 20;
}
