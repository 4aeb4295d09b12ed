import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@workpoints/contracts';
import type { PlanEntity, WorkPointEntity } from '@workpoints/persistence';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AssignPointDto, CreatePlanDto, PublishPlanDto } from './dto/create-plan.dto';
import { PlanPublicationService, type PublishResult } from './plan-publication.service';
import { type PlanView, PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly publication: PlanPublicationService,
  ) {}

  @Get()
  @ApiOperation({ summary: '计划列表' })
  list(): Promise<PlanEntity[]> {
    return this.plans.list();
  }

  @Post()
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: '由 JSON 树创建计划草稿（章、节、要点）' })
  create(@Body() body: CreatePlanDto, @CurrentActor() actor: Actor): Promise<PlanView> {
    return this.plans.create(body, actor);
  }

  @Get(':planId')
  @ApiOperation({ summary: '计划详情（树与要点）' })
  get(@Param('planId', ParseUUIDPipe) planId: string): Promise<PlanView> {
    return this.plans.get(planId);
  }

  @Patch(':planId/points/:pointId')
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: '交办：牵头单位、配合单位、完成时限、分管领导（仅草稿）' })
  assign(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @Body() body: AssignPointDto,
    @CurrentActor() actor: Actor,
  ): Promise<WorkPointEntity> {
    return this.plans.assign(planId, pointId, body, actor);
  }

  @Post(':planId/publish')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: '发布：每个要点启动一个工作流（重复发布只补启动缺失的）' })
  publish(
    @Param('planId', ParseUUIDPipe) planId: string,
    @Body() body: PublishPlanDto,
    @CurrentActor() actor: Actor,
  ): Promise<PublishResult> {
    return this.publication.publish(planId, actor, body.requestId);
  }
}
