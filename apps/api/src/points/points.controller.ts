import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import {
  ActionDto,
  ApproveDto,
  ListPointsQuery,
  ReportProgressDto,
  ReturnDto,
  SubmitCompletionDto,
} from './dto/point-actions.dto';
import { PointActionsService, type PointStateView } from './point-actions.service';
import { type PointDetail, type PointSummary, PointsService } from './points.service';

@ApiTags('points')
@ApiBearerAuth()
@Controller('points')
export class PointsController {
  constructor(
    private readonly points: PointsService,
    private readonly actions: PointActionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: '要点列表（按计划、单位、状态筛选；只含职责范围内的要点）' })
  list(
    @Query() query: ListPointsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ total: number; items: PointSummary[] }> {
    return this.points.list(actor, query);
  }

  @Get(':pointId')
  @ApiOperation({ summary: '要点详情与时间线' })
  detail(
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @CurrentActor() actor: Actor,
  ): Promise<PointDetail> {
    return this.points.detail(pointId, actor);
  }

  @Get(':pointId/state')
  @ApiOperation({ summary: '工作流中的实时状态' })
  state(
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.state(pointId, actor);
  }

  @Post(':pointId/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '签收（牵头单位）' })
  acknowledge(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ActionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.actions.acknowledge(id, actor, body);
  }

  @Post(':pointId/reports')
  @HttpCode(200)
  @ApiOperation({ summary: '报送进展（牵头单位）' })
  report(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ReportProgressDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.actions.report(id, actor, body);
  }

  @Post(':pointId/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '申请办结（牵头单位）' })
  submit(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: SubmitCompletionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.actions.submit(id, actor, body);
  }

  @Post(':pointId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: '审核通过（先处室负责人，后分管领导）' })
  approve(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ApproveDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.actions.approve(id, actor, body);
  }

  @Post(':pointId/return')
  @HttpCode(200)
  @ApiOperation({ summary: '退回重办（附意见）' })
  return(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ReturnDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.actions.return(id, actor, body);
  }
}
