import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { NotificationKind, PersonalChannel } from '@workpoints/contracts';
import { NOTIFICATION_PREFERENCE_CHECKS as CHECKS, PERSONAL_CHANNELS } from '@workpoints/domain';
import { Type } from 'class-transformer';
import { Allow, IsEmail, IsOptional, Length, ValidateIf, ValidateNested } from 'class-validator';
import { Satisfies } from '../../common/satisfies.decorator';

/** Its times are checked with the whole (`quietHours`), where the overnight rule can see both. */
export class QuietHoursDto {
  @ApiProperty({ example: '18:00', description: '开始（晚间），HH:MM' })
  @Allow()
  from!: string;

  @ApiProperty({ example: '09:00', description: '结束（次日早晨），HH:MM' })
  @Allow()
  to!: string;
}

/**
 * A user's own choices. Every field may be left out, which means the default for it; the
 * whole object replaces what was stored before. The rules are libs/domain's
 * (`NOTIFICATION_PREFERENCE_CHECKS`).
 */
export class NotificationPreferencesDto {
  @ApiPropertyOptional({
    description: '默认接收渠道（未在 kinds 中单独设置的通知类型）',
    example: ['inbox', 'email'],
    enum: PERSONAL_CHANNELS,
    isArray: true,
  })
  @IsOptional()
  @Satisfies(CHECKS.channels)
  channels?: PersonalChannel[];

  @ApiPropertyOptional({
    description: '按通知类型单独设置渠道，键为通知类型',
    example: { urged: ['inbox', 'email'], 'report-reminder': ['inbox'] },
  })
  @IsOptional()
  @Satisfies(CHECKS.kinds)
  kinds?: Partial<Record<NotificationKind, PersonalChannel[]>>;

  @ApiPropertyOptional({
    description: '邮件每日汇总时间 HH:MM；null 表示逐条发送',
    example: '08:30',
    nullable: true,
  })
  @IsOptional()
  @Satisfies(CHECKS.digestTime)
  digestTime?: string | null;

  @ApiPropertyOptional({ type: QuietHoursDto, description: '免打扰时段（跨夜）' })
  @IsOptional()
  @Satisfies(CHECKS.quietHours)
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto;
}

export class EmailDto {
  @ApiProperty({
    description: '接收邮件通知的地址；null 表示不接收邮件',
    example: 'wujiayi@example.gov.cn',
    nullable: true,
    type: String,
  })
  @ValidateIf((o: { email?: unknown }) => o.email !== null)
  @IsEmail({}, { message: 'email 应为有效的邮箱地址，或为 null（不接收邮件）' })
  @Length(3, 254, { message: 'email 最长 254 个字符' })
  email!: string | null;
}
