import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { UserView } from '@workpoints/contracts';
import { CreateUserDto, ListUsersQuery } from './dto/create-user.dto';
import { UserResponse } from './dto/user.responses';
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
  @ApiOperation({ summary: '新增用户（管理员）' })
  @ApiCreatedResponse({ type: UserResponse })
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body);
  }
}
