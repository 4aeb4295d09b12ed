import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type PersonalChannel,
} from '@workpoints/contracts';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

export const PERSONAL_CHANNELS: readonly PersonalChannel[] = ['inbox', 'email'];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const CHANNELS_MESSAGE = '只能包含 inbox（站内消息）和 email（邮件）';

/** Problems of a `kinds` map: unknown kinds, and channels other than inbox and email. */
function kindsProblems(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return ['应为对象，如 {"urged": ["inbox", "email"]}'];
  const problems: string[] = [];
  for (const [kind, channels] of Object.entries(value)) {
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind))
      problems.push(`未知的通知类型：${kind}`);
    else if (
      !Array.isArray(channels) ||
      channels.some((c) => !(PERSONAL_CHANNELS as readonly unknown[]).includes(c))
    )
      problems.push(`${kind} ${CHANNELS_MESSAGE}`);
    else if (new Set(channels).size !== channels.length) problems.push(`${kind} 的渠道不能重复`);
  }
  return problems;
}

function IsKindChannels(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isKindChannels',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ value }: ValidationArguments) => kindsProblems(value).join('；'),
        ...options,
      },
      validator: { validate: (value: unknown) => kindsProblems(value).length === 0 },
    });
}

/** Quiet hours run overnight: they begin in the evening and end the next morning. */
function IsOvernightStart(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isOvernightStart',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '免打扰时段应跨夜：开始时间须晚于结束时间（如 18:00 至次日 09:00）',
        ...options,
      },
      validator: {
        validate: (from: unknown, args: ValidationArguments) => {
          const to = (args.object as { to?: unknown }).to;
          // A malformed time is reported by its own rule.
          if (typeof from !== 'string' || typeof to !== 'string') return true;
          if (!HHMM.test(from) || !HHMM.test(to)) return true;
          return from > to;
        },
      },
    });
}

export class QuietHoursDto {
  @ApiProperty({ example: '18:00', description: '开始（晚间），HH:MM' })
  @Matches(HHMM, { message: 'from 应为 HH:MM（00:00–23:59）' })
  @IsOvernightStart()
  from!: string;

  @ApiProperty({ example: '09:00', description: '结束（次日早晨），HH:MM' })
  @Matches(HHMM, { message: 'to 应为 HH:MM（00:00–23:59）' })
  to!: string;
}

/**
 * A user's own choices. Every field may be left out, which means the default for it; the
 * whole object replaces what was stored before.
 */
export class NotificationPreferencesDto {
  @ApiPropertyOptional({
    description: '默认接收渠道（未在 kinds 中单独设置的通知类型）',
    example: ['inbox', 'email'],
    enum: PERSONAL_CHANNELS,
    isArray: true,
  })
  @IsOptional()
  @IsArray({ message: `channels 应为数组，${CHANNELS_MESSAGE}` })
  @IsIn(PERSONAL_CHANNELS, { each: true, message: `channels ${CHANNELS_MESSAGE}` })
  @ArrayUnique({ message: 'channels 不能重复' })
  channels?: PersonalChannel[];

  @ApiPropertyOptional({
    description: '按通知类型单独设置渠道，键为通知类型',
    example: { urged: ['inbox', 'email'], 'report-reminder': ['inbox'] },
  })
  @IsOptional()
  @IsKindChannels()
  kinds?: Partial<Record<NotificationKind, PersonalChannel[]>>;

  @ApiPropertyOptional({
    description: '邮件每日汇总时间 HH:MM；null 表示逐条发送',
    example: '08:30',
    nullable: true,
  })
  @IsOptional()
  @Matches(HHMM, { message: 'digestTime 应为 HH:MM（00:00–23:59），或为 null（逐条发送）' })
  digestTime?: string | null;

  @ApiPropertyOptional({ type: QuietHoursDto, description: '免打扰时段（跨夜）' })
  @IsOptional()
  @IsObject({ message: 'quietHours 应为对象，如 {"from": "18:00", "to": "09:00"}' })
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
