import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@workpoints/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { DashboardQuery } from './dashboard.dto';
import { DashboardService, type PlanDashboard } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('plans/:planId/dashboard')
export class DashboardController {
  constructor(private readonly dashboards: DashboardService) {}

  @Get()
  @Roles('coordinator', 'admin', 'supervisor', 'head')
  @ApiOperation({
    summary: '督办看板：按状态、红黄绿灯、章节、牵头单位统计，逾期清单（逾期工作日）与即将到期要点',
  })
  dashboard(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Query() query: DashboardQuery,
    @CurrentActor() actor: Actor,
  ): Promise<PlanDashboard> {
    return this.dashboards.dashboard(planId, actor, query);
  }
}
