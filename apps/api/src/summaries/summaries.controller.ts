import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, ExportAccepted } from '@workpoints/contracts';
import { DOCX_CONTENT_TYPE } from '@workpoints/reports';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.decorators';
import { ExportAcceptedResponse } from '../exports/exports.responses';
import { fileOrAccepted } from '../exports/report-download';
import { SummariesService } from './summaries.service';
import { SummaryQuery } from './summary.dto';

@ApiTags('summaries')
@ApiBearerAuth()
@Controller('plans/:planId')
export class SummariesController {
  constructor(private readonly summaries: SummariesService) {}

  @Get('summary.docx')
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiOperation({
    summary:
      '下载上半年或年度工作总结初稿（Word）：总体情况、分章节推进情况、存在的问题、下一步工作重点；分管领导和处室负责人只含职责范围内的要点；所选要点超过 EXPORT_INLINE_LIMIT 项时转为后台导出（202，附 statusUrl）',
  })
  @ApiOkResponse({ description: '工作总结（Word）' })
  @ApiAcceptedResponse({ type: ExportAcceptedResponse, description: '已转为后台导出' })
  async summary(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Query() query: SummaryQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | ExportAccepted> {
    return fileOrAccepted(res, await this.summaries.document(planId, actor, query));
  }
}
