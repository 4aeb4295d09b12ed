import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { EmailDto, NotificationPreferencesDto } from './dto/preferences.dto';
import {
  NotificationPreferencesService,
  type NotificationSettingsView,
} from './notification-preferences.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('users/me')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get('notification-preferences')
  @ApiOperation({ summary: '我的通知设置：接收渠道、每日汇总、免打扰时段、邮箱' })
  get(@CurrentActor() actor: Actor): Promise<NotificationSettingsView> {
    return this.preferences.get(actor.userId);
  }

  @Put('notification-preferences')
  @ApiOperation({ summary: '修改我的通知设置（整体替换；未填的项用默认值）' })
  put(
    @Body() body: NotificationPreferencesDto,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationSettingsView> {
    return this.preferences.put(actor.userId, body);
  }

  @Put('email')
  @ApiOperation({ summary: '修改我的通知邮箱（null 表示不接收邮件）' })
  putEmail(
    @Body() body: EmailDto,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationSettingsView> {
    return this.preferences.putEmail(actor.userId, body.email);
  }
}
