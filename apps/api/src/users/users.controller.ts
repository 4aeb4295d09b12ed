import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UserEntity } from '@workpoints/persistence';
import { Roles } from '../auth/auth.decorators';
import { CreateUserDto, ListUsersQuery } from './dto/create-user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: '用户列表（可按单位、角色筛选）' })
  list(@Query() query: ListUsersQuery): Promise<UserEntity[]> {
    return this.users.list(query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '新增用户（管理员）' })
  create(@Body() body: CreateUserDto): Promise<UserEntity> {
    return this.users.create(body);
  }
}
