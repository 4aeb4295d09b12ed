import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  SECURITY_EVENT_KINDS,
  type SecurityEventKind,
  type SecurityEventPage,
  type SecurityEventView,
  type SecuritySettingsView,
} from '@workpoints/contracts';
import { ApiDateTime, ApiId, ApiNullableString } from '../../common/openapi-properties';

@ApiSchema({ name: 'SecurityEvent', description: '安全事件：谁、何时、从哪里、做了什么' })
export class SecurityEventResponse implements SecurityEventView {
  @ApiProperty({ example: '42' })
  id!: string;

  @ApiDateTime()
  at!: string;

  @ApiProperty({ enum: SECURITY_EVENT_KINDS, enumName: 'SecurityEventKind' })
  kind!: SecurityEventKind;

  @ApiProperty({ example: '登录失败' })
  kindLabel!: string;

  @ApiId({ nullable: true })
  actorId!: string | null;

  @ApiNullableString()
  actorName!: string | null;

  @ApiNullableString({ description: '登录时填写的用户名' })
  username!: string | null;

  @ApiId({ nullable: true })
  subjectUserId!: string | null;

  @ApiNullableString({ description: '被操作账号的姓名' })
  subjectName!: string | null;

  @ApiNullableString()
  ip!: string | null;

  @ApiNullableString()
  userAgent!: string | null;

  @ApiNullableString()
  method!: string | null;

  @ApiNullableString()
  path!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  status!: number | null;

  @ApiNullableString()
  code!: string | null;

  @ApiNullableString()
  reason!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  details!: Record<string, unknown> | null;
}

@ApiSchema({ name: 'SecurityEventPage', description: '安全事件（新的在前）' })
export class SecurityEventPageResponse implements SecurityEventPage {
  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ type: () => [SecurityEventResponse] })
  items!: SecurityEventView[];
}

@ApiSchema({ name: 'SecuritySettings', description: '安全设置：会话超时与登录锁定' })
export class SecuritySettingsResponse implements SecuritySettingsView {
  @ApiProperty({ example: 30 })
  idleTimeoutMinutes!: number;

  @ApiProperty({ example: 12 })
  absoluteTimeoutHours!: number;

  @ApiProperty({ example: 5 })
  lockoutThreshold!: number;

  @ApiProperty({ example: 15 })
  lockoutMinutes!: number;

  @ApiDateTime({ nullable: true, description: '最近修改时间；从未修改（默认值）为 null' })
  updatedAt!: string | null;

  @ApiNullableString()
  updatedByName!: string | null;
}
