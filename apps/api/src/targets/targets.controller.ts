import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, PointTargets, TargetProgress } from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { DashboardQuery } from '../dashboard/dashboard.dto';
import { AddTargetDto } from './targets.dto';
import { PointTargetsResponse, TargetProgressResponse } from './targets.responses';
import { TargetsService } from './targets.service';

@ApiTags('targets')
@ApiBearerAuth()
@Controller()
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get('plans/:planId/targets')
  @ApiOperation({
    summary:
      '量化目标完成情况：每项目标的目标值、最新实际值及日期、是否达标和全年走势，另附合计；筛选条件与督办看板相同',
  })
  @ApiOkResponse({ type: TargetProgressResponse })
  progress(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Query() query: DashboardQuery,
    @CurrentActor() actor: Actor,
  ): Promise<TargetProgress> {
    return this.targets.progress(planId, actor, query);
  }

  @Post('points/:pointId/targets')
  @ApiOperation({
    summary: '为要点手工添加量化目标（督办员；草稿或已发布的要点，追加在已有目标之后）',
  })
  @ApiCreatedResponse({ type: PointTargetsResponse })
  add(
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @Body() body: AddTargetDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointTargets> {
    return this.targets.add(pointId, actor, body);
  }
}
