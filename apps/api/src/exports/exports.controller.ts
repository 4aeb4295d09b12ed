import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorCode, type Actor, type ExportAccepted, type ExportView } from '@workpoints/contracts';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.decorators';
import { DomainException } from '../common/domain.exception';
import { CreateExportDto } from './exports.dto';
import { ExportAcceptedResponse, ExportResponse } from './exports.responses';
import { ExportsService } from './exports.service';
import { attachment } from './report-download';

@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post('plans/:planId/exports')
  @HttpCode(202)
  @ApiOperation({
    summary:
      '后台导出督办台账（Excel）或工作总结（Word）：筛选条件与权限同直接下载，返回查询进度的 statusUrl',
  })
  @ApiAcceptedResponse({ type: ExportAcceptedResponse })
  async create(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Body() body: CreateExportDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExportAccepted> {
    const { kind } = body;
    // The export keeps only the point filters of the body (normaliseReportRequest), within the
    // caller's remit (the service narrows them).
    const filters = body;
    const accepted =
      kind === 'ledger'
        ? await this.exports.start({ kind, planId, filters }, actor)
        : await this.exports.start({ kind, planId, filters, period: summaryPeriod(body) }, actor);
    res.setHeader('location', accepted.statusUrl);
    return accepted;
  }

  @Get('exports/:exportId')
  @ApiOperation({
    summary:
      '后台导出的进度：waiting / active / completed / failed，完成后给出下载地址，失败时给出原因',
  })
  @ApiOkResponse({ type: ExportResponse })
  status(
    @Param('exportId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ExportView> {
    return this.exports.status(id, actor);
  }

  @Get('exports/:exportId/file')
  @ApiOperation({ summary: '下载后台导出的文件（尚未完成或导出失败时 409）' })
  async file(
    @Param('exportId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return attachment(res, await this.exports.file(id, actor));
  }
}

/**
 * A summary's period, which it needs, and no status or colour filter, which would misstate its
 * figures (see SummaryFilters): refused rather than silently dropped.
 */
function summaryPeriod(body: CreateExportDto): NonNullable<CreateExportDto['period']> {
  if (body.status || body.risk)
    throw new DomainException(
      ErrorCode.InvalidInput,
      '工作总结不按完成情况（status）或红黄绿灯（risk）筛选，请去掉这两个条件',
    );
  if (!body.period)
    throw new DomainException(
      ErrorCode.InvalidInput,
      'period 应为 half-year（上半年）或 annual（全年）',
    );
  return body.period;
}
