import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
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
  PasswordResetView,
  SessionsRevokedView,
  UserView,
} from '@workpoints/contracts';
import type { Request } from 'express';
import { CurrentActor } from '../auth/auth.decorators';
import { SessionsRevokedResponse } from '../auth/dto/auth.responses';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/create-user.dto';
import { PasswordResetResponse, UserResponse } from './dto/user.responses';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: '用户列表（可按单位、角色筛选）' })
  @ApiOkResponse({ type: [UserResponse] })
  list(@Query() query: ListUsersQuery): Promise<UserView[]> {
    return this.users.list(query);
  }

  @Post()
  @ApiOperation({
    summary: '新增用户（管理员）',
    description: '初始密码须符合密码要求；本人首次登录时必须改为自己的密码。',
  })
  @ApiCreatedResponse({ type: UserResponse })
  create(
    @Body() body: CreateUserDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<UserView> {
    return this.users.create(body, actor, req);
  }

  @Patch(':userId')
  @ApiOperation({ summary: '修改用户的姓名、单位、角色或邮箱（管理员；只改所给字段）' })
  @ApiOkResponse({ type: UserResponse })
  update(
    @Param('userId', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<UserView> {
    return this.users.update(id, body, actor, req);
  }

  @Post(':userId/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: '停用账号（管理员）：其全部登录立即失效' })
  @ApiOkResponse({ type: UserResponse })
  deactivate(
    @Param('userId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<UserView> {
    return this.users.deactivate(id, actor, req);
  }

  @Post(':userId/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: '启用账号（管理员）' })
  @ApiOkResponse({ type: UserResponse })
  reactivate(
    @Param('userId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<UserView> {
    return this.users.reactivate(id, actor, req);
  }

  @Post(':userId/reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary: '重置密码（管理员）：生成一次性密码，只显示这一次',
    description: '同时解除锁定、结束该账号的全部登录；本人用一次性密码登录后须立即设置自己的密码。',
  })
  @ApiOkResponse({ type: PasswordResetResponse })
  resetPassword(
    @Param('userId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<PasswordResetView> {
    return this.users.resetPassword(id, actor, req);
  }

  @Post(':userId/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: '解除登录锁定（管理员）' })
  @ApiOkResponse({ type: UserResponse })
  unlock(
    @Param('userId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<UserView> {
    return this.users.unlock(id, actor, req);
  }

  @Post(':userId/sessions/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: '结束该账号的全部登录（管理员）' })
  @ApiOkResponse({ type: SessionsRevokedResponse })
  endSessions(
    @Param('userId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<SessionsRevokedView> {
    return this.users.endSessions(id, actor, req);
  }
}
