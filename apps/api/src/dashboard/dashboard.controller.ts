import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, ExportAccepted, PlanDashboard } from '@workpoints/contracts';
import { XLSX_CONTENT_TYPE } from '@workpoints/reports';
import { CurrentActor } from '../auth/auth.decorators';
import { ExportAcceptedResponse } from '../exports/exports.responses';
import { fileOrAccepted } from '../exports/report-download';
import { DashboardQuery } from './dashboard.dto';
import { PlanDashboardResponse } from './dashboard.responses';
import { DashboardService } from './dashboard.service';
import { LedgerService } from './ledger.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('plans/:planId')
export class DashboardController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly ledgers: LedgerService,
  ) {}

  @Get('ledger.xlsx')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary:
      '下载督办台账（Excel），筛选条件与督办看板相同；所选要点超过 EXPORT_INLINE_LIMIT 项时转为后台导出（202，附 statusUrl）',
  })
  @ApiOkResponse({ description: '督办台账（Excel）' })
  @ApiAcceptedResponse({ type: ExportAcceptedResponse, description: '已转为后台导出' })
  async ledger(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Query() query: DashboardQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | ExportAccepted> {
    return fileOrAccepted(res, await this.ledgers.workbook(planId, actor, query));
  }

  @Get('dashboard')
  @ApiOperation({
    summary: '督办看板：按状态、红黄绿灯、章节、牵头单位统计，逾期清单（逾期工作日）与即将到期要点',
  })
  @ApiOkResponse({ type: PlanDashboardResponse })
  dashboard(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Query() query: DashboardQuery,
    @CurrentActor() actor: Actor,
  ): Promise<PlanDashboard> {
    return this.dashboards.dashboard(planId, actor, query);
  }
}
