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
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@workpoints/contracts';
import type { BulletinSummary } from '@workpoints/reports';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ScoreRulesDto } from './bulletins.dto';
import { BulletinsService, type ScoreRulesView } from './bulletins.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('bulletins')
@ApiBearerAuth()
@Controller('plans/:planId')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @Get('bulletins')
  @Roles('coordinator', 'admin', 'supervisor', 'head')
  @ApiOperation({ summary: '月度通报列表（最近的月份在前）' })
  list(@Param('planId', ParseUUIDPipe) planId: string): Promise<BulletinSummary[]> {
    return this.bulletins.list(planId);
  }

  @Post('bulletins/:month')
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: '按需生成某月的通报和排名（已有的同月通报以当前数据重新生成，不再通知）',
  })
  produce(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('month') month: string,
    @CurrentActor() actor: Actor,
  ): Promise<BulletinSummary> {
    return this.bulletins.produce(planId, month, actor);
  }

  @Get('bulletins/:month')
  @Roles('coordinator', 'admin', 'supervisor', 'head')
  @ApiOperation({ summary: '某月通报：排名、本月办结和逾期要点' })
  get(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('month') month: string,
  ): Promise<BulletinSummary> {
    return this.bulletins.get(planId, month);
  }

  @Get('bulletins/:month/bulletin.docx')
  @Roles('coordinator', 'admin', 'supervisor', 'head')
  @ApiProduces(DOCX)
  @ApiOperation({ summary: '下载某月通报（Word）' })
  async document(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('month') month: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { filename, content } = await this.bulletins.document(planId, month);
    res.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
    return new StreamableFile(content, { type: DOCX });
  }

  @Get('score-rules')
  @Roles('coordinator', 'admin', 'supervisor', 'head')
  @ApiOperation({ summary: '月度排名计分规则（计划设置覆盖默认值）' })
  rules(@Param('planId', ParseUUIDPipe) planId: string): Promise<ScoreRulesView> {
    return this.bulletins.rules(planId);
  }

  @Put('score-rules')
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: '修改月度排名计分规则（只改所给字段）' })
  changeRules(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Body() body: ScoreRulesDto,
    @CurrentActor() actor: Actor,
  ): Promise<ScoreRulesView> {
    return this.bulletins.changeRules(planId, body, actor);
  }
}
