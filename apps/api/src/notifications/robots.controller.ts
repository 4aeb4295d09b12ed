import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, RobotView } from '@workpoints/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { DepartmentParams, PutRobotDto, RobotParams } from './dto/robot.dto';
import { RobotResponse } from './dto/notification.responses';
import { RobotsService } from './robots.service';

@ApiTags('robots')
@ApiBearerAuth()
@Controller('departments/:id/robots')
export class RobotsController {
  constructor(private readonly robots: RobotsService) {}

  @Get()
  @ApiOperation({ summary: '单位的群机器人（管理员、督办员；不返回密钥）' })
  @ApiOkResponse({ type: [RobotResponse] })
  list(@Param() params: DepartmentParams): Promise<RobotView[]> {
    return this.robots.list(params.id);
  }

  @Get(':channel')
  @ApiOperation({ summary: '单位的某个群机器人（不返回密钥，只返回 hasSecret）' })
  @ApiOkResponse({ type: RobotResponse })
  get(@Param() params: RobotParams): Promise<RobotView> {
    return this.robots.get(params.id, params.channel);
  }

  @Put(':channel')
  @ApiOperation({ summary: '设置单位的群机器人：企业微信、钉钉或飞书（管理员、督办员）' })
  @ApiOkResponse({ type: RobotResponse })
  put(
    @Param() params: RobotParams,
    @Body() body: PutRobotDto,
    @CurrentActor() actor: Actor,
  ): Promise<RobotView> {
    return this.robots.put(params.id, params.channel, body, actor);
  }

  @Delete(':channel')
  @HttpCode(204)
  @ApiOperation({ summary: '删除单位的群机器人（管理员、督办员）' })
  remove(@Param() params: RobotParams, @CurrentActor() actor: Actor): Promise<void> {
    return this.robots.remove(params.id, params.channel, actor);
  }
}
