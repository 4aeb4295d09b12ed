import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, BulletinView, ScoreRulesView } from '@workpoints/contracts';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.decorators';
import { ScoreRulesDto } from './bulletins.dto';
import { BulletinResponse, ScoreRulesSettingsResponse } from './bulletin.responses';
import { BulletinsService } from './bulletins.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('bulletins')
@ApiBearerAuth()
@Controller('plans/:planId')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @Get('bulletins')
  @ApiOperation({ summary: '月度通报列表（最近的月份在前）' })
  @ApiOkResponse({ type: [BulletinResponse] })
  list(
    @Param('planId', ParseUUIDPipe) planId: string,
    @CurrentActor() actor: Actor,
  ): Promise<BulletinView[]> {
    return this.bulletins.list(planId, actor);
  }

  @Post('bulletins/:month')
  @ApiOperation({
    summary: '按需生成某月的通报和排名（已有的同月通报以当前数据重新生成，不再通知）',
  })
  @ApiCreatedResponse({ type: BulletinResponse })
  produce(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('month') month: string,
    @CurrentActor() actor: Actor,
  ): Promise<BulletinView> {
    return this.bulletins.produce(planId, month, actor);
  }

  @Get('bulletins/:month')
  @ApiOperation({ summary: '某月通报：排名、本月办结和逾期要点' })
  @ApiOkResponse({ type: BulletinResponse })
  get(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('month') month: string,
    @CurrentActor() actor: Actor,
  ): Promise<BulletinView> {
    return this.bulletins.get(planId, month, actor);
  }

  @Get('bulletins/:month/bulletin.docx')
  @ApiProduces(DOCX)
  @ApiOperation({ summary: '下载某月通报（Word）' })
  async document(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('month') month: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { filename, content } = await this.bulletins.document(planId, month, actor);
    res.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
    return new StreamableFile(content, { type: DOCX });
  }

  @Get('score-rules')
  @ApiOperation({ summary: '月度排名计分规则（计划设置覆盖默认值）' })
  @ApiOkResponse({ type: ScoreRulesSettingsResponse })
  rules(
    @Param('planId', ParseUUIDPipe) planId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ScoreRulesView> {
    return this.bulletins.rules(planId, actor);
  }

  @Put('score-rules')
  @ApiOperation({ summary: '修改月度排名计分规则（只改所给字段）' })
  @ApiOkResponse({ type: ScoreRulesSettingsResponse })
  changeRules(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Body() body: ScoreRulesDto,
    @CurrentActor() actor: Actor,
  ): Promise<ScoreRulesView> {
    return this.bulletins.changeRules(planId, body, actor);
  }
}
