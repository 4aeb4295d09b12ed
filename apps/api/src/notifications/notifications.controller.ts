import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, NotificationPage, NotificationView, UrgeResult } from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import {
  NotificationPageResponse,
  NotificationResponse,
  UrgeResultResponse,
} from './dto/notification.responses';
import { ListNotificationsQuery, UrgeDto } from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';
import { UrgeService } from './urge.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly urges: UrgeService,
  ) {}

  @Get('points/:pointId/notifications')
  @ApiOperation({ summary: '要点的通知及发送状态（能查看该要点的人可见）' })
  @ApiOkResponse({ type: NotificationPageResponse })
  forPoint(
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @Query() query: ListNotificationsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationPage> {
    return this.notifications.forPoint(pointId, actor, query);
  }

  @Post('points/:pointId/urge')
  @HttpCode(200)
  @ApiOperation({
    summary: '催办（督办员）：通知牵头单位承办人、负责人及其群机器人；同一请求编号只发一次',
  })
  @ApiOkResponse({ type: UrgeResultResponse })
  urge(
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @Body() body: UrgeDto,
    @CurrentActor() actor: Actor,
  ): Promise<UrgeResult> {
    return this.urges.urge(pointId, actor, body);
  }

  // Declared before `users/:id/notifications`, which would otherwise take "me" for an id.
  @Get('users/me/notifications')
  @ApiOperation({ summary: '发给我的通知及发送状态' })
  @ApiOkResponse({ type: NotificationPageResponse })
  mine(
    @Query() query: ListNotificationsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationPage> {
    return this.notifications.forUser(actor.userId, query);
  }

  @Get('users/:id/notifications')
  @ApiOperation({ summary: '发给某用户的通知及发送状态（管理员）' })
  @ApiOkResponse({ type: NotificationPageResponse })
  forUser(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationPage> {
    return this.notifications.forUser(id, query);
  }

  @Get('admin/notifications')
  @ApiOperation({ summary: '全部通知（管理员；status=dead 为发送失败的死信）' })
  @ApiOkResponse({ type: NotificationPageResponse })
  all(@Query() query: ListNotificationsQuery): Promise<NotificationPage> {
    return this.notifications.all(query);
  }

  @Post('admin/notifications/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: '重发发送失败的通知（管理员；只限状态为 dead 的通知）' })
  @ApiOkResponse({ type: NotificationResponse })
  retry(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationView> {
    return this.notifications.retry(id, actor);
  }
}
