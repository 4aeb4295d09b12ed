import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  DELIVERY_STATUSES,
  NOTIFICATION_KINDS,
  type Channel,
  type DeliveryStatus,
  type NotificationKind,
} from '@workpoints/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { ActionDto } from '../../points/dto/point-actions.dto';

export class ListNotificationsQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: '发送状态' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, {
    message: `status 应为 ${DELIVERY_STATUSES.join('、')} 之一`,
  })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: CHANNELS, description: '渠道' })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel 应为 ${CHANNELS.join('、')} 之一` })
  channel?: Channel;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS, description: '通知类型' })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS, { message: 'kind 不是已知的通知类型' })
  kind?: NotificationKind;
}

/** The coordinator's chase (催办) of a point's lead department. */
export class UrgeDto extends ActionDto {
  @ApiProperty({ description: '催办意见', example: '请于本周五前报送最新进展。' })
  @IsString({ message: 'message 应为文字' })
  @Length(1, 2000, { message: '催办意见应为 1 到 2000 字' })
  message!: string;

  @ApiPropertyOptional({
    description: '紧急：立即发出，不受免打扰时段、非工作日和每日汇总的限制',
    default: false,
  })
  @IsOptional()
  @IsBoolean({ message: 'urgent 应为 true 或 false' })
  urgent?: boolean;
}
