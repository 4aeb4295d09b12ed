import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, PointDetail, PointPage, PointStateView } from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import {
  ActionDto,
  ApproveDto,
  ChangeDeadlineDto,
  ChangePolicyDto,
  ContributeDto,
  DecideExtensionDto,
  ListPointsQuery,
  ReassignDto,
  ReportProgressDto,
  RequestExtensionDto,
  ResumeDto,
  ReturnDto,
  SteerDto,
  SubmitCompletionDto,
} from './dto/point-actions.dto';
import { PointDetailResponse, PointPageResponse, PointStateResponse } from './dto/point.responses';
import { PointActionsService } from './point-actions.service';
import { PointsService } from './points.service';

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
  @ApiOkResponse({ type: PointPageResponse })
  list(@Query() query: ListPointsQuery, @CurrentActor() actor: Actor): Promise<PointPage> {
    return this.points.list(actor, query);
  }

  @Get(':pointId')
  @ApiOperation({ summary: '要点详情与时间线' })
  @ApiOkResponse({ type: PointDetailResponse })
  detail(
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @CurrentActor() actor: Actor,
  ): Promise<PointDetail> {
    return this.points.detail(pointId, actor);
  }

  @Get(':pointId/state')
  @ApiOperation({ summary: '工作流中的实时状态' })
  @ApiOkResponse({ type: PointStateResponse })
  state(
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.state(pointId, actor);
  }

  @Post(':pointId/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '签收（牵头单位）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  acknowledge(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ActionDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.acknowledge(id, actor, body);
  }

  @Post(':pointId/reports')
  @HttpCode(200)
  @ApiOperation({ summary: '报送进展（牵头单位）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  report(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ReportProgressDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.report(id, actor, body);
  }

  @Post(':pointId/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '申请办结（牵头单位）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  submit(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: SubmitCompletionDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.submit(id, actor, body);
  }

  @Post(':pointId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: '审核通过（先处室负责人，后分管领导）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  approve(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ApproveDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.approve(id, actor, body);
  }

  @Post(':pointId/return')
  @HttpCode(200)
  @ApiOperation({ summary: '退回重办（附意见）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  return(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ReturnDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.return(id, actor, body);
  }

  @Post(':pointId/contributions')
  @HttpCode(200)
  @ApiOperation({ summary: '报送配合材料（配合单位；附在牵头单位下一次报送中）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  contribute(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ContributeDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.contribute(id, actor, body);
  }

  @Post(':pointId/extension-requests')
  @HttpCode(200)
  @ApiOperation({ summary: '申请延期（牵头单位；同一时间只能有一项待审批）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  requestExtension(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: RequestExtensionDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.requestExtension(id, actor, body);
  }

  @Post(':pointId/extension-requests/decision')
  @HttpCode(200)
  @ApiOperation({ summary: '审批延期（该要点的分管领导；不同意须说明理由）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  decideExtension(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: DecideExtensionDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.decideExtension(id, actor, body);
  }

  @Post(':pointId/suspend')
  @HttpCode(200)
  @ApiOperation({ summary: '暂停办理（督办员；须说明理由，暂停期间不提醒、不办理）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  suspend(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: SteerDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.suspend(id, actor, body);
  }

  @Post(':pointId/resume')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复办理（督办员）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  resume(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ResumeDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.resume(id, actor, body);
  }

  @Post(':pointId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: '取消要点（督办员；须说明理由，取消后不能再办理）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  cancel(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: SteerDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.cancel(id, actor, body);
  }

  @Post(':pointId/reassign')
  @HttpCode(200)
  @ApiOperation({ summary: '调整牵头单位、配合单位和分管领导（督办员）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  reassign(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ReassignDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.reassign(id, actor, body);
  }

  @Put(':pointId/deadline')
  @ApiOperation({ summary: '调整完成时限（督办员；须说明理由，日期须在工作日历已知的年份）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  changeDeadline(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ChangeDeadlineDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.changeDeadline(id, actor, body);
  }

  @Put(':pointId/policy')
  @ApiOperation({ summary: '调整督办规则：报送周期、提醒、逾期提请等（督办员；只改给出的字段）' })
  @ApiOkResponse({ type: PointStateResponse, description: '操作后的实时状态' })
  changePolicy(
    @Param('pointId', ParseUUIDPipe) id: string,
    @Body() body: ChangePolicyDto,
    @CurrentActor() actor: Actor,
  ): Promise<PointStateView> {
    return this.actions.changePolicy(id, actor, body);
  }
}
