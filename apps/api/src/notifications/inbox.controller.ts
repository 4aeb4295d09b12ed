import {
  Controller,
  Get,
  HttpCode,
  type MessageEvent,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Sse,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type {
  Actor,
  InboxPage,
  InboxReadAllView,
  InboxReadView,
  UnreadCountView,
} from '@workpoints/contracts';
import type { Observable } from 'rxjs';
import { CurrentActor, CurrentSession, TICKET_PARAM, TicketAuth } from '../auth/auth.decorators';
import { InboxQuery } from './dto/inbox.dto';
import {
  InboxPageResponse,
  InboxReadAllResponse,
  InboxReadResponse,
  UnreadCountResponse,
} from './dto/notification.responses';
import { InboxService } from './inbox.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: '我的站内消息（新的在前；可只看未读）' })
  @ApiOkResponse({ type: InboxPageResponse })
  list(@Query() query: InboxQuery, @CurrentActor() actor: Actor): Promise<InboxPage> {
    return this.inbox.list(actor.userId, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: '我的未读消息数' })
  @ApiOkResponse({ type: UnreadCountResponse })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountView> {
    return { unreadCount: await this.inbox.unreadCount(actor.userId) };
  }

  @Sse('stream')
  @TicketAuth('inbox-stream')
  @ApiOperation({
    summary: '站内消息实时推送（Server-Sent Events）',
    description:
      'EventSource 不能带 Authorization 头：先用 POST /api/auth/tickets {"purpose":"inbox-stream"} 取一次性票据，' +
      '再以查询参数 ticket=<票据> 打开（30 秒内有效，只能用一次；curl 也可直接带 Authorization 头）。' +
      '连接后先推送 event: unread-count（data: {"unreadCount": n}），之后每条新消息推送一条默认事件' +
      '（id 为消息编号，data: {id, kind, title, text, link, pointId, createdAt, unreadCount}），' +
      '并约每 20 秒发送一行注释“: heartbeat”保持连接。会话结束（退出、退出所有设备、停用、超时）时推送' +
      ' event: session-ended（data: {"message": 原因}）并关闭连接。',
  })
  @ApiQuery({
    name: TICKET_PARAM,
    required: false,
    description: '一次性票据（仅用于无法设置请求头的 EventSource）',
  })
  @ApiProduces('text/event-stream')
  stream(
    @CurrentActor() actor: Actor,
    @CurrentSession() sessionId: string,
  ): Observable<MessageEvent> {
    return this.inbox.stream(actor.userId, sessionId);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标为已读' })
  @ApiOkResponse({ type: InboxReadAllResponse })
  readAll(@CurrentActor() actor: Actor): Promise<InboxReadAllView> {
    return this.inbox.markAllRead(actor.userId);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标为已读（只能是自己的消息）' })
  @ApiOkResponse({ type: InboxReadResponse })
  read(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<InboxReadView> {
    return this.inbox.markRead(actor.userId, id);
  }
}
