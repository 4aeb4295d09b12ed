import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, NotificationSettingsView } from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { NotificationSettingsResponse } from './dto/notification.responses';
import { EmailDto, NotificationPreferencesDto } from './dto/preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('users/me')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get('notification-preferences')
  @ApiOperation({ summary: '我的通知设置：接收渠道、每日汇总、免打扰时段、邮箱' })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  get(@CurrentActor() actor: Actor): Promise<NotificationSettingsView> {
    return this.preferences.get(actor.userId);
  }

  @Put('notification-preferences')
  @ApiOperation({ summary: '修改我的通知设置（整体替换；未填的项用默认值）' })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  put(
    @Body() body: NotificationPreferencesDto,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationSettingsView> {
    return this.preferences.put(actor.userId, body);
  }

  @Put('email')
  @ApiOperation({ summary: '修改我的通知邮箱（null 表示不接收邮件）' })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  putEmail(
    @Body() body: EmailDto,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationSettingsView> {
    return this.preferences.putEmail(actor.userId, body.email);
  }
}
