import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  CHANNELS,
  DELIVERY_STATUSES,
  NOTIFICATION_KINDS,
  ROBOT_CHANNELS,
  type Channel,
  type DeliveryStatus,
  type InboxItemView,
  type InboxPage,
  type InboxReadAllView,
  type InboxReadView,
  type NotificationKind,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationRecipientView,
  type NotificationSettingsView,
  type NotificationView,
  type PersonalChannel,
  type PointRef,
  type RobotChannel,
  type RobotView,
  type UnreadCountView,
  type UrgeResult,
} from '@workpoints/contracts';
import { ApiDateTime, ApiId, ApiNullableString } from '../../common/openapi-properties';
import { PointRefResponse } from '../../common/shared.responses';

const KIND = { enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' } as const;
const PERSONAL_CHANNELS = ['inbox', 'email'] as const satisfies readonly PersonalChannel[];

@ApiSchema({ name: 'InboxItem', description: '一条站内消息；kindLabel 为中文' })
export class InboxItemResponse implements InboxItemView {
  @ApiId()
  id!: string;

  @ApiProperty(KIND)
  kind!: NotificationKind;

  @ApiProperty({ example: '到期提醒' })
  kindLabel!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ description: '要点在网页中的地址' })
  link!: string;

  @ApiDateTime()
  createdAt!: string;

  @ApiDateTime({ nullable: true })
  readAt!: string | null;

  @ApiProperty({
    type: () => PointRefResponse,
    nullable: true,
    description: '关于整个计划时为 null',
  })
  point!: PointRef | null;
}

@ApiSchema({ name: 'InboxPage', description: '一页站内消息' })
export class InboxPageResponse implements InboxPage {
  @ApiProperty()
  total!: number;

  @ApiProperty()
  unreadCount!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ type: () => [InboxItemResponse] })
  items!: InboxItemView[];
}

@ApiSchema({ name: 'UnreadCount' })
export class UnreadCountResponse implements UnreadCountView {
  @ApiProperty()
  unreadCount!: number;
}

@ApiSchema({ name: 'InboxRead', description: '标为已读的消息（已读时刻取第一次）' })
export class InboxReadResponse implements InboxReadView {
  @ApiId()
  id!: string;

  @ApiDateTime()
  readAt!: string;

  @ApiProperty()
  unreadCount!: number;
}

@ApiSchema({ name: 'InboxReadAll' })
export class InboxReadAllResponse implements InboxReadAllView {
  @ApiProperty({ description: '本次标为已读的条数' })
  marked!: number;

  @ApiProperty()
  unreadCount!: number;
}

@ApiSchema({ name: 'NotificationRecipient' })
export class NotificationRecipientResponse implements NotificationRecipientView {
  @ApiProperty({ enum: ['user', 'department'] })
  type!: 'user' | 'department';

  @ApiId({ nullable: true })
  userId!: string | null;

  @ApiId({ nullable: true })
  departmentId!: string | null;

  @ApiNullableString()
  name!: string | null;

  @ApiProperty({ example: '专利管理处（企业微信机器人）' })
  label!: string;
}

@ApiSchema({ name: 'Notification', description: '一次发送（一人一渠道）及其状态' })
export class NotificationResponse implements NotificationView {
  @ApiId()
  id!: string;

  @ApiProperty({ type: () => PointRefResponse, nullable: true })
  point!: PointRef | null;

  @ApiProperty(KIND)
  kind!: NotificationKind;

  @ApiProperty()
  kindLabel!: string;

  @ApiProperty({ description: '事由：事由日期与发送日期，或请求编号' })
  occasion!: string;

  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' })
  channel!: Channel;

  @ApiProperty()
  channelLabel!: string;

  @ApiProperty({ type: () => NotificationRecipientResponse })
  recipient!: NotificationRecipientView;

  @ApiProperty()
  urgent!: boolean;

  @ApiProperty()
  digest!: boolean;

  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' })
  status!: DeliveryStatus;

  @ApiProperty()
  statusLabel!: string;

  @ApiProperty()
  attempts!: number;

  @ApiNullableString()
  lastError!: string | null;

  @ApiDateTime()
  notBefore!: string;

  @ApiDateTime()
  createdAt!: string;

  @ApiDateTime({ nullable: true })
  queuedAt!: string | null;

  @ApiDateTime({ nullable: true })
  sentAt!: string | null;
}

@ApiSchema({ name: 'NotificationPage' })
export class NotificationPageResponse implements NotificationPage {
  @ApiProperty()
  total!: number;

  @ApiProperty({ type: () => [NotificationResponse] })
  items!: NotificationView[];
}

@ApiSchema({ name: 'UrgeResult', description: '催办及其发出的通知' })
export class UrgeResultResponse implements UrgeResult {
  @ApiId()
  pointId!: string;

  @ApiProperty()
  requestId!: string;

  @ApiProperty({ description: '同一请求编号此前已催办过：没有再发' })
  repeated!: boolean;

  @ApiProperty()
  urgent!: boolean;

  @ApiProperty({ type: () => [NotificationResponse] })
  notifications!: NotificationView[];
}

@ApiSchema({ name: 'Robot', description: '单位的群机器人（不返回密钥）' })
export class RobotResponse implements RobotView {
  @ApiId()
  id!: string;

  @ApiId()
  departmentId!: string;

  @ApiProperty()
  departmentName!: string;

  @ApiProperty({ enum: ROBOT_CHANNELS, enumName: 'RobotChannel' })
  channel!: RobotChannel;

  @ApiProperty({ example: '企业微信机器人' })
  channelLabel!: string;

  @ApiProperty({
    description: '隐去令牌的 Webhook 地址',
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd****',
  })
  webhookUrl!: string;

  @ApiProperty()
  hasSecret!: boolean;

  @ApiProperty()
  enabled!: boolean;

  @ApiDateTime()
  createdAt!: string;
}

@ApiSchema({ name: 'QuietHours' })
export class QuietHoursResponse {
  @ApiProperty({ example: '18:00' })
  from!: string;

  @ApiProperty({ example: '09:00' })
  to!: string;
}

@ApiSchema({ name: 'NotificationPreferences', description: '接收渠道、每日汇总与免打扰时段' })
export class NotificationPreferencesResponse implements NotificationPreferences {
  @ApiProperty({ enum: PERSONAL_CHANNELS, enumName: 'PersonalChannel', isArray: true })
  channels!: PersonalChannel[];

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'array',
      items: { type: 'string', enum: [...PERSONAL_CHANNELS] },
    },
    description: '按通知类别（NotificationKind）设置的渠道',
  })
  kinds!: Partial<Record<NotificationKind, PersonalChannel[]>>;

  @ApiNullableString({ description: '邮件每日汇总的时刻 HH:MM；null 为逐条发送' })
  digestTime!: string | null;

  @ApiProperty({ type: () => QuietHoursResponse })
  quietHours!: QuietHoursResponse;
}

@ApiSchema({ name: 'NotificationPreferencesFields', description: '用户自己设置的项' })
export class NotificationPreferencesFieldsResponse implements Partial<NotificationPreferences> {
  @ApiPropertyOptional({ enum: PERSONAL_CHANNELS, enumName: 'PersonalChannel', isArray: true })
  channels?: PersonalChannel[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'array',
      items: { type: 'string', enum: [...PERSONAL_CHANNELS] },
    },
  })
  kinds?: Partial<Record<NotificationKind, PersonalChannel[]>>;

  @ApiPropertyOptional({ type: String, nullable: true })
  digestTime?: string | null;

  @ApiPropertyOptional({ type: () => QuietHoursResponse })
  quietHours?: QuietHoursResponse;
}

@ApiSchema({ name: 'NotificationSettings', description: '我的通知设置' })
export class NotificationSettingsResponse implements NotificationSettingsView {
  @ApiNullableString({ description: '通知邮箱' })
  email!: string | null;

  @ApiProperty({
    type: () => NotificationPreferencesFieldsResponse,
    nullable: true,
    description: '我自己设置的项（null：全部用默认值）',
  })
  own!: Partial<NotificationPreferences> | null;

  @ApiProperty({ type: () => NotificationPreferencesResponse, description: '实际适用的设置' })
  effective!: NotificationPreferences;
}
