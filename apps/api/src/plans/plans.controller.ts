import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  Actor,
  AppliedSuggestionsView,
  PlanHeadingView,
  PlanPointView,
  PlanSummaryView,
  PlanView,
  PublishResult,
} from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { CreatePlanDto, PublishPlanDto } from './dto/create-plan.dto';
import {
  AddPointDto,
  EditPlanDto,
  EditPointDto,
  MergePointDto,
  RenameNodeDto,
  SplitPointDto,
} from './dto/edit-draft.dto';
import {
  AppliedSuggestionsResponse,
  PlanHeadingResponse,
  PlanPointResponse,
  PlanResponse,
  PlanSummaryResponse,
  PublishResultResponse,
} from './dto/plan.responses';
import { PlanDraftsService } from './plan-drafts.service';
import { PlanPublicationService } from './plan-publication.service';
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly publication: PlanPublicationService,
    private readonly drafts: PlanDraftsService,
  ) {}

  @Get()
  @ApiOperation({ summary: '计划列表（督办员、管理员含草稿；其他人只见已发布的计划）' })
  @ApiOkResponse({ type: [PlanSummaryResponse] })
  list(@CurrentActor() actor: Actor): Promise<PlanSummaryView[]> {
    return this.plans.list(actor);
  }

  @Post()
  @ApiOperation({ summary: '由 JSON 树创建计划草稿（章、节、要点）' })
  @ApiCreatedResponse({ type: PlanResponse })
  create(@Body() body: CreatePlanDto, @CurrentActor() actor: Actor): Promise<PlanView> {
    return this.plans.create(body, actor);
  }

  @Get(':planId')
  @ApiOperation({
    summary:
      '计划详情（树与要点）：督办员、管理员看全部；其他人只见已发布计划中职责范围内的要点及其所在章节',
  })
  @ApiOkResponse({ type: PlanResponse })
  get(
    @Param('planId', ParseUUIDPipe) planId: string,
    @CurrentActor() actor: Actor,
  ): Promise<PlanView> {
    return this.plans.get(planId, actor);
  }

  @Patch(':planId')
  @ApiOperation({ summary: '修改草稿计划：全计划的督办规则（仅草稿）' })
  @ApiOkResponse({ type: PlanResponse })
  async editPlan(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Body() body: EditPlanDto,
    @CurrentActor() actor: Actor,
  ): Promise<PlanView> {
    await this.drafts.editPlan(planId, body, actor);
    return this.plans.get(planId, actor);
  }

  @Patch(':planId/points/:pointId')
  @ApiOperation({
    summary: '修改草稿要点：交办信息、标题、正文、序号、章节、目标、时限、督办规则（仅草稿）',
  })
  @ApiOkResponse({ type: PlanPointResponse })
  edit(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @Body() body: EditPointDto,
    @CurrentActor() actor: Actor,
  ): Promise<PlanPointView> {
    return this.drafts.edit(planId, pointId, body, actor);
  }

  @Post(':planId/points')
  @ApiOperation({ summary: '新增要点（仅草稿）' })
  @ApiCreatedResponse({ type: PlanPointResponse })
  add(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Body() body: AddPointDto,
    @CurrentActor() actor: Actor,
  ): Promise<PlanPointView> {
    return this.drafts.add(planId, body, actor);
  }

  @Delete(':planId/points/:pointId')
  @HttpCode(204)
  @ApiOperation({ summary: '删除要点，其后序号前移（仅草稿）' })
  remove(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.drafts.remove(planId, pointId, actor);
  }

  @Post(':planId/points/:pointId/merge')
  @HttpCode(200)
  @ApiOperation({ summary: '把另一个要点并入本要点（仅草稿）' })
  @ApiOkResponse({ type: PlanPointResponse })
  merge(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @Body() body: MergePointDto,
    @CurrentActor() actor: Actor,
  ): Promise<PlanPointView> {
    return this.drafts.merge(planId, pointId, body.pointId, actor);
  }

  @Post(':planId/points/:pointId/split')
  @HttpCode(200)
  @ApiOperation({ summary: '从某一句起拆出新要点（仅草稿）' })
  @ApiOkResponse({ type: [PlanPointResponse], description: '原要点与拆出的新要点' })
  split(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @Body() body: SplitPointDto,
    @CurrentActor() actor: Actor,
  ): Promise<PlanPointView[]> {
    return this.drafts.split(planId, pointId, body.atSentence, actor);
  }

  @Patch(':planId/nodes/:nodeId')
  @ApiOperation({ summary: '修改章节标题（仅草稿）' })
  @ApiOkResponse({ type: PlanHeadingResponse })
  renameNode(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('nodeId', ParseUUIDPipe) nodeId: string,
    @Body() body: RenameNodeDto,
    @CurrentActor() actor: Actor,
  ): Promise<PlanHeadingView> {
    return this.drafts.renameNode(planId, nodeId, body.title, actor);
  }

  @Post(':planId/apply-suggestions')
  @HttpCode(200)
  @ApiOperation({ summary: '采纳导入时建议的牵头和配合单位（只填尚未指定的）' })
  @ApiOkResponse({ type: AppliedSuggestionsResponse })
  applySuggestions(
    @Param('planId', ParseUUIDPipe) planId: string,
    @CurrentActor() actor: Actor,
  ): Promise<AppliedSuggestionsView> {
    return this.drafts.applySuggestions(planId, actor);
  }

  @Post(':planId/publish')
  @HttpCode(200)
  @ApiOperation({ summary: '发布：每个要点启动一个工作流（重复发布只补启动缺失的）' })
  @ApiOkResponse({ type: PublishResultResponse })
  publish(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Body() body: PublishPlanDto,
    @CurrentActor() actor: Actor,
  ): Promise<PublishResult> {
    return this.publication.publish(planId, actor, body.requestId);
  }
}
