import {
  Body,
  Controller,
  Get,
  Header,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor, SecurityEventPage, SecuritySettingsView } from '@workpoints/contracts';
import { shanghaiDate } from '@workpoints/domain';
import type { Request, Response } from 'express';
import { CurrentActor } from '../auth/auth.decorators';
import { SecurityEventsFilter, SecurityEventsQuery, SecuritySettingsDto } from './dto/security.dto';
import { SecurityEventPageResponse, SecuritySettingsResponse } from './dto/security.responses';
import { SecurityEventsReader } from './security-events-reader.service';
import { SecuritySettingsService } from './security-settings.service';

/** 安全事件 and 安全设置: the admins' view of sign-ins, refusals and account changes. */
@ApiTags('security')
@ApiBearerAuth()
@Controller()
export class SecurityController {
  constructor(
    private readonly reader: SecurityEventsReader,
    private readonly settings: SecuritySettingsService,
  ) {}

  @Get('security-events')
  @ApiOperation({ summary: '安全事件（管理员）：登录、拒绝、账号与设置变更，可筛选' })
  @ApiOkResponse({ type: SecurityEventPageResponse })
  list(@Query() query: SecurityEventsQuery): Promise<SecurityEventPage> {
    return this.reader.page(query);
  }

  @Get('security-events/export')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: '导出安全事件（CSV，Excel 可直接打开；筛选条件同列表）' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV 文件' })
  async export(
    @Query() filter: SecurityEventsFilter,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const csv = await this.reader.csv(filter);
    const name = `安全事件-${shanghaiDate(new Date()).replace(/-/g, '')}.csv`;
    res.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8' });
  }

  @Get('security-settings')
  @ApiOperation({ summary: '安全设置（管理员）：空闲超时、会话最长时间、登录锁定' })
  @ApiOkResponse({ type: SecuritySettingsResponse })
  current(): Promise<SecuritySettingsView> {
    return this.settings.current();
  }

  @Put('security-settings')
  @ApiOperation({ summary: '修改安全设置（管理员，记入安全事件）' })
  @ApiOkResponse({ type: SecuritySettingsResponse })
  update(
    @Body() body: SecuritySettingsDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<SecuritySettingsView> {
    return this.settings.update(body, actor, req);
  }
}
